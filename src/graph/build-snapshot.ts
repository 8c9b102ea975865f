import type { DataProblem } from './data-problem';
import { buildAdjacency } from './adjacency';
import { findMentions } from './find-mentions';
import { SearchIndex } from './search-index';
import { isInsideQuotation } from './words';
import {
  type Attribution,
  type ClaimNode,
  type Edge,
  type EntityKind,
  type EntityNode,
  type FigureNode,
  type GraphNode,
  type Mention,
  NODE_KINDS,
  type NodeKind,
  type QuoteNode,
  type Span,
} from './model';
import type { ParsedFile, RawArticle, RawGraphData } from './raw-data';
import { type EdgesByPredicate, type GraphSnapshot, relatedKey } from './snapshot';
import { resolveTextQuote, type TextQuoteSelector } from './text-quote';
import { PREDICATE_BY_NAME, PREDICATES } from './vocabulary';

const KIND_OF_TYPE: Record<string, EntityKind> = {
  Person: 'PERSON',
  Organization: 'ORGANIZATION',
  Place: 'PLACE',
  Event: 'EVENT',
  Topic: 'TOPIC',
};

/** An edge before ordinals are assigned; `position` orders it. */
interface PendingEdge {
  predicate: string;
  from: string;
  to: string;
  qualifier: string | null;
  span: Span;
  stated: boolean;
}

/** A mention before its ordinal is known. */
type PendingMention = Omit<Mention, 'ordinal'>;

/** A node before its ordinal is known (Omit distributed over the union). */
type PendingNode = GraphNode extends infer N ? (N extends GraphNode ? Omit<N, 'ordinal'> : never) : never;

/** Collects problems for one file. */
class ProblemSink {
  constructor(
    private readonly problems: DataProblem[],
    private readonly file: string,
  ) {}

  add(path: string, message: string): void {
    this.problems.push({ file: this.file, path, message });
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Slug of an article id: `article:x-y` → `x-y`. */
function articleSlug(articleId: string): string {
  return articleId.slice('article:'.length);
}

/** Ids of the nodes an article holds: `quote:<slug>/<key>` and so on. */
export function articleItemId(kind: 'quote' | 'claim' | 'figure', articleId: string, key: string): string {
  return `${kind}:${articleSlug(articleId)}/${key}`;
}

/** The result of building: a snapshot, or every problem that prevented it. */
export type BuildResult = { ok: true; snapshot: GraphSnapshot } | { ok: false; problems: DataProblem[] };

/**
 * Validates parsed graph data across files and builds the immutable snapshot
 * with its indexes. Every problem is collected; if there is any, no snapshot
 * is built (a partial graph is never served).
 */
export function buildSnapshot(data: RawGraphData, earlierProblems: readonly DataProblem[] = []): BuildResult {
  const problems: DataProblem[] = [...earlierProblems];
  const entities = new Map<string, EntityNode & { file: string }>();
  const pendingNodes: PendingNode[] = [];
  const pendingEdges: PendingEdge[] = [];
  const mentions: PendingMention[] = [];

  // Entities: defined once, anywhere under entities/.
  for (const { file, content } of data.entityFiles) {
    const sink = new ProblemSink(problems, file);
    content.entities.forEach((raw, i) => {
      const path = `$.entities[${i}]`;
      const kind = KIND_OF_TYPE[raw.type];
      if (!raw.id.startsWith(`${kind.toLowerCase()}:`)) {
        sink.add(`${path}.id`, `id ${JSON.stringify(raw.id)} must start with "${kind.toLowerCase()}:" for an entity of type ${raw.type}`);
      }
      const earlier = entities.get(raw.id);
      if (earlier) {
        sink.add(`${path}.id`, `duplicate id ${JSON.stringify(raw.id)}: already defined in ${earlier.file}`);
        return;
      }
      entities.set(raw.id, {
        id: raw.id,
        kind,
        ordinal: -1,
        name: raw.name,
        aliases: raw.aliases ?? [],
        description: raw.description ?? null,
        sameAs: raw.sameAs ?? [],
        file,
      });
    });
  }

  const articleFiles = new Map<string, ParsedFile<RawArticle>>();
  for (const parsed of data.articleFiles) {
    const earlier = articleFiles.get(parsed.content.id);
    if (earlier) {
      const sink = new ProblemSink(problems, parsed.file);
      sink.add('$.id', `duplicate id ${JSON.stringify(parsed.content.id)}: already used by ${earlier.file}`);
      // Still check the rest of the file, so its other problems show now and not after the id is fixed.
      addArticle(parsed, entities, data, sink, [], [], []);
      continue;
    }
    articleFiles.set(parsed.content.id, parsed);
    addArticle(parsed, entities, data, new ProblemSink(problems, parsed.file), pendingNodes, pendingEdges, mentions);
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, snapshot: index(data.digest, [...entities.values()].map(({ file: _file, ...e }) => e), pendingNodes, pendingEdges, mentions) };
}

function addArticle(
  { content: raw }: ParsedFile<RawArticle>,
  entities: ReadonlyMap<string, EntityNode>,
  { unverifiedEntityIds, unreadableEntityFiles }: Pick<RawGraphData, 'unverifiedEntityIds' | 'unreadableEntityFiles'>,
  sink: ProblemSink,
  nodes: PendingNode[],
  edges: PendingEdge[],
  mentions: PendingMention[],
): void {
  const articleId = raw.id;
  const text = raw.text;
  nodes.push({
    id: articleId,
    kind: 'ARTICLE',
    headline: raw.headline,
    description: raw.description ?? null,
    text,
    url: raw.url ?? null,
    publishedAt: raw.publishedAt ?? null,
  });

  if (raw.publishedAt !== undefined && !isRealDate(raw.publishedAt)) {
    sink.add('$.publishedAt', `${JSON.stringify(raw.publishedAt)} is not a real date`);
  }

  const declared = new Set(raw.entities);
  const reportUnknown = (id: string, path: string) => {
    // An entity in a file that failed its schema is known; that file's problem is already reported.
    if (unverifiedEntityIds.has(id)) return;
    const unread = unreadableEntityFiles.length > 0 ? ` (or it is in ${unreadableEntityFiles.join(', ')}, which could not be read)` : '';
    sink.add(path, `unknown entity ${JSON.stringify(id)}: no entity file defines it${unread}`);
  };
  raw.entities.forEach((id, i) => {
    if (!entities.has(id)) reportUnknown(id, `$.entities[${i}]`);
  });

  /** Checks that an entity reference is known, listed by the article and of an allowed kind. */
  const entityRef = (id: string, path: string, allowed?: readonly NodeKind[]): EntityNode | undefined => {
    const entity = entities.get(id);
    if (!entity) {
      reportUnknown(id, path);
      return undefined;
    }
    if (!declared.has(id)) {
      sink.add(path, `entity ${JSON.stringify(id)} is used here but not listed in the article's "entities"`);
    }
    if (allowed && !allowed.includes(entity.kind)) {
      sink.add(path, `entity ${JSON.stringify(id)} is of kind ${entity.kind}; expected ${allowed.join(' or ')}`);
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
      sink.add(path, `${lead}: ${match.message}`);
      return undefined;
    }
    return { articleId, start: match.start, end: match.end };
  };

  const keyChecker = (collection: string) => {
    const seen = new Set<string>();
    return (key: string, path: string): boolean => {
      if (seen.has(key)) {
        sink.add(`${path}.key`, `duplicate ${collection} key ${JSON.stringify(key)} in this article`);
        return false;
      }
      seen.add(key);
      return true;
    };
  };

  // Quotes.
  const quoteSpeakers = new Map<string, string>();
  /** Quotes with a problem of their own: claims resting on them are not checked against them again. */
  const brokenQuotes = new Set<string>();
  const quoteSpans = new Map<string, Span>();
  const newQuoteKey = keyChecker('quote');
  (raw.quotes ?? []).forEach((quote, i) => {
    const path = `$.quotes[${i}]`;
    if (!newQuoteKey(quote.key, path)) return;
    const speaker = entityRef(quote.speaker, `${path}.speaker`, ['PERSON', 'ORGANIZATION']);
    let span = locate({ exact: quote.text, prefix: quote.prefix, suffix: quote.suffix }, `${path}.text`, 'quote');
    if (span && !isInsideQuotation(text, span.start, span.end)) {
      sink.add(`${path}.text`, `quote is not within quotation marks: the words at offsets ${span.start}-${span.end} are not inside a quotation in the article text`);
      span = undefined;
    }
    if (!span || !speaker) brokenQuotes.add(quote.key);
    if (!span) return;
    const id = articleItemId('quote', articleId, quote.key);
    quoteSpans.set(quote.key, span);
    nodes.push({ id, kind: 'QUOTE', span } satisfies Omit<QuoteNode, 'ordinal'>);
    edges.push({ predicate: 'CONTAINS', from: articleId, to: id, qualifier: null, span, stated: false });
    if (speaker) {
      quoteSpeakers.set(quote.key, speaker.id);
      edges.push({ predicate: 'SAID', from: speaker.id, to: id, qualifier: null, span, stated: false });
    }
  });

  // Claims.
  const claimKeys = new Set((raw.claims ?? []).map((c) => c.key));
  const newClaimKey = keyChecker('claim');
  (raw.claims ?? []).forEach((claim, i) => {
    const path = `$.claims[${i}]`;
    if (!newClaimKey(claim.key, path)) return;
    const id = articleItemId('claim', articleId, claim.key);
    const attribution: Attribution = claim.attribution;
    let claimant: EntityNode | undefined;
    if (attribution === 'EDITORIAL') {
      if (claim.claimant !== undefined) sink.add(`${path}.claimant`, 'an EDITORIAL claim is the article\'s own voice and has no claimant; remove "claimant" or change the attribution');
    } else if (claim.claimant === undefined) {
      sink.add(path, `a ${attribution} claim needs a "claimant"`);
    } else {
      claimant = entityRef(claim.claimant, `${path}.claimant`, ['PERSON', 'ORGANIZATION']);
    }
    const supporting = claim.quotes ?? [];
    supporting.forEach((key, j) => {
      if (!(raw.quotes ?? []).some((q) => q.key === key)) sink.add(`${path}.quotes[${j}]`, `unknown quote key ${JSON.stringify(key)} in this article`);
    });
    if (
      attribution === 'DIRECT_QUOTE' &&
      claim.claimant !== undefined &&
      !supporting.some((key) => quoteSpeakers.get(key) === claim.claimant || brokenQuotes.has(key))
    ) {
      sink.add(`${path}.quotes`, `a DIRECT_QUOTE claim must be supported by a quote of its claimant ${JSON.stringify(claim.claimant)}`);
    }
    const subjects = claim.subjects.map((s, j) => entityRef(s, `${path}.subjects[${j}]`));
    const span = locate(claim.source, `${path}.source.exact`, 'source');
    if (!span) return;
    nodes.push({ id, kind: 'CLAIM', text: claim.text, attribution, span } satisfies Omit<ClaimNode, 'ordinal'>);
    edges.push({ predicate: 'CONTAINS', from: articleId, to: id, qualifier: null, span, stated: false });
    if (claimant) edges.push({ predicate: 'CLAIMS', from: claimant.id, to: id, qualifier: null, span, stated: false });
    for (const subject of subjects) {
      if (subject) edges.push({ predicate: 'ABOUT', from: id, to: subject.id, qualifier: null, span, stated: false });
    }
    for (const key of supporting) {
      const quoteSpan = quoteSpans.get(key);
      if (quoteSpan) edges.push({ predicate: 'SUPPORTED_BY', from: id, to: articleItemId('quote', articleId, key), qualifier: null, span: quoteSpan, stated: false });
    }
  });

  // Figures.
  const newFigureKey = keyChecker('figure');
  (raw.figures ?? []).forEach((figure, i) => {
    const path = `$.figures[${i}]`;
    if (!newFigureKey(figure.key, path)) return;
    const hasPoint = figure.value !== undefined;
    const hasRange = figure.minValue !== undefined || figure.maxValue !== undefined;
    if (hasPoint === hasRange) {
      sink.add(path, 'a figure has either "value" or both "minValue" and "maxValue"');
    } else if (hasRange && (figure.minValue === undefined || figure.maxValue === undefined)) {
      sink.add(path, 'a range needs both "minValue" and "maxValue"');
    } else if (hasRange && figure.minValue! > figure.maxValue!) {
      sink.add(`${path}.minValue`, `minValue ${figure.minValue} is greater than maxValue ${figure.maxValue}`);
    }
    const subject = entityRef(figure.subject, `${path}.subject`);
    if (!claimKeys.has(figure.claim)) sink.add(`${path}.claim`, `unknown claim key ${JSON.stringify(figure.claim)} in this article`);
    const span = locate(figure.source, `${path}.source.exact`, 'source');
    if (!span) return;
    const id = articleItemId('figure', articleId, figure.key);
    nodes.push({
      id,
      kind: 'FIGURE',
      label: figure.label,
      value: figure.value ?? null,
      minValue: figure.minValue ?? null,
      maxValue: figure.maxValue ?? null,
      unit: figure.unit,
      period: figure.period ?? null,
      span,
    } satisfies Omit<FigureNode, 'ordinal'>);
    edges.push({ predicate: 'CONTAINS', from: articleId, to: id, qualifier: null, span, stated: false });
    if (subject) edges.push({ predicate: 'MEASURES', from: id, to: subject.id, qualifier: null, span, stated: false });
    if (claimKeys.has(figure.claim)) {
      edges.push({ predicate: 'STATES', from: articleItemId('claim', articleId, figure.claim), to: id, qualifier: null, span, stated: false });
    }
  });

  // Stated relations.
  const seenRelations = new Map<string, number>();
  (raw.relations ?? []).forEach((relation, i) => {
    const path = `$.relations[${i}]`;
    const definition = PREDICATE_BY_NAME.get(relation.predicate)!;
    const from = entityRef(relation.from, `${path}.from`, definition.from);
    const to = entityRef(relation.to, `${path}.to`, definition.to);
    if (relation.from === relation.to) sink.add(path, `a relation needs two different entities; "from" and "to" are both ${JSON.stringify(relation.from)}`);
    if (definition.qualifierRequired && relation.qualifier === undefined) {
      sink.add(path, `a ${relation.predicate} relation needs a "qualifier" (the title of the role)`);
    }
    const signature = `${relation.from}|${relation.predicate}|${relation.to}|${relation.qualifier ?? ''}`;
    const earlier = seenRelations.get(signature);
    if (earlier !== undefined) {
      sink.add(path, `duplicate relation: the same as $.relations[${earlier}]`);
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
    const found = findMentions(text, [entity.name, ...entity.aliases]);
    if (found.length === 0) {
      sink.add(`$.entities[${i}]`, `no mention of ${JSON.stringify(id)} in the text: none of ${[entity.name, ...entity.aliases].map((n) => JSON.stringify(n)).join(', ')} occurs as a whole word`);
      return;
    }
    for (const { start, end } of found) mentions.push({ entityId: id, span: { articleId, start, end } });
    const first = found[0];
    edges.push({ predicate: 'MENTIONS', from: articleId, to: id, qualifier: null, span: { articleId, start: first.start, end: first.end }, stated: false });
  });
}

/** True for an ISO date (or date-time) naming a day that exists. */
function isRealDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && !Number.isNaN(Date.parse(value));
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function groupByPredicate(edges: readonly Edge[], endOf: (e: Edge) => string): Map<string, EdgesByPredicate> {
  const grouped = new Map<string, Map<string, Edge[]>>();
  for (const edge of edges) {
    const node = endOf(edge);
    let byPredicate = grouped.get(node);
    if (!byPredicate) grouped.set(node, (byPredicate = new Map()));
    pushTo(byPredicate, edge.predicate, edge);
  }
  return grouped;
}

/** Builds `GraphSnapshot.related`: the distinct nodes at the other end of each node's edges. */
function relatedIndex(edges: readonly Edge[], nodes: ReadonlyMap<string, GraphNode>): Map<string, Map<string, GraphNode[]>> {
  const related = new Map<string, Map<string, GraphNode[]>>();
  const add = (at: string, key: string, other: GraphNode) => {
    let buckets = related.get(at);
    if (!buckets) related.set(at, (buckets = new Map()));
    pushTo(buckets, key, other);
  };
  for (const edge of edges) {
    const from = nodes.get(edge.from)!;
    const to = nodes.get(edge.to)!;
    add(from.id, relatedKey('OUT', edge.predicate, to.kind), to);
    add(to.id, relatedKey('IN', edge.predicate, from.kind), from);
  }
  for (const buckets of related.values()) {
    for (const [key, list] of buckets) {
      list.sort((a, b) => a.ordinal - b.ordinal);
      buckets.set(key, list.filter((node, i) => i === 0 || list[i - 1] !== node));
    }
  }
  return related;
}

/** Assigns ordinals and builds every index of the snapshot. */
function index(
  version: string,
  entityList: EntityNode[],
  articleItems: PendingNode[],
  pendingEdges: PendingEdge[],
  pendingMentions: PendingMention[],
): GraphSnapshot {
  const kindRank = new Map(NODE_KINDS.map((k, i) => [k, i]));
  const articles = articleItems.filter((n) => n.kind === 'ARTICLE').sort((a, b) => compareText(a.id, b.id));
  const articleRank = new Map(articles.map((a, i) => [a.id, i]));
  const sortedEntities = [...entityList].sort(
    (a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id),
  );
  const spanOf = (n: PendingNode): Span => (n as { span: Span }).span;
  const items = articleItems
    .filter((n) => n.kind !== 'ARTICLE')
    .sort((a, b) => {
      const sa = spanOf(a);
      const sb = spanOf(b);
      return (
        articleRank.get(sa.articleId)! - articleRank.get(sb.articleId)! ||
        sa.start - sb.start ||
        sa.end - sb.end ||
        kindRank.get(a.kind)! - kindRank.get(b.kind)! ||
        compareText(a.id, b.id)
      );
    });

  const nodes = new Map<string, GraphNode>();
  const nodesByKind = new Map<NodeKind, GraphNode[]>(NODE_KINDS.map((k) => [k, []]));
  for (const pending of [...articles, ...sortedEntities, ...items]) {
    const node = { ...pending, ordinal: nodes.size } as GraphNode;
    nodes.set(node.id, node);
    nodesByKind.get(node.kind)!.push(node);
  }

  const predicateRank = new Map(PREDICATES.map((p, i) => [p.name, i]));
  pendingEdges.sort(
    (a, b) =>
      articleRank.get(a.span.articleId)! - articleRank.get(b.span.articleId)! ||
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      predicateRank.get(a.predicate)! - predicateRank.get(b.predicate)! ||
      compareText(a.from, b.from) ||
      compareText(a.to, b.to),
  );
  const edges: Edge[] = [];
  const edgesById = new Map<string, Edge>();
  for (const pending of pendingEdges) {
    const base = pending.stated
      ? `${pending.span.articleId}|${pending.from}|${pending.predicate}|${pending.to}`
      : `${pending.from}|${pending.predicate}|${pending.to}`;
    let id = base;
    for (let n = 2; edgesById.has(id); n++) id = `${base}|${n}`;
    const edge: Edge = { id, ordinal: edges.length, predicate: pending.predicate, from: pending.from, to: pending.to, qualifier: pending.qualifier, span: pending.span };
    edges.push(edge);
    edgesById.set(id, edge);
  }

  const entityRank = (id: string) => nodes.get(id)!.ordinal;
  pendingMentions.sort(
    (a, b) =>
      articleRank.get(a.span.articleId)! - articleRank.get(b.span.articleId)! ||
      a.span.start - b.span.start ||
      entityRank(a.entityId) - entityRank(b.entityId),
  );
  const mentionsByEntity = new Map<string, Mention[]>();
  const mentionsByArticle = new Map<string, Mention[]>();
  for (const [ordinal, pending] of pendingMentions.entries()) {
    const mention: Mention = { ...pending, ordinal };
    pushTo(mentionsByEntity, mention.entityId, mention);
    pushTo(mentionsByArticle, mention.span.articleId, mention);
  }

  const entityIdsByName = new Map<string, string[]>();
  for (const entity of sortedEntities) {
    for (const name of new Set([entity.name, ...entity.aliases].map((n) => n.toLowerCase()))) pushTo(entityIdsByName, name, entity.id);
  }
  const figuresByUnit = new Map<string, FigureNode[]>();
  for (const figure of nodesByKind.get('FIGURE')! as FigureNode[]) pushTo(figuresByUnit, figure.unit, figure);

  const nodesByOrdinal = [...nodes.values()];
  return {
    version,
    nodes,
    nodesByOrdinal,
    search: SearchIndex.build(nodesByOrdinal, nodes),
    related: relatedIndex(edges, nodes),
    nodesByKind,
    edges,
    edgesById,
    edgesOut: groupByPredicate(edges, (e) => e.from),
    edgesIn: groupByPredicate(edges, (e) => e.to),
    adjacency: buildAdjacency(edges, nodes),
    mentionsByEntity,
    mentionsByArticle,
    entityIdsByName,
    figuresByUnit,
  };
}
