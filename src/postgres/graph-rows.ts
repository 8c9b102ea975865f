import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ArticleNode, Edge, GraphNode, Mention, NodeKind } from '../graph';
import { foldRoles } from '../graph/fold-roles';
import { documentOf, FIELDS, searchTerm, tokenize } from '../graph/search-index';
import { copyRow, textArrayLiteral } from './copy-text';
import { edgeOrderKey, mentionOrderKey, nodeOrderKey } from './order-key';

/**
 * Streams rows into `table` with COPY, in chunks of about a megabyte.
 * `freeze` (only for a table created in the same transaction: an import)
 * writes the rows frozen and their pages all-visible
 * (https://www.postgresql.org/docs/15/sql-copy.html): no later read dirties
 * every page to set hint bits, vacuum has nothing to do after the import,
 * and index-only scans skip the table from the start.
 */
export async function copyInto(client: PoolClient, table: string, columns: readonly string[], rows: Iterable<string>, { freeze = false } = {}): Promise<void> {
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const row of rows) {
      chunk += row;
      if (chunk.length >= 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN${freeze ? ' WITH (FREEZE)' : ''}`)));
}

/** A node's stored fields: all but its slot and an article's text (columns of their own). */
function nodeFields(node: GraphNode): Record<string, unknown> {
  const { slot: _slot, ...fields } = node as Partial<ArticleNode> & Record<string, unknown>;
  if (node.kind === 'ARTICLE') delete fields.text;
  return fields;
}

/** Gap left between the positions of two fields of a search document, so that no phrase runs from one into the next. */
const FIELD_GAP = 8;
/** Highest word position a tsvector holds (https://www.postgresql.org/docs/15/datatype-textsearch.html). */
const MAX_POSITION = 16_383;
/** Most positions a tsvector keeps of one lexeme. */
const MAX_POSITIONS = 256;
/** The tsvector weight of each field: A for titles, B for bodies, D for texts (`SearchDocument`). */
const FIELD_WEIGHT = { title: 'A', body: 'B', text: 'D' } as const;

/** A search document as a tsvector literal (the index terms of each field, stop words out, with positions), and what it adds to `search_terms`. */
function searchVector(fields: { title: string; body: string; text: string }, terms: Tally['terms'], sign: number): string {
  const positions = new Map<string, string[]>();
  let position = 1;
  for (const field of FIELDS) {
    for (const word of tokenize(fields[field])) {
      const term = searchTerm(word);
      if (term === null) continue;
      let list = positions.get(term);
      if (!list) positions.set(term, (list = []));
      if (list.length < MAX_POSITIONS) list.push(`${Math.min(position, MAX_POSITION)}${FIELD_WEIGHT[field]}`);
      position++;
    }
    position += FIELD_GAP;
  }
  for (const [term, list] of positions) {
    // Entries as the stored vector holds them (one per field with a position kept), so that a removal takes away what was added.
    const entries = new Set(list.map((p) => p[p.length - 1])).size;
    const known = terms.get(term);
    if (known) {
      known.entries += sign * entries;
      known.documents += sign;
    } else terms.set(term, { entries: sign * entries, documents: sign });
  }
  return [...positions].map(([term, list]) => `'${term}':${list.join(',')}`).join(' ');
}

/**
 * What rows add to (or, with sign -1, take from) the kept counts: list
 * lengths, related rows (by node, bucket and other node), node degrees,
 * search terms, and the stats.
 */
export class Tally {
  readonly lists = new Map<string, number>();
  readonly related = new Map<string, number>();
  readonly degree = new Map<string, number>();
  readonly terms = new Map<string, { entries: number; documents: number }>();
  readonly kinds = new Map<string, number>();
  readonly predicates = new Map<string, number>();
  nodes = 0;
  edges = 0;
  mentions = 0;

  add(map: Map<string, number>, key: string, by: number): void {
    map.set(key, (map.get(key) ?? 0) + by);
  }

  node(node: GraphNode, sign: number): void {
    this.nodes += sign;
    this.add(this.kinds, node.kind, sign);
    this.add(this.lists, `kind|${node.kind}`, sign);
    if (node.kind === 'FIGURE') this.add(this.lists, `unit|${node.unit}`, sign);
  }

  edge(edge: Edge, kindOf: (id: string) => NodeKind, sign: number): void {
    this.edges += sign;
    this.add(this.predicates, edge.predicate, sign);
    this.add(this.lists, `edges|${edge.from}|OUT|${edge.predicate}`, sign);
    this.add(this.lists, `edges|${edge.to}|IN|${edge.predicate}`, sign);
    this.add(this.degree, edge.from, sign);
    this.add(this.degree, edge.to, sign);
    this.add(this.related, `${edge.from}\t${`OUT|${edge.predicate}|${kindOf(edge.to)}`}\t${edge.to}`, sign);
    this.add(this.related, `${edge.to}\t${`IN|${edge.predicate}|${kindOf(edge.from)}`}\t${edge.from}`, sign);
  }

  mention(mention: Mention, sign: number): void {
    this.mentions += sign;
    this.add(this.lists, `mentions-of|${mention.entityId}`, sign);
    this.add(this.lists, `mentions-in|${mention.span.articleId}`, sign);
  }
}

export const NODE_COPY_COLUMNS = ['id', 'kind', 'ord', 'slot', 'article_id', 'unit', 'attribution', 'names', 'degree', 'node', 'article_text', 'bmp_only'];

/** COPY rows of `nodes`; `degree` gives each node's edges (0 for a node new to the graph). */
export function* nodeRows(nodes: Iterable<GraphNode>, degree: (id: string) => number, tally: Tally): Generator<string> {
  for (const node of nodes) {
    tally.node(node, 1);
    const article = node.kind === 'ARTICLE' ? node.id : 'span' in node ? node.span.articleId : null;
    const names = 'aliases' in node ? textArrayLiteral([node.name, ...node.aliases].map((n) => n.toLowerCase())) : null;
    yield copyRow([
      node.id,
      node.kind,
      nodeOrderKey(node),
      node.slot,
      article,
      node.kind === 'FIGURE' ? node.unit : null,
      node.kind === 'CLAIM' ? node.attribution : null,
      names,
      degree(node.id),
      JSON.stringify(nodeFields(node)),
      node.kind === 'ARTICLE' ? node.text : null,
      node.kind === 'ARTICLE' ? !/[\uD800-\uDFFF]/.test(node.text) : null,
    ]);
  }
}

export const EDGE_COPY_COLUMNS = ['id', 'ord', 'slot', 'predicate', 'from_id', 'to_id', 'qualifier', 'span_article', 'span_start', 'span_end', 'article_id'];
/** An incidence's columns: its edge's id, other end and article are in the edge's order key (`edgeOrderKey`), and not stored again. */
export const INCIDENCE_COPY_COLUMNS = ['node_id', 'ord', 'direction', 'predicate'];

/** The article an edge belongs to: the one whose words it rests on. */
export function edgeArticle(edge: Edge): string {
  return edge.span?.articleId ?? '';
}

/** COPY rows of `edges` (counted into `tally`). */
export function* edgeRows(edges: Iterable<Edge>, kindOf: (id: string) => NodeKind, tally: Tally): Generator<string> {
  for (const e of edges) {
    tally.edge(e, kindOf, 1);
    yield copyRow([e.id, edgeOrderKey(e), e.slot, e.predicate, e.from, e.to, e.qualifier, e.span?.articleId, e.span?.start, e.span?.end, edgeArticle(e)]);
  }
}

/** COPY rows of `incidences`: each edge from both ends. */
export function* incidenceRows(edges: Iterable<Edge>): Generator<string> {
  for (const e of edges) {
    const ord = edgeOrderKey(e);
    yield copyRow([e.from, ord, 'OUT', e.predicate]);
    yield copyRow([e.to, ord, 'IN', e.predicate]);
  }
}

export const MENTION_COPY_COLUMNS = ['ord', 'entity_id', 'article_id', 'span_start', 'span_end'];

/** COPY rows of `mentions`; `entityKey` gives each entity's node order key. */
export function* mentionRows(mentions: Iterable<Mention>, entityKey: (id: string) => string, tally: Tally): Generator<string> {
  for (const m of mentions) {
    tally.mention(m, 1);
    yield copyRow([mentionOrderKey(m.span.articleId, m.span.start, entityKey(m.entityId)), m.entityId, m.span.articleId, m.span.start, m.span.end]);
  }
}

export const SEARCH_COPY_COLUMNS = ['node_id', 'kind', 'slot', 'vector', 'title', 'body', 'text'];

/** COPY rows of `search_documents`; `articleText` gives the text of an article (quotes and some fields are cut from it). */
export function* searchRows(nodes: Iterable<GraphNode>, articleText: (id: string) => string, tally: Tally): Generator<string> {
  for (const node of nodes) {
    const fields = documentOf(node, articleText);
    // An article's text is read from its node, not kept twice.
    yield copyRow([
      node.id,
      node.kind,
      node.slot,
      searchVector(fields, tally.terms, 1),
      fields.title,
      fields.body,
      node.kind === 'ARTICLE' ? null : fields.text,
    ]);
  }
}

/** COPY rows of `related`, from the tally of the edges (import: every row is new). */
export function* relatedRows(tally: Tally, orderOf: (id: string) => string): Generator<string> {
  for (const [key, edges] of tally.related) {
    const [nodeId, bucket, otherId] = key.split('\t');
    tally.add(tally.lists, `related|${nodeId}|${bucket}`, 1);
    yield copyRow([nodeId, bucket, orderOf(otherId), otherId, edges]);
  }
}

export const ROLE_COPY_COLUMNS = ['node_id', 'direction', 'position', 'role', 'spans'];

/** COPY rows of `roles` for `nodes`: the HAS_ROLE_AT edges of each (in edge order) folded as the in-memory store folds them. */
export function* roleRows(edges: Iterable<Edge>, only?: ReadonlySet<string>): Generator<string> {
  const byNode = new Map<string, Edge[]>();
  for (const edge of edges) {
    if (edge.predicate !== 'HAS_ROLE_AT') continue;
    for (const key of [`${edge.from}\tOUT`, `${edge.to}\tIN`]) {
      if (only && !only.has(key.split('\t')[0])) continue;
      let list = byNode.get(key);
      if (!list) byNode.set(key, (list = []));
      list.push(edge);
    }
  }
  for (const [key, list] of byNode) {
    const [nodeId, direction] = key.split('\t');
    let position = 0;
    for (const { spans, ...role } of foldRoles(list)) yield copyRow([nodeId, direction, position++, JSON.stringify(role), JSON.stringify(spans)]);
  }
}
