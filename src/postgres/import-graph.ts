import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  type ArticleNode,
  type DataProblem,
  type Edge,
  GraphDataError,
  type GraphNode,
  type GraphStats,
  type Mention,
  NODE_KINDS,
  PREDICATES,
  readGraphData,
  validateGraphData,
  type ValidGraphData,
} from '../graph';
import { combineDigests } from '../graph/version-digest';
import { documentOf, FIELDS, searchTerm, tokenize } from '../graph/search-index';
import { copyRow, textArrayLiteral } from './copy-text';
import { appliedMigration, latestMigration } from './migrate-database';
import { toDatabaseOrder, unstorableReason } from './order-key';

/** Key of the advisory lock that lets one import (or write) change the graph at a time. */
export const GRAPH_WRITE_LOCK = 7_240_002;

/** The channel a committed change of the served graph is announced on; the payload is the new version. */
export const GRAPH_CHANNEL = 'newsgraph_graph';

/** Generations kept besides the one served: requests that began on the previous one finish on it. */
const KEPT_GENERATIONS = 1;

/** What an import made current. */
export interface ImportResult {
  readonly version: string;
  readonly previousVersion: string | null;
  readonly generation: number;
  readonly schema: string;
  readonly articles: number;
  readonly nodes: number;
  readonly edges: number;
  readonly mentions: number;
}

/** The problems a valid graph still has for the database: strings it cannot hold (see order-key.ts). */
function storageProblems(valid: ValidGraphData): DataProblem[] {
  const problems: DataProblem[] = [];
  const walk = (file: string, value: unknown, path: string) => {
    if (typeof value === 'string') {
      const reason = unstorableReason(value);
      if (reason) problems.push({ file, path, message: `this string ${reason}` });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(file, item, `${path}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(file, item, /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);
    }
  };
  const entityFiles = new Map<string, unknown[]>();
  for (const source of valid.entitySources.values()) {
    const list = entityFiles.get(source.file) ?? [];
    list.push(source.raw);
    entityFiles.set(source.file, list);
  }
  for (const [file, raws] of entityFiles) raws.forEach((raw, i) => walk(file, raw, `$.entities[${i}]`));
  for (const fragment of valid.fragments) walk(fragment.file, fragment.raw, '$');
  return problems;
}

/**
 * Reads and checks the graph-data folder as the in-memory loader does
 * (every problem reported; nothing written when there is any: a
 * GraphDataError), and the strings the database cannot hold.
 */
export function readValidGraph(dataDir: string): ValidGraphData {
  const { data, problems } = readGraphData(dataDir);
  const result = validateGraphData(data, problems);
  if (!result.ok) throw new GraphDataError(result.problems);
  const storage = storageProblems(result.valid);
  if (storage.length > 0) throw new GraphDataError(storage);
  return result.valid;
}

/** The graph as rows: nodes in node order with their slots, edges in edge order. */
interface GraphRows {
  readonly nodes: GraphNode[];
  readonly edges: Edge[];
  readonly mentions: Mention[];
  readonly version: string;
}

function rowsOf(valid: ValidGraphData): GraphRows {
  const unplaced = [...valid.entities, ...valid.fragments.flatMap((f) => [f.article, ...f.items])];
  unplaced.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  // Slots as the in-memory build gives them (node order), so that search breaks ties alike.
  const nodes = unplaced.map((node, slot) => ({ ...node, slot }) as GraphNode);
  const edges = valid.fragments.flatMap((f) => f.edges).map((edge, slot) => ({ ...edge, slot }));
  const mentions = valid.fragments.flatMap((f) => f.mentions);
  return { nodes, edges, mentions, version: combineDigests(valid.fileDigests.map(([, digest]) => digest)) };
}

/** Streams rows into `table` with COPY, in chunks of about a megabyte. */
async function copyInto(client: PoolClient, table: string, columns: readonly string[], rows: Iterable<string>): Promise<void> {
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
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}

/** A node's stored fields: all but its slot, its order key and an article's text (columns of their own). */
function nodeFields(node: GraphNode): Record<string, unknown> {
  const { slot: _slot, order: _order, ...fields } = node as Partial<ArticleNode> & Record<string, unknown>;
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

/** A node's search document as a tsvector literal, with the index terms of each field (stop words out) and their positions. */
function searchVector(fields: { title: string; body: string; text: string }, lexicon: Map<string, { entries: number; documents: number }>): string {
  const positions = new Map<string, string[]>();
  let position = 1;
  for (const field of FIELDS) {
    const inField = new Set<string>();
    for (const word of tokenize(fields[field])) {
      const term = searchTerm(word);
      if (term === null) continue;
      inField.add(term);
      let list = positions.get(term);
      if (!list) positions.set(term, (list = []));
      if (list.length < MAX_POSITIONS) list.push(`${Math.min(position, MAX_POSITION)}${FIELD_WEIGHT[field]}`);
      position++;
    }
    position += FIELD_GAP;
    for (const term of inField) {
      const entry = lexicon.get(term);
      if (entry) entry.entries++;
      else lexicon.set(term, { entries: 1, documents: 0 });
    }
  }
  for (const term of positions.keys()) lexicon.get(term)!.documents++;
  return [...positions].map(([term, list]) => `'${term}':${list.join(',')}`).join(' ');
}

/** Adds `by` to the count of `list`. */
function count(counts: Map<string, number>, list: string, by = 1): void {
  counts.set(list, (counts.get(list) ?? 0) + by);
}

/** The stats of the graph, as the in-memory store counts them. */
function statsOf(rows: GraphRows): GraphStats {
  const byKind = new Map<string, number>();
  for (const node of rows.nodes) count(byKind, node.kind);
  const byPredicate = new Map<string, number>();
  for (const edge of rows.edges) count(byPredicate, edge.predicate);
  return {
    nodeCount: rows.nodes.length,
    edgeCount: rows.edges.length,
    mentionCount: rows.mentions.length,
    byKind: NODE_KINDS.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })),
    byPredicate: PREDICATES.map((p) => ({ predicate: p.name, count: byPredicate.get(p.name) ?? 0 })),
  };
}

/**
 * Imports the graph-data folder `dataDir` into the database: checks it as
 * the loader does (a GraphDataError listing every problem, and nothing
 * written, when it is not valid), then, in one transaction, creates a new
 * generation, fills it with COPY, indexes it, makes it the one served and
 * announces its version (NOTIFY, delivered at commit). Readers see the old
 * graph until the commit and the new one after it. Generations older than
 * the previous one are dropped afterwards.
 */
export async function importGraph(pool: Pool, dataDir: string): Promise<ImportResult> {
  const needed = latestMigration();
  const applied = await appliedMigration(pool);
  if (applied < needed) throw new Error(`the database is at migration ${applied}, the import needs ${needed}: run npm run db:migrate first`);
  const rows = rowsOf(readValidGraph(dataDir));
  const kindOf = new Map(rows.nodes.map((node) => [node.id, node.kind]));
  const orderOf = new Map(rows.nodes.map((node) => [node.id, toDatabaseOrder(node.order)]));

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [GRAPH_WRITE_LOCK]);
    const { rows: previous } = await client.query<{ version: string }>('SELECT version FROM newsgraph.graph_state');
    const { rows: next } = await client.query<{ generation: string }>(`SELECT nextval('newsgraph.graph_generation') AS generation`);
    const generation = Number(next[0].generation);
    const schema = `newsgraph_g${generation}`;
    await client.query('SELECT newsgraph.create_graph_generation($1)', [schema]);

    const degree = new Map<string, number>();
    for (const edge of rows.edges) {
      count(degree, edge.from);
      count(degree, edge.to);
    }
    const articleText = new Map<string, string>();
    for (const node of rows.nodes) if (node.kind === 'ARTICLE') articleText.set(node.id, node.text);
    await copyInto(client, `${schema}.nodes`, ['id', 'kind', 'ord', 'slot', 'article_id', 'unit', 'attribution', 'names', 'degree', 'node', 'article_text', 'bmp_only'], (function* () {
      for (const node of rows.nodes) {
        const article = node.kind === 'ARTICLE' ? node.id : 'span' in node ? node.span.articleId : null;
        const names = 'aliases' in node ? textArrayLiteral([node.name, ...node.aliases].map((n) => n.toLowerCase())) : null;
        yield copyRow([
          node.id,
          node.kind,
          toDatabaseOrder(node.order),
          node.slot,
          article,
          node.kind === 'FIGURE' ? node.unit : null,
          node.kind === 'CLAIM' ? node.attribution : null,
          names,
          degree.get(node.id) ?? 0,
          JSON.stringify(nodeFields(node)),
          node.kind === 'ARTICLE' ? node.text : null,
          node.kind === 'ARTICLE' ? !/[\uD800-\uDFFF]/.test(node.text) : null,
        ]);
      }
    })());

    const counts = new Map<string, number>();
    for (const node of rows.nodes) {
      count(counts, `kind|${node.kind}`);
      if (node.kind === 'FIGURE') count(counts, `unit|${node.unit}`);
    }
    await copyInto(client, `${schema}.edges`, ['id', 'ord', 'slot', 'predicate', 'from_id', 'to_id', 'qualifier', 'span_article', 'span_start', 'span_end', 'article_id'], (function* () {
      for (const e of rows.edges) {
        yield copyRow([e.id, toDatabaseOrder(e.order), e.slot, e.predicate, e.from, e.to, e.qualifier, e.span?.articleId, e.span?.start, e.span?.end, e.span?.articleId ?? e.order.split('\u0000')[0]]);
      }
    })());
    await copyInto(client, `${schema}.incidences`, ['node_id', 'ord', 'direction', 'predicate', 'edge_id', 'other_id', 'article_id'], (function* () {
      for (const e of rows.edges) {
        const ord = toDatabaseOrder(e.order);
        const article = e.span?.articleId ?? e.order.split('\u0000')[0];
        count(counts, `edges|${e.from}|OUT|${e.predicate}`);
        count(counts, `edges|${e.to}|IN|${e.predicate}`);
        yield copyRow([e.from, ord, 'OUT', e.predicate, e.id, e.to, article]);
        yield copyRow([e.to, ord, 'IN', e.predicate, e.id, e.from, article]);
      }
    })());
    const related = new Map<string, number>();
    for (const e of rows.edges) {
      count(related, `${e.from}\t${`OUT|${e.predicate}|${kindOf.get(e.to)}`}\t${e.to}`);
      count(related, `${e.to}\t${`IN|${e.predicate}|${kindOf.get(e.from)}`}\t${e.from}`);
    }
    await copyInto(client, `${schema}.related`, ['node_id', 'bucket', 'other_ord', 'other_id', 'edges'], (function* () {
      for (const [key, edges] of related) {
        const [nodeId, bucket, otherId] = key.split('\t');
        count(counts, `related|${nodeId}|${bucket}`);
        yield copyRow([nodeId, bucket, orderOf.get(otherId), otherId, edges]);
      }
    })());
    await copyInto(client, `${schema}.mentions`, ['ord', 'entity_id', 'article_id', 'span_start', 'span_end'], (function* () {
      for (const m of rows.mentions) {
        count(counts, `mentions-of|${m.entityId}`);
        count(counts, `mentions-in|${m.span.articleId}`);
        yield copyRow([toDatabaseOrder(m.order), m.entityId, m.span.articleId, m.span.start, m.span.end]);
      }
    })());
    await copyInto(client, `${schema}.list_counts`, ['list', 'count'], (function* () {
      for (const [list, n] of counts) yield copyRow([list, n]);
    })());

    const lexicon = new Map<string, { entries: number; documents: number }>();
    await copyInto(client, `${schema}.search_documents`, ['node_id', 'kind', 'slot', 'vector', 'title', 'body', 'text'], (function* () {
      for (const node of rows.nodes) {
        const fields = documentOf(node, (id) => articleText.get(id) ?? '');
        // An article's text is read from its node, not kept twice.
        yield copyRow([node.id, node.kind, node.slot, searchVector(fields, lexicon), fields.title, fields.body, node.kind === 'ARTICLE' ? null : fields.text]);
      }
    })());
    await copyInto(client, `${schema}.search_terms`, ['term', 'entries', 'documents'], (function* () {
      for (const [term, { entries, documents }] of lexicon) yield copyRow([term, entries, documents]);
    })());

    const stats = statsOf(rows);
    await client.query(`INSERT INTO ${schema}.meta (key, value) VALUES ('stats', $1), ('version', $2), ('search', $3)`, [
      JSON.stringify(stats),
      JSON.stringify(rows.version),
      JSON.stringify({ documents: rows.nodes.length }),
    ]);
    await client.query('SELECT newsgraph.index_graph_generation($1)', [schema]);
    for (const table of ['nodes', 'edges', 'incidences', 'related', 'mentions', 'list_counts', 'search_documents', 'search_terms']) await client.query(`ANALYZE ${schema}.${table}`);
    await client.query(
      `INSERT INTO newsgraph.graph_state (generation, schema_name, version) VALUES ($1, $2, $3)
       ON CONFLICT (singleton) DO UPDATE SET generation = EXCLUDED.generation, schema_name = EXCLUDED.schema_name, version = EXCLUDED.version, changed_at = now()`,
      [generation, schema, rows.version],
    );
    await client.query('SELECT pg_notify($1, $2)', [GRAPH_CHANNEL, rows.version]);
    await client.query('COMMIT');
    await dropOldGenerations(client, generation);
    return {
      version: rows.version,
      previousVersion: previous[0]?.version ?? null,
      generation,
      schema,
      articles: stats.byKind.find((k) => k.kind === 'ARTICLE')?.count ?? 0,
      nodes: stats.nodeCount,
      edges: stats.edgeCount,
      mentions: stats.mentionCount,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Drops the generations older than the served one and the `KEPT_GENERATIONS` before it. */
async function dropOldGenerations(client: PoolClient, served: number): Promise<void> {
  const { rows } = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname ~ '^newsgraph_g[0-9]+$'`);
  const old = rows.map((r) => Number(r.nspname.slice('newsgraph_g'.length))).filter((g) => g < served).sort((a, b) => b - a).slice(KEPT_GENERATIONS);
  for (const generation of old) await client.query(`DROP SCHEMA newsgraph_g${generation} CASCADE`);
}
