import { figureProblems } from './check-figure';
import type { DataProblem } from './data-problem';
import { findMentions } from './find-mentions';
import type { ArticleNode, Attribution, ClaimNode, Edge, EntityNode, FigureNode, Mention, NodeKind, QuoteNode, Span } from './model';
import { compareEdges, compareMentions, compareNodes, sortNameOf } from './graph-order';
import { type LeftOut, NOTHING_LEFT_OUT, type RawArticle, type RawEntity } from './raw-data';
import { resolveTextQuote, type TextQuoteSelector } from './text-quote';
import { PREDICATE_BY_NAME } from './vocabulary';
import { isInsideQuotation } from './words';

/** A node as derived from its data, before it has a slot in a graph. */
export type UnplacedNode<N> = N extends unknown ? Omit<N, 'slot'> : never;

/** An edge as derived from its data, before it has a slot in a graph. */
export type UnplacedEdge = Omit<Edge, 'slot'>;

/** What the graph keeps of each article, to replace or remove it later. */
export interface ArticleRecord {
  /** The file the article comes from, relative to the data directory. */
  readonly file: string;
  /** The entities the article lists (its `entities`), in its order. */
  readonly entities: readonly string[];
  /** Its quotes, claims and figures. */
  readonly itemIds: readonly string[];
  /** Its edges. */
  readonly edgeIds: readonly string[];
}

/** Everything one article adds to the graph, checked and ready to index. */
export interface ArticleFragment {
  /** The file the article comes from, relative to the data directory. */
  readonly file: string;
  readonly raw: RawArticle;
  readonly article: UnplacedNode<ArticleNode>;
  /** Its quotes, claims and figures. */
  readonly items: readonly UnplacedNode<QuoteNode | ClaimNode | FigureNode>[];
  /** Every edge the article states or implies, in edge order. */
  readonly edges: readonly UnplacedEdge[];
  /** Every mention of a listed entity, in mention order. */
  readonly mentions: readonly Mention[];
}

/** What the entities of the graph are, as an article is checked against them. */
export interface EntityLookup {
  get(id: string): EntityNode | undefined;
  /** True for an id known to exist in a file that failed its schema (its references are not reported again). */
  isUnverified?(id: string): boolean;
  /** Entity files that could not be read at all: an unknown id may be defined there. */
  readonly unreadableFiles?: readonly string[];
}

const KIND_OF_TYPE: Readonly<Record<RawEntity['type'], EntityNode['kind']>> = {
  Person: 'PERSON',
  Organization: 'ORGANIZATION',
  Place: 'PLACE',
  Event: 'EVENT',
  Topic: 'TOPIC',
};

/** The entity an entities-file record defines (not yet placed in a graph). */
export function entityOf(raw: RawEntity): UnplacedNode<EntityNode> {
  return {
    id: raw.id,
    kind: KIND_OF_TYPE[raw.type],
    name: raw.name,
    sortName: sortNameOf(raw),
    aliases: raw.aliases ?? [],
    description: raw.description ?? null,
    sameAs: raw.sameAs ?? [],
  };
}

/** The problems of one entity record on its own: an id that does not start with its kind. */
export function entityProblems(raw: RawEntity, path: string): { path: string; message: string }[] {
  const kind = KIND_OF_TYPE[raw.type].toLowerCase();
  return raw.id.startsWith(`${kind}:`)
    ? []
    : [{ path: `${path}.id`, message: `id ${JSON.stringify(raw.id)} must start with "${kind}:" for an entity of type ${raw.type}` }];
}

/** Slug of an article id: `article:x-y` → `x-y`. */
export function articleSlug(articleId: string): string {
  return articleId.slice('article:'.length);
}

/** Ids of the nodes an article holds: `quote:<slug>/<key>` and so on. */
export function articleItemId(kind: 'quote' | 'claim' | 'figure', articleId: string, key: string): string {
  return `${kind}:${articleSlug(articleId)}/${key}`;
}

/** True for an ISO date (or date-time) naming a day that exists. */
function isRealDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && !Number.isNaN(Date.parse(value));
}

/** An edge before its id and order are known. */
interface PendingEdge {
  readonly predicate: string;
  readonly from: string;
  readonly to: string;
  readonly qualifier: string | null;
  readonly span: Span;
  readonly stated: boolean;
}

/**
 * Checks one article (already matched to its JSON Schema) against the
 * entities, and derives what it adds to the graph. Every problem is added to
 * `problems` with the article's file and a JSON path; the fragment is
 * returned only when the article has none.
 */
export function deriveArticle(
  file: string,
  raw: RawArticle,
  entities: EntityLookup,
  problems: DataProblem[],
  leftOut: LeftOut = NOTHING_LEFT_OUT,
): ArticleFragment | undefined {
  const before = problems.length;
  const report = (path: string, message: string) => problems.push({ file, path, message });
  const articleId = raw.id;
  const text = raw.text;
  const items: UnplacedNode<QuoteNode | ClaimNode | FigureNode>[] = [];
  const edges: PendingEdge[] = [];
  const mentions: Mention[] = [];

  if (raw.publishedAt !== undefined && !isRealDate(raw.publishedAt)) report('$.publishedAt', `${JSON.stringify(raw.publishedAt)} is not a real date`);

  const declared = new Set(raw.entities);
  const unreadable = entities.unreadableFiles ?? [];
  const reportUnknown = (id: string, path: string) => {
    // An entity in a file that failed its schema is known; that file's problem is already reported.
    if (entities.isUnverified?.(id)) return;
    const unread = unreadable.length > 0 ? ` (or it is in ${unreadable.join(', ')}, which could not be read)` : '';
    report(path, `unknown entity ${JSON.stringify(id)}: no entity file defines it${unread}`);
  };
  raw.entities.forEach((id, i) => {
    if (!entities.get(id)) reportUnknown(id, `$.entities[${i}]`);
  });

  /** Checks that an entity reference is known, listed by the article and of an allowed kind. */
  const entityRef = (id: string, path: string, allowed?: readonly NodeKind[]): EntityNode | undefined => {
    const entity = entities.get(id);
    if (!entity) {
      reportUnknown(id, path);
      return undefined;
    }
    if (!declared.has(id)) report(path, `entity ${JSON.stringify(id)} is used here but not listed in the article's "entities"`);
    if (allowed && !allowed.includes(entity.kind)) {
      report(path, `entity ${JSON.stringify(id)} is of kind ${entity.kind}; expected ${allowed.join(' or ')}`);
      return undefined;
    }
    return entity;
  };

  /** Resolves the words a statement rests on to a span, or reports why it cannot. */
  const locate = (selector: TextQuoteSelector, path: string, what: 'quote' | 'source'): Span | undefined => {
    const match = resolveTextQuote(text, selector);
    if (!match.ok) {
      const lead = {
        missing: what === 'quote' ? 'quote is not verbatim' : 'quoted words not found',
        ambiguous: what === 'quote' ? 'quote is ambiguous' : 'quoted words are ambiguous',
        partial: what === 'quote' ? 'quote cuts a word' : 'quoted words cut a word',
      }[match.reason];
      report(path, `${lead}: ${match.message}`);
      return undefined;
    }
    return { articleId, start: match.start, end: match.end };
  };

  const keyChecker = (collection: string) => {
    const seen = new Set<string>();
    return (key: string, path: string): boolean => {
      if (seen.has(key)) {
        report(`${path}.key`, `duplicate ${collection} key ${JSON.stringify(key)} in this article`);
        return false;
      }
      seen.add(key);
      return true;
    };
  };

  const addItem = (node: UnplacedNode<QuoteNode | ClaimNode | FigureNode>) => items.push(node);
  const derived = (predicate: string, from: string, to: string, span: Span) => edges.push({ predicate, from, to, qualifier: null, span, stated: false });

  // Quotes.
  const quoteSpeakers = new Map<string, string>();
  /** Quotes with a problem of their own: claims resting on them are not checked against them again. */
  const brokenQuotes = new Set<string>(leftOut.quoteKeys);
  const quoteSpans = new Map<string, Span>();
  const newQuoteKey = keyChecker('quote');
  (raw.quotes ?? []).forEach((quote, i) => {
    if (leftOut.items.quotes.has(i)) return;
    const path = `$.quotes[${i}]`;
    if (!newQuoteKey(quote.key, path)) return;
    const speaker = entityRef(quote.speaker, `${path}.speaker`, ['PERSON', 'ORGANIZATION']);
    let span = locate({ exact: quote.text, prefix: quote.prefix, suffix: quote.suffix }, `${path}.text`, 'quote');
    if (span && !isInsideQuotation(text, span.start, span.end)) {
      report(
        `${path}.text`,
        `quote is not within quotation marks: the words at offsets ${span.start}-${span.end} are not inside a quotation in the article text`,
      );
      span = undefined;
    }
    if (!span || !speaker) brokenQuotes.add(quote.key);
    if (!span) return;
    const id = articleItemId('quote', articleId, quote.key);
    quoteSpans.set(quote.key, span);
    addItem({ id, kind: 'QUOTE', span });
    derived('CONTAINS', articleId, id, span);
    if (speaker) {
      quoteSpeakers.set(quote.key, speaker.id);
      derived('SAID', speaker.id, id, span);
    }
  });

  // Claims.
  const claimKeys = new Set((raw.claims ?? []).filter((_, i) => !leftOut.items.claims.has(i)).map((c) => c.key));
  const newClaimKey = keyChecker('claim');
  (raw.claims ?? []).forEach((claim, i) => {
    if (leftOut.items.claims.has(i)) return;
    const path = `$.claims[${i}]`;
    if (!newClaimKey(claim.key, path)) return;
    const id = articleItemId('claim', articleId, claim.key);
    const attribution: Attribution = claim.attribution;
    let claimant: EntityNode | undefined;
    if (attribution === 'EDITORIAL') {
      if (claim.claimant !== undefined)
        report(`${path}.claimant`, 'an EDITORIAL claim is the article\'s own voice and has no claimant; remove "claimant" or change the attribution');
    } else if (claim.claimant === undefined) {
      report(path, `a ${attribution} claim needs a "claimant"`);
    } else {
      claimant = entityRef(claim.claimant, `${path}.claimant`, ['PERSON', 'ORGANIZATION']);
    }
    const supporting = claim.quotes ?? [];
    supporting.forEach((key, j) => {
      const known = (raw.quotes ?? []).some((q, k) => !leftOut.items.quotes.has(k) && q.key === key) || leftOut.quoteKeys.has(key) || leftOut.someQuoteUnnamed;
      if (!known) report(`${path}.quotes[${j}]`, `unknown quote key ${JSON.stringify(key)} in this article`);
    });
    if (
      attribution === 'DIRECT_QUOTE' &&
      claim.claimant !== undefined &&
      !leftOut.someQuoteUnnamed &&
      !supporting.some((key) => quoteSpeakers.get(key) === claim.claimant || brokenQuotes.has(key))
    ) {
      report(`${path}.quotes`, `a DIRECT_QUOTE claim must be supported by a quote of its claimant ${JSON.stringify(claim.claimant)}`);
    }
    const subjects = claim.subjects.map((s, j) => entityRef(s, `${path}.subjects[${j}]`));
    const span = locate(claim.source, `${path}.source.exact`, 'source');
    if (!span) return;
    addItem({ id, kind: 'CLAIM', text: claim.text, attribution, span });
    derived('CONTAINS', articleId, id, span);
    if (claimant) derived('CLAIMS', claimant.id, id, span);
    for (const subject of subjects) if (subject) derived('ABOUT', id, subject.id, span);
    for (const key of supporting) {
      const quoteSpan = quoteSpans.get(key);
      if (quoteSpan) derived('SUPPORTED_BY', id, articleItemId('quote', articleId, key), quoteSpan);
    }
  });

  // Figures.
  const newFigureKey = keyChecker('figure');
  (raw.figures ?? []).forEach((figure, i) => {
    if (leftOut.items.figures.has(i)) return;
    const path = `$.figures[${i}]`;
    if (!newFigureKey(figure.key, path)) return;
    const hasPoint = figure.value !== undefined;
    const hasRange = figure.minValue !== undefined || figure.maxValue !== undefined;
    let shaped = false;
    if (hasPoint && hasRange) {
      report(path, 'a figure has either "value" or both "minValue" and "maxValue"');
    } else if (!hasPoint && !hasRange && figure.change === undefined) {
      report(path, 'a figure has "value", or both "minValue" and "maxValue", or (stating only a change) a "change"');
    } else if (hasRange && (figure.minValue === undefined || figure.maxValue === undefined)) {
      report(path, 'a range needs both "minValue" and "maxValue"');
    } else if (hasRange && figure.minValue! > figure.maxValue!) {
      report(`${path}.minValue`, `minValue ${figure.minValue} is greater than maxValue ${figure.maxValue}`);
    } else {
      shaped = true;
    }
    const subject = entityRef(figure.subject, `${path}.subject`);
    if (!claimKeys.has(figure.claim) && !leftOut.claimKeys.has(figure.claim) && !leftOut.someClaimUnnamed)
      report(`${path}.claim`, `unknown claim key ${JSON.stringify(figure.claim)} in this article`);
    const span = locate(figure.source, `${path}.source.exact`, 'source');
    if (!span) return;
    if (shaped) for (const problem of figureProblems(figure, text.slice(span.start, span.end), path)) report(problem.path, problem.message);
    const id = articleItemId('figure', articleId, figure.key);
    addItem({
      id,
      kind: 'FIGURE',
      label: figure.label,
      value: figure.value ?? null,
      minValue: figure.minValue ?? null,
      maxValue: figure.maxValue ?? null,
      unit: figure.unit,
      counted: figure.counted ?? null,
      qualifier: figure.qualifier ?? null,
      change: figure.change
        ? {
            direction: figure.change.direction,
            value: figure.change.value ?? null,
            unit: figure.change.unit ?? null,
            qualifier: figure.change.qualifier ?? null,
            basis: figure.change.basis ?? null,
          }
        : null,
      period: figure.period ?? null,
      span,
    });
    derived('CONTAINS', articleId, id, span);
    if (subject) derived('MEASURES', id, subject.id, span);
    if (claimKeys.has(figure.claim)) derived('STATES', articleItemId('claim', articleId, figure.claim), id, span);
  });

  // Stated relations.
  const seenRelations = new Map<string, number>();
  (raw.relations ?? []).forEach((relation, i) => {
    if (leftOut.items.relations.has(i)) return;
    const path = `$.relations[${i}]`;
    const definition = PREDICATE_BY_NAME.get(relation.predicate)!;
    const from = entityRef(relation.from, `${path}.from`, definition.from);
    const to = entityRef(relation.to, `${path}.to`, definition.to);
    if (relation.from === relation.to) report(path, `a relation needs two different entities; "from" and "to" are both ${JSON.stringify(relation.from)}`);
    if (definition.qualifierRequired && relation.qualifier === undefined)
      report(path, `a ${relation.predicate} relation needs a "qualifier" (the title of the role)`);
    const signature = `${relation.from}|${relation.predicate}|${relation.to}|${relation.qualifier ?? ''}`;
    const earlier = seenRelations.get(signature);
    if (earlier !== undefined) {
      report(path, `duplicate relation: the same as $.relations[${earlier}]`);
      return;
    }
    seenRelations.set(signature, i);
    const span = locate(relation.source, `${path}.source.exact`, 'source');
    if (!span || !from || !to) return;
    edges.push({ predicate: relation.predicate, from: from.id, to: to.id, qualifier: relation.qualifier ?? null, span, stated: true });
  });

  // Mentions: every whole-word occurrence of a listed entity's name or alias.
  raw.entities.forEach((id, i) => {
    const entity = entities.get(id);
    if (!entity) return;
    const found = findEntityMentions(text, entity);
    if (found.length === 0) {
      report(`$.entities[${i}]`, noMentionMessage(entity));
      return;
    }
    for (const { start, end } of found) mentions.push({ entityId: id, span: { articleId, start, end } });
    derived('MENTIONS', articleId, id, { articleId, start: found[0].start, end: found[0].end });
  });

  if (problems.length > before) return undefined;
  return {
    file,
    raw,
    article: {
      id: articleId,
      kind: 'ARTICLE',
      headline: raw.headline,
      description: raw.description ?? null,
      text,
      url: raw.url ?? null,
      publishedAt: raw.publishedAt ?? null,
    },
    items: items.sort(compareNodes),
    edges: placeEdges(edges),
    mentions: mentions.sort((a, b) => compareMentions(a, b, (id) => entities.get(id))),
  };
}

/** What the graph keeps of an article's fragment. */
export function recordOf(fragment: ArticleFragment): ArticleRecord {
  return {
    file: fragment.file,
    entities: fragment.raw.entities,
    itemIds: fragment.items.map((item) => item.id),
    edgeIds: fragment.edges.map((edge) => edge.id),
  };
}

/** Where an entity's name or aliases stand in a text, as whole words. */
export function findEntityMentions(text: string, entity: Pick<EntityNode, 'name' | 'aliases'>): { start: number; end: number }[] {
  return findMentions(text, [entity.name, ...entity.aliases]);
}

/** The problem of an article that lists an entity whose names it never uses. */
export function noMentionMessage(entity: Pick<EntityNode, 'id' | 'name' | 'aliases'>): string {
  return `no mention of ${JSON.stringify(entity.id)} in the text: none of ${[entity.name, ...entity.aliases].map((n) => JSON.stringify(n)).join(', ')} occurs as a whole word`;
}

/** Gives an article's edges their ids, in edge order: an edge stated again gets the id of the first with `|2`, `|3`, ... */
function placeEdges(pending: readonly PendingEdge[]): UnplacedEdge[] {
  const ids = new Set<string>();
  // Sorted before the ids are given (the sort is stable, and ids come last in edge order).
  const sorted = pending.map((edge) => ({ ...edge, id: '' })).sort(compareEdges);
  return sorted.map((edge) => {
    const base = edge.stated ? `${edge.span.articleId}|${edge.from}|${edge.predicate}|${edge.to}` : `${edge.from}|${edge.predicate}|${edge.to}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}|${n}`;
    ids.add(id);
    return { id, predicate: edge.predicate, from: edge.from, to: edge.to, qualifier: edge.qualifier, span: edge.span };
  });
}
