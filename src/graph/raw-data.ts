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
  period?: string;
  subject: string;
  claim: string;
  source: TextQuoteSelector;
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

/** A data file that parsed and matched its JSON Schema. */
export interface ParsedFile<T> {
  /** Path relative to the data directory, with `/` separators. */
  readonly file: string;
  readonly content: T;
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
