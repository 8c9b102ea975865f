import type { Pool, PoolClient } from 'pg';
import {
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
import { recordOf } from '../graph/derive-article';
import { compareNodes } from '../graph/graph-order';
import { sumDigests, versionOf } from '../graph/version-digest';
import { copyRow, textArrayLiteral } from './copy-text';
import {
  copyInto,
  EDGE_COPY_COLUMNS,
  edgeRows,
  INCIDENCE_COPY_COLUMNS,
  incidenceRows,
  MENTION_COPY_COLUMNS,
  mentionRows,
  NODE_COPY_COLUMNS,
  nodeRows,
  relatedRows,
  ROLE_COPY_COLUMNS,
  roleRows,
  SEARCH_COPY_COLUMNS,
  searchRows,
  Tally,
} from './graph-rows';
import { importFacts } from './fact-rows';
import { unionCounts } from './kept-unions';
import { appliedMigration, latestMigration } from './migrate-database';
import { nodeOrderKey, unstorableReason } from './order-key';
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
}

function rowsOf(valid: ValidGraphData): GraphRows {
  const unplaced = [...valid.entities, ...valid.fragments.flatMap((f) => [f.article, ...f.items])];
  unplaced.sort(compareNodes);
  // Slots as the in-memory build gives them (node order), so that search breaks ties alike.
  const nodes = unplaced.map((node, slot) => ({ ...node, slot }) as GraphNode);
  const edges = valid.fragments.flatMap((f) => f.edges).map((edge, slot) => ({ ...edge, slot }));
  const mentions = valid.fragments.flatMap((f) => f.mentions);
  return { nodes, edges, mentions };
}

/** The stats of the graph from a tally of all its rows, as the in-memory store counts them. */
export function statsOf(tally: Tally): GraphStats {
  return {
    nodeCount: tally.nodes,
    edgeCount: tally.edges,
    mentionCount: tally.mentions,
    byKind: NODE_KINDS.map((kind) => ({ kind, count: tally.kinds.get(kind) ?? 0 })),
    byPredicate: PREDICATES.map((p) => ({ predicate: p.name, count: tally.predicates.get(p.name) ?? 0 })),
  };
}

/** The full sum of the file digests (see version-digest.ts): kept so that a write can change it by one file. */
export const digestSum = sumDigests;

/** The version of a digest sum. */
export const versionOfSum = versionOf;

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
  const valid = readValidGraph(dataDir);
  const rows = rowsOf(valid);
  const sum = digestSum(valid.fileDigests.map(([, digest]) => digest));
  const version = versionOfSum(sum);
  const byId = new Map(rows.nodes.map((node) => [node.id, node]));
  const kindOf = (id: string) => byId.get(id)!.kind;
  // Made once a node: the related rows, mentions and fact reports ask for the keys of busy nodes millions of times.
  const orderKeys = new Map(rows.nodes.map((node) => [node.id, nodeOrderKey(node)]));
  const orderOf = (id: string) => orderKeys.get(id)!;

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [GRAPH_WRITE_LOCK]);
    // Indexes of millions of rows are built once, here: a larger sort memory than the default 64 MB builds them in fewer passes.
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    const { rows: previous } = await client.query<{ version: string }>('SELECT version FROM newsgraph.graph_state');
    const { rows: next } = await client.query<{ generation: string }>(`SELECT nextval('newsgraph.graph_generation') AS generation`);
    const generation = Number(next[0].generation);
    const schema = `newsgraph_g${generation}`;
    await client.query('SELECT newsgraph.create_graph_generation($1)', [schema]);
    await client.query('SELECT newsgraph.slim_incidences($1)', [schema]);
    await client.query('SELECT newsgraph.create_fact_tables($1)', [schema]);
    await client.query('SELECT newsgraph.create_role_spans($1)', [schema]);

    // Every table is new in this transaction: written frozen (graph-rows.ts, copyInto).
    const copyFresh = (table: string, columns: readonly string[], rows: Iterable<string>) => copyInto(client, table, columns, rows, { freeze: true });
    const tally = new Tally();
    const degree = new Map<string, number>();
    for (const edge of rows.edges) {
      degree.set(edge.from, (degree.get(edge.from) ?? 0) + 1);
      degree.set(edge.to, (degree.get(edge.to) ?? 0) + 1);
    }
    const articleText = new Map<string, string>();
    for (const node of rows.nodes) if (node.kind === 'ARTICLE') articleText.set(node.id, node.text);
    await copyFresh(
      `${schema}.nodes`,
      NODE_COPY_COLUMNS,
      nodeRows(rows.nodes, (id) => degree.get(id) ?? 0, tally),
    );
    await copyFresh(`${schema}.edges`, EDGE_COPY_COLUMNS, edgeRows(rows.edges, kindOf, tally));
    await copyFresh(`${schema}.incidences`, INCIDENCE_COPY_COLUMNS, incidenceRows(rows.edges));
    await copyFresh(`${schema}.related`, ['node_id', 'bucket', 'other_ord', 'other_id', 'edges'], relatedRows(tally, orderOf));
    await copyFresh(`${schema}.mentions`, MENTION_COPY_COLUMNS, mentionRows(rows.mentions, orderOf, tally));
    await copyFresh(`${schema}.roles`, ROLE_COPY_COLUMNS, roleRows(rows.edges));
    await copyFresh(
      `${schema}.search_documents`,
      SEARCH_COPY_COLUMNS,
      searchRows(rows.nodes, (id) => articleText.get(id) ?? '', tally),
    );
    await copyFresh(
      `${schema}.list_counts`,
      ['list', 'count'],
      (function* () {
        for (const [list, n] of tally.lists) if (n !== 0) yield copyRow([list, n]);
        for (const [list, n] of unionCounts(tally.related)) yield copyRow([list, n]);
      })(),
    );
    await copyFresh(
      `${schema}.search_terms`,
      ['term', 'entries', 'documents'],
      (function* () {
        for (const [term, { entries, documents }] of tally.terms) yield copyRow([term, entries, documents]);
      })(),
    );
    await copyFresh(
      `${schema}.articles`,
      ['id', 'file', 'entities', 'item_ids', 'edge_ids'],
      (function* () {
        for (const f of valid.fragments) {
          const record = recordOf(f);
          yield copyRow([f.article.id, record.file, textArrayLiteral(record.entities), textArrayLiteral(record.itemIds), textArrayLiteral(record.edgeIds)]);
        }
      })(),
    );
    await copyFresh(
      `${schema}.entities`,
      ['id', 'file', 'raw'],
      (function* () {
        for (const [id, source] of valid.entitySources) yield copyRow([id, source.file, JSON.stringify(source.raw)]);
      })(),
    );
    await copyFresh(
      `${schema}.entity_files`,
      ['file', 'content'],
      (function* () {
        for (const { file, content } of valid.entityFiles) yield copyRow([file, JSON.stringify(content)]);
      })(),
    );
    await copyFresh(
      `${schema}.files`,
      ['file', 'digest'],
      (function* () {
        for (const [file, digest] of valid.fileDigests) yield copyRow([file, digest]);
      })(),
    );

    const facts = await importFacts(client, schema, valid.fragments, orderOf);

    const stats = statsOf(tally);
    await client.query(
      `INSERT INTO ${schema}.meta (key, value) VALUES ('stats', $1), ('version', $2), ('search', $3), ('digest_sum', $4), ('slots', $5), ('facts', $6)`,
      [
        JSON.stringify(stats),
        JSON.stringify(version),
        JSON.stringify({ documents: rows.nodes.length }),
        JSON.stringify(sum.toString(16)),
        JSON.stringify({ nodes: rows.nodes.length, edges: rows.edges.length }),
        JSON.stringify(facts),
      ],
    );
    await client.query('SELECT newsgraph.index_graph_generation($1)', [schema]);
    for (const table of [
      'nodes',
      'edges',
      'incidences',
      'related',
      'roles',
      'mentions',
      'list_counts',
      'search_documents',
      'search_terms',
      'articles',
      'entities',
      'fact_reports',
    ])
      await client.query(`ANALYZE ${schema}.${table}`);
    await client.query(
      `INSERT INTO newsgraph.graph_state (generation, schema_name, version) VALUES ($1, $2, $3)
       ON CONFLICT (singleton) DO UPDATE SET generation = EXCLUDED.generation, schema_name = EXCLUDED.schema_name, version = EXCLUDED.version, changed_at = now()`,
      [generation, schema, version],
    );
    await client.query('SELECT pg_notify($1, $2)', [GRAPH_CHANNEL, version]);
    await client.query('COMMIT');
    await dropOldGenerations(client, generation);
    return {
      version,
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
  const old = rows
    .map((r) => Number(r.nspname.slice('newsgraph_g'.length)))
    .filter((g) => g < served)
    .sort((a, b) => b - a)
    .slice(KEPT_GENERATIONS);
  for (const generation of old) await client.query(`DROP SCHEMA newsgraph_g${generation} CASCADE`);
}
