import type { Edge, GraphNode, Mention } from '../graph';

/** The columns of `nodes` a store reads back into a node. */
export const NODE_COLUMNS = 'n.id, n.kind, n.ord, n.slot, n.node, n.article_text';

/** A row of those columns. */
export interface NodeRow {
  readonly id: string;
  readonly kind: GraphNode['kind'];
  readonly ord: string;
  readonly slot: number;
  readonly node: Record<string, unknown>;
  readonly article_text: string | null;
}

/** The node a row holds. */
export function nodeOfRow(row: NodeRow): GraphNode {
  const node = { ...row.node, slot: row.slot } as Record<string, unknown>;
  if (row.kind === 'ARTICLE') node.text = row.article_text;
  return node as unknown as GraphNode;
}

/** The columns of `edges` a store reads back into an edge. */
export const EDGE_COLUMNS =
  'e.id AS edge_id, e.ord AS edge_ord, e.slot AS edge_slot, e.predicate, e.from_id, e.to_id, e.qualifier, e.span_article, e.span_start, e.span_end';

/** A row of those columns. */
export interface EdgeRow {
  readonly edge_id: string;
  readonly edge_ord: string;
  readonly edge_slot: number;
  readonly predicate: string;
  readonly from_id: string;
  readonly to_id: string;
  readonly qualifier: string | null;
  readonly span_article: string | null;
  readonly span_start: number | null;
  readonly span_end: number | null;
}

/** The edge a row holds. */
export function edgeOfRow(row: EdgeRow): Edge {
  return {
    id: row.edge_id,
    slot: row.edge_slot,
    predicate: row.predicate,
    from: row.from_id,
    to: row.to_id,
    qualifier: row.qualifier,
    span: row.span_article === null ? null : { articleId: row.span_article, start: row.span_start!, end: row.span_end! },
  };
}

/** The columns of `mentions` a store reads back into a mention. */
export const MENTION_COLUMNS = 'm.ord AS mention_ord, m.entity_id, m.article_id, m.span_start, m.span_end';

/** A row of those columns. */
export interface MentionRow {
  readonly mention_ord: string;
  readonly entity_id: string;
  readonly article_id: string;
  readonly span_start: number;
  readonly span_end: number;
}

/** The mention a row holds. */
export function mentionOfRow(row: MentionRow): Mention {
  return { entityId: row.entity_id, span: { articleId: row.article_id, start: row.span_start, end: row.span_end } };
}
