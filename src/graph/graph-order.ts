import type { Edge, EntityNode, GraphNode, Mention, NodeKind } from './model';

/** A node or edge to compare, placed in a graph (with a slot) or not yet. */
type Comparable<T> = T extends unknown ? Omit<T, 'slot'> : never;
import { PREDICATES } from './vocabulary';

// The canonical orders of the graph, as comparison functions: nodes (articles by
// id, then entities by name, then the items of each article by position), edges
// (by article, then position, predicate and ends) and mentions (by article, then
// offset). A node added later sorts into place without renumbering the others.

/** Compares two strings by UTF-16 code units, as `<` does. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const GROUP: Readonly<Record<NodeKind, number>> = { ARTICLE: 0, PERSON: 1, ORGANIZATION: 1, PLACE: 1, EVENT: 1, TOPIC: 1, QUOTE: 2, CLAIM: 2, FIGURE: 2 };
const KIND_RANK: Readonly<Record<NodeKind, number>> = { ARTICLE: 0, PERSON: 1, ORGANIZATION: 2, PLACE: 3, EVENT: 4, TOPIC: 5, QUOTE: 6, CLAIM: 7, FIGURE: 8 };
const PREDICATE_RANK: ReadonlyMap<string, number> = new Map(PREDICATES.map((p, i) => [p.name, i]));

/** The node order: articles by id, then entities by name (case aside) and id, then quotes, claims and figures by article, start, end, kind and id. */
export function compareNodes(a: Comparable<GraphNode>, b: Comparable<GraphNode>): number {
  const group = GROUP[a.kind] - GROUP[b.kind];
  if (group !== 0) return group;
  if (a.kind === 'ARTICLE' || b.kind === 'ARTICLE') return compareText(a.id, b.id);
  if ('sortName' in a && 'sortName' in b) return compareText(a.sortName, b.sortName) || compareText(a.id, b.id);
  const sa = (a as Comparable<Extract<GraphNode, { span: unknown }>>).span;
  const sb = (b as Comparable<Extract<GraphNode, { span: unknown }>>).span;
  return compareText(sa.articleId, sb.articleId) || sa.start - sb.start || sa.end - sb.end || KIND_RANK[a.kind] - KIND_RANK[b.kind] || compareText(a.id, b.id);
}

/** The edge order: by article, then the start and end of the span, then predicate (in vocabulary order), then its ends; then id (a repeated edge's id is longer). */
export function compareEdges(a: Comparable<Edge>, b: Comparable<Edge>): number {
  const sa = a.span;
  const sb = b.span;
  return (
    compareText(sa?.articleId ?? '', sb?.articleId ?? '') ||
    (sa?.start ?? 0) - (sb?.start ?? 0) ||
    (sa?.end ?? 0) - (sb?.end ?? 0) ||
    PREDICATE_RANK.get(a.predicate)! - PREDICATE_RANK.get(b.predicate)! ||
    compareText(a.from, b.from) ||
    compareText(a.to, b.to) ||
    compareText(a.id, b.id)
  );
}

/** The mention order: by article, then offset, then the entity (in node order; `entityOf` finds it). */
export function compareMentions(a: Mention, b: Mention, entityOf: (id: string) => Comparable<GraphNode> | undefined): number {
  const byPlace = compareText(a.span.articleId, b.span.articleId) || a.span.start - b.span.start;
  if (byPlace !== 0 || a.entityId === b.entityId) return byPlace;
  const ea = entityOf(a.entityId);
  const eb = entityOf(b.entityId);
  return ea && eb ? compareNodes(ea, eb) : compareText(a.entityId, b.entityId);
}

/** The name an entity sorts by. */
export function sortNameOf(entity: Pick<EntityNode, 'name'>): string {
  return entity.name.toLowerCase();
}
