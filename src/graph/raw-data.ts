import type { ChangeBasis, ChangeDirection, FigureQualifier } from './model';
import type { TextQuoteSelector } from './text-quote';

/** An entity as written in `graph-data/entities/*.json`. */
export interface RawEntity {
  id: string;
  type: 'Person' | 'Organization' | 'Place' | 'Event' | 'Topic';
  name: string;
  aliases?: string[];
  description?: string;
  sameAs?: string[];
}

/** The content of an entities file. */
export interface RawEntitiesFile {
  entities: RawEntity[];
}

/** A quote as written in an article file. */
export interface RawQuote {
  key: string;
  speaker: string;
  text: string;
  prefix?: string;
  suffix?: string;
}

/** A claim as written in an article file. */
export interface RawClaim {
  key: string;
  text: string;
  attribution: 'DIRECT_QUOTE' | 'PARAPHRASE' | 'EDITORIAL';
  claimant?: string;
  subjects: string[];
  quotes?: string[];
  source: TextQuoteSelector;
}

/** A figure as written in an article file. */
export interface RawFigure {
  key: string;
  label: string;
  value?: number;
  minValue?: number;
  maxValue?: number;
  unit: string;
  counted?: string;
  qualifier?: FigureQualifier;
  change?: RawFigureChange;
  period?: string;
  subject: string;
  claim: string;
  source: TextQuoteSelector;
}

/** A figure's change as written in an article file. */
export interface RawFigureChange {
  direction: ChangeDirection;
  value?: number;
  unit?: string;
  qualifier?: FigureQualifier;
  basis?: ChangeBasis;
}

/** A stated relation as written in an article file. */
export interface RawRelation {
  predicate: string;
  from: string;
  to: string;
  qualifier?: string;
  source: TextQuoteSelector;
}

/** The content of an article file. */
export interface RawArticle {
  id: string;
  headline: string;
  description?: string;
  text: string;
  url?: string;
  publishedAt?: string;
  entities: string[];
  quotes?: RawQuote[];
  claims?: RawClaim[];
  figures?: RawFigure[];
  relations?: RawRelation[];
}

/** What was left out of an article because it failed the schema: references to these are not reported again. */
export interface LeftOut {
  /** The indexes of the items left out, by list: they stay in the article, so that the paths of the others stay put, and are skipped. */
  readonly items: Readonly<Record<'quotes' | 'claims' | 'figures' | 'relations', ReadonlySet<number>>>;
  readonly quoteKeys: ReadonlySet<string>;
  readonly claimKeys: ReadonlySet<string>;
  /** True when a quote (or claim) without a readable key was left out: then no quote (or claim) key is reported unknown. */
  readonly someQuoteUnnamed: boolean;
  readonly someClaimUnnamed: boolean;
}

/** Nothing left out: the article matched its schema whole. */
export const NOTHING_LEFT_OUT: LeftOut = {
  items: { quotes: new Set(), claims: new Set(), figures: new Set(), relations: new Set() },
  quoteKeys: new Set(),
  claimKeys: new Set(),
  someQuoteUnnamed: false,
  someClaimUnnamed: false,
};

/** An article that matches the schema, or the parts of it that do, and what was left out. */
export interface CheckableArticle {
  readonly article: RawArticle;
  readonly leftOut: LeftOut;
}

/** A data file that parsed and matched its JSON Schema (or, when it failed it in parts, those that match). */
export interface ParsedFile<T> {
  /** Path relative to the data directory, with `/` separators. */
  readonly file: string;
  readonly content: T;
  /** Parts of an article left out because they failed the schema; absent when none was. */
  readonly leftOut?: LeftOut;
}

/** Everything read from a data directory, before cross-file validation. */
export interface RawGraphData {
  readonly entityFiles: readonly ParsedFile<RawEntitiesFile>[];
  readonly articleFiles: readonly ParsedFile<RawArticle>[];
  /** The digest of each file's path and bytes (see version-digest.ts): equal digests mean equal data. */
  readonly fileDigests: readonly (readonly [string, string])[];
  /** Entity ids seen in entity files that failed their schema (known to exist, but not loaded). */
  readonly unverifiedEntityIds: ReadonlySet<string>;
  /** Entity files that are not valid JSON: the entities they define cannot be known. */
  readonly unreadableEntityFiles: readonly string[];
}
