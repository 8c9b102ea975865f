import type { Pool, PoolClient } from 'pg';
import type { CheckOutcome, DataProblem, Edge, EntityNode, GraphNode, Mention, NodeKind, WriteOutcome, WriteRefused } from '../graph';
import type { ArticleRecord } from '../graph/derive-article';
import { isPlan, planArticleDelete, planArticlePut, type WritePlan, type WriteRefusal } from '../graph/graph-writes';
import type { RawEntitiesFile, RawEntity } from '../graph/raw-data';
import type { GraphSnapshot } from '../graph/snapshot';
import { reachingDatabase } from './database-errors';
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
  ROLE_COPY_COLUMNS,
  roleRows,
  SEARCH_COPY_COLUMNS,
  searchRows,
  Tally,
} from './graph-rows';
import { type FactCounts, writeFacts } from './fact-rows';
import { unionsOfBucket } from './kept-unions';
import { GRAPH_CHANNEL, GRAPH_WRITE_LOCK, versionOfSum } from './import-graph';
import { edgeIdOfKeySql, edgeOrderKey, nodeOrderKey, unstorableReason } from './order-key';
import { type EdgeRow, edgeOfRow, type NodeRow, nodeOfRow } from './rows';

const ENTITY_ID = /^(person|organization|place|event|topic):[a-z0-9]+(-[a-z0-9]+)*$/;
const ENTITY_FILES = ['entities/people.json', 'entities/organizations.json', 'entities/places.json', 'entities/events.json', 'entities/topics.json'];

/** Every string in a JSON value that could name an entity: what checking the value may look up. */
function entityIdsIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') {
    if (ENTITY_ID.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) entityIdsIn(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) entityIdsIn(item, into);
  }
  return into;
}

/** A read-only map over rows fetched ahead (what the write planner asks the graph). */
function mapOf<K, V>(entries: Iterable<readonly [K, V]>): { get(key: K): V | undefined; has(key: K): boolean; entries(): IterableIterator<[K, V]> } {
  const map = new Map<K, V>(entries as Iterable<[K, V]>);
  return { get: (key) => map.get(key), has: (key) => map.has(key), entries: () => map.entries() };
}

/**
 * The part of a graph the in-memory write planner (graph-writes.ts) reads
 * for one write, fetched from the generation first: the article's record and
 * any article in its file, the entities its body and article name, the
 * entity files they belong to, and, for an entity whose names change, the
 * articles that mention it (with their texts). The planner then checks the
 * write exactly as it checks one in memory.
 */
async function graphForPlan(client: PoolClient, schema: string, slug: string, body: unknown): Promise<GraphSnapshot> {
  const articleId = `article:${slug}`;
  const given = (body as { entities?: unknown } | null)?.entities;
  const givenIds = [...entityIdsIn(Array.isArray(given) ? given.map((e) => (e as { id?: unknown } | null)?.id) : [], new Set())];
  const named = [...entityIdsIn((body as { article?: unknown } | null)?.article, new Set(givenIds))];
  const q = async <R extends object>(text: string, values: unknown[]) =>
    (await client.query<R & import('pg').QueryResultRow>(text.replaceAll('§', `${schema}.`), values)).rows;
  const articleRows = await q<{ id: string; file: string; entities: string[]; item_ids: string[]; edge_ids: string[] }>(
    `SELECT id, file, entities, item_ids, edge_ids FROM §articles WHERE id = $1 OR file = $2`,
    [articleId, `articles/${slug}.json`],
  );
  const entitySources = (await q<{ id: string; file: string; raw: string }>(`SELECT id, file, raw FROM §entities WHERE id = ANY($1::text[])`, [givenIds])).map(
    (s) => ({ ...s, raw: JSON.parse(s.raw) as RawEntity }),
  );
  const entityNodes = (await q<NodeRow>(`SELECT n.id, n.kind, n.ord, n.slot, n.node, n.article_text FROM §nodes n WHERE n.id = ANY($1::text[])`, [named])).map(
    nodeOfRow,
  );
  const files = [...new Set([...ENTITY_FILES, ...entitySources.map((s) => s.file)])];
  const entityFiles = (await q<{ file: string; content: string }>(`SELECT file, content FROM §entity_files WHERE file = ANY($1::text[])`, [files])).map(
    (f) => ({ file: f.file, content: JSON.parse(f.content) as RawEntitiesFile }),
  );

  // Entities whose names or aliases the body changes: the articles that mention them find their mentions again.
  const renamed = (Array.isArray(given) ? given : [])
    .filter((record) => {
      const id = (record as { id?: unknown } | null)?.id;
      const current = entityNodes.find((n) => n.id === id) as EntityNode | undefined;
      const raw = record as Partial<RawEntity>;
      return current && (current.name !== raw.name || current.aliases.join('\u0000') !== (raw.aliases ?? []).join('\u0000'));
    })
    .map((record) => (record as RawEntity).id);
  const mentionEdges =
    renamed.length === 0
      ? []
      : await q<EdgeRow>(
          `SELECT e.id AS edge_id, e.ord AS edge_ord, e.slot AS edge_slot, e.predicate, e.from_id, e.to_id, e.qualifier, e.span_article, e.span_start, e.span_end
     FROM §incidences x JOIN §edges e ON e.id = ${edgeIdOfKeySql('x.ord')} WHERE x.node_id = ANY($1::text[]) AND x.direction = 'IN' AND x.predicate = 'MENTIONS' ORDER BY x.node_id, x.ord`,
          [renamed],
        );
  const mentioning = [...new Set(mentionEdges.map((e) => e.from_id))];
  const otherArticles =
    mentioning.length === 0
      ? []
      : await q<NodeRow & { file: string; entities: string[]; item_ids: string[]; edge_ids: string[] }>(
          `SELECT n.id, n.kind, n.ord, n.slot, n.node, n.article_text, a.file, a.entities, a.item_ids, a.edge_ids FROM §nodes n JOIN §articles a ON a.id = n.id WHERE n.id = ANY($1::text[])`,
          [mentioning],
        );
  const articleFiles = await q<{ file: string; digest: string }>(`SELECT file, digest FROM §files WHERE file = $1`, [`articles/${slug}.json`]);
  const records = new Map<string, ArticleRecord>();
  for (const r of [...articleRows, ...otherArticles]) records.set(r.id, { file: r.file, entities: r.entities, itemIds: r.item_ids, edgeIds: r.edge_ids });
  const edgesIn = new Map<string, Map<string, Edge[]>>();
  for (const row of mentionEdges) {
    const byPredicate = edgesIn.get(row.to_id) ?? new Map([['MENTIONS', [] as Edge[]]]);
    edgesIn.set(row.to_id, byPredicate);
    byPredicate.get('MENTIONS')!.push(edgeOfRow(row));
  }
  const nodes = new Map<string, GraphNode>([...entityNodes.map((n) => [n.id, n] as const), ...otherArticles.map((r) => [r.id, nodeOfRow(r)] as const)]);
  return {
    articles: mapOf(records),
    entitySources: mapOf(entitySources.map((s) => [s.id, { file: s.file, raw: s.raw }] as const)),
    entityFiles: mapOf(entityFiles.map((f) => [f.file, f.content] as const)),
    nodes: mapOf(nodes),
    edgesIn: mapOf(edgesIn),
    // The planner asks whether the file a new article would be written to is taken.
    fileDigests: mapOf(articleFiles.map((f) => [f.file, f.digest] as const)),
  } as unknown as GraphSnapshot;
}

/** The strings of a write that the database cannot hold (see order-key.ts). */
function storageProblems(plan: WritePlan): DataProblem[] {
  const problems: DataProblem[] = [];
  const walk = (file: string, value: unknown, path: string) => {
    if (typeof value === 'string') {
      const reason = unstorableReason(value);
      if (reason) problems.push({ file, path, message: `this string ${reason}` });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(file, item, `${path}[${i}]`));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(file, item, `${path}.${key}`);
  };
  for (const { file, content } of plan.files) if (content !== null) walk(file, JSON.parse(content), '$');
  return problems;
}

/** Plans a write over the rows it needs, as the in-memory store plans it, with the strings the database cannot hold as problems too. */
async function planWrite(
  client: PoolClient,
  schema: string,
  slug: string,
  body: unknown | undefined,
): Promise<{ readonly ok: true; readonly plan: WritePlan } | WriteRefused> {
  const graph = await graphForPlan(client, schema, slug, body);
  const planned: WritePlan | WriteRefusal = body === undefined ? planArticleDelete(graph, slug) : planArticlePut(graph, slug, body);
  if (!isPlan(planned)) return { ok: false, ...planned };
  const storage = storageProblems(planned);
  if (storage.length > 0) {
    return {
      ok: false,
      code: 'INVALID_GRAPH_DATA',
      message: `The article has ${storage.length} problem${storage.length === 1 ? '' : 's'}; nothing was changed.`,
      problems: storage,
    };
  }
  return { ok: true, plan: planned };
}

/** Checks a put of an article as `writeArticle` would, in a read-only transaction of the generation served; changes nothing. */
export async function checkArticleWrite(pool: Pool, slug: string, body: unknown): Promise<CheckOutcome> {
  const client = await reachingDatabase(() => pool.connect());
  try {
    await client.query('BEGIN READ ONLY');
    const [state] = (await client.query<{ schema_name: string }>('SELECT schema_name FROM newsgraph.graph_state')).rows;
    const planned = await planWrite(client, state.schema_name, slug, body);
    return planned.ok ? { ok: true, created: planned.plan.created } : planned;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/**
 * Puts (`body` given) or removes an article in the generation being served,
 * in one transaction: checked as the in-memory store checks a write (the
 * same planner, over the rows it reads), then the article's rows replaced by
 * article id, every kept count adjusted by the rows removed and added, the
 * version moved by the digests of the files the write changes, and a NOTIFY
 * that replicas switch on at commit. A write that fails leaves nothing.
 */
export async function writeArticle(pool: Pool, slug: string, body: unknown | undefined): Promise<WriteOutcome> {
  const client = await reachingDatabase(() => pool.connect());
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [GRAPH_WRITE_LOCK]);
    const [state] = (await client.query<{ schema_name: string; version: string }>('SELECT schema_name, version FROM newsgraph.graph_state FOR UPDATE')).rows;
    const schema = state.schema_name;
    const planned = await planWrite(client, schema, slug, body);
    if (!planned.ok) {
      await client.query('ROLLBACK');
      return planned;
    }
    const version = await applyPlan(client, schema, planned.plan);
    await client.query(`UPDATE newsgraph.graph_state SET version = $1, changed_at = now()`, [version]);
    await client.query('SELECT pg_notify($1, $2)', [GRAPH_CHANNEL, version]);
    await client.query('COMMIT');
    const { articleId, created, entitiesAdded, entitiesReplaced } = planned.plan;
    return { ok: true, previousVersion: state.version, version, articleId, created, entitiesAdded, entitiesReplaced };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Applies a planned write to the generation's rows; returns the new version. */
async function applyPlan(client: PoolClient, schema: string, plan: WritePlan): Promise<string> {
  const { delta } = plan;
  const q = async <R extends import('pg').QueryResultRow>(text: string, values: unknown[] = []) =>
    (await client.query<R>(text.replaceAll('§', `${schema}.`), values)).rows;
  const removed = new Tally();
  const added = new Tally();

  // Nodes: every node removed or put is deleted first; a node put again keeps its slot and its edges' count.
  const putIds = delta.putNodes.map((n) => n.id);
  const goneIds = [...new Set([...delta.removeNodeIds, ...putIds])];
  const oldNodes = await q<NodeRow & { degree: number }>(
    `SELECT n.id, n.kind, n.ord, n.slot, n.node, n.article_text, n.degree FROM §nodes n WHERE n.id = ANY($1::text[])`,
    [goneIds],
  );
  const oldById = new Map(oldNodes.map((row) => [row.id, row]));
  for (const row of oldNodes) removed.node(nodeOfRow(row), -1);
  const oldTerms = await q<{ term: string; entries: string; documents: string }>(
    `SELECT u.lexeme AS term, sum(cardinality(ARRAY(SELECT DISTINCT w FROM unnest(u.weights) w))) AS entries, count(*) AS documents
     FROM §search_documents d CROSS JOIN LATERAL unnest(d.vector) u WHERE d.node_id = ANY($1::text[]) GROUP BY u.lexeme`,
    [goneIds],
  );
  await q(`DELETE FROM §search_documents WHERE node_id = ANY($1::text[])`, [goneIds]);
  await q(`DELETE FROM §nodes WHERE id = ANY($1::text[])`, [goneIds]);
  const [{ value: slots }] = await q<{ value: { nodes: number; edges: number } }>(`SELECT value FROM §meta WHERE key = 'slots'`);
  const newNodes = delta.putNodes.map((n) => ({ ...n, slot: oldById.get(n.id)?.slot ?? slots.nodes++ }) as GraphNode);

  // Edges: removed, and put (an edge put whose id exists replaces it), with the kinds and keys of their ends.
  const putEdgeIds = delta.putEdges.map((e) => e.id);
  const oldEdges = (
    await q<EdgeRow>(
      `SELECT e.id AS edge_id, e.ord AS edge_ord, e.slot AS edge_slot, e.predicate, e.from_id, e.to_id, e.qualifier, e.span_article, e.span_start, e.span_end FROM §edges e WHERE e.id = ANY($1::text[])`,
      [[...new Set([...delta.removeEdgeIds, ...putEdgeIds])]],
    )
  ).map(edgeOfRow);
  const oldEdgeSlots = new Map(oldEdges.map((e) => [e.id, e.slot]));
  const newEdges: Edge[] = delta.putEdges.map((e) => ({ ...e, slot: oldEdgeSlots.get(e.id) ?? slots.edges++ }));
  const ends = new Set<string>();
  for (const e of [...oldEdges, ...newEdges]) ends.add(e.from).add(e.to);
  const endRows = await q<{ id: string; kind: NodeKind; ord: string }>(`SELECT id, kind, ord FROM §nodes WHERE id = ANY($1::text[])`, [[...ends]]);
  const kinds = new Map<string, NodeKind>([
    ...oldNodes.map((r) => [r.id, r.kind] as const),
    ...endRows.map((r) => [r.id, r.kind] as const),
    ...newNodes.map((n) => [n.id, n.kind] as const),
  ]);
  // The keys the rows are under once the write is done (an entity renamed is moved to its new key below, before any row is counted).
  const keys = new Map<string, string>([
    ...oldNodes.map((r) => [r.id, r.ord] as const),
    ...endRows.map((r) => [r.id, r.ord] as const),
    ...newNodes.map((n) => [n.id, nodeOrderKey(n)] as const),
  ]);
  for (const e of oldEdges) removed.edge(e, (id) => kinds.get(id)!, -1);
  // Each incidence found by its node and its edge's key (indexed; the key ends with the edge's id).
  await q(
    `DELETE FROM §incidences x USING unnest($1::text[], $2::text[], $3::text[]) AS d(from_id, to_id, ord)
     WHERE x.node_id IN (d.from_id, d.to_id) AND x.ord = d.ord`,
    [oldEdges.map((e) => e.from), oldEdges.map((e) => e.to), oldEdges.map((e) => edgeOrderKey(e))],
  );
  await q(`DELETE FROM §edges WHERE id = ANY($1::text[])`, [oldEdges.map((e) => e.id)]);

  // Mentions: the removed article's, and those of each (article, entity) found again.
  const pairs = delta.replaceMentionsOf;
  const goneMentions = [
    ...(await q<{ entity_id: string; article_id: string; span_start: number; span_end: number }>(
      `DELETE FROM §mentions m WHERE m.article_id = ANY($1::text[]) RETURNING m.entity_id, m.article_id, m.span_start, m.span_end`,
      [delta.removeArticleIds],
    )),
    ...(await q<{ entity_id: string; article_id: string; span_start: number; span_end: number }>(
      `DELETE FROM §mentions m USING unnest($1::text[], $2::text[]) AS d(article_id, entity_id)
       WHERE m.article_id = d.article_id AND m.entity_id = d.entity_id AND NOT (m.article_id = ANY($3::text[]))
       RETURNING m.entity_id, m.article_id, m.span_start, m.span_end`,
      [pairs.map((p) => p.articleId), pairs.map((p) => p.entityId), delta.removeArticleIds],
    )),
  ];
  for (const m of goneMentions) removed.mention({ entityId: m.entity_id, span: { articleId: m.article_id, start: m.span_start, end: m.span_end } }, -1);

  // The new rows.
  const degreeOf = (id: string) => oldById.get(id)?.degree ?? 0;
  const articleTexts = new Map<string, string>();
  for (const n of newNodes) if (n.kind === 'ARTICLE') articleTexts.set(n.id, n.text);
  await copyInto(client, `${schema}.nodes`, NODE_COPY_COLUMNS, nodeRows(newNodes, degreeOf, added));
  await copyInto(
    client,
    `${schema}.search_documents`,
    SEARCH_COPY_COLUMNS,
    searchRows(newNodes, (id) => articleTexts.get(id) ?? '', added),
  );
  await copyInto(
    client,
    `${schema}.edges`,
    EDGE_COPY_COLUMNS,
    edgeRows(newEdges, (id) => kinds.get(id)!, added),
  );
  await copyInto(client, `${schema}.incidences`, INCIDENCE_COPY_COLUMNS, incidenceRows(newEdges));
  await copyInto(
    client,
    `${schema}.mentions`,
    MENTION_COPY_COLUMNS,
    mentionRows(delta.putMentions as Mention[], (id) => keys.get(id)!, added),
  );

  // Roles of every person and organization whose role statements changed, folded again from all of theirs.
  const roleNodes = new Set<string>();
  for (const e of [...oldEdges, ...newEdges]) if (e.predicate === 'HAS_ROLE_AT') roleNodes.add(e.from).add(e.to);
  if (roleNodes.size > 0) {
    const statements = (
      await q<EdgeRow>(
        `SELECT DISTINCT ON (e.ord) e.id AS edge_id, e.ord AS edge_ord, e.slot AS edge_slot, e.predicate, e.from_id, e.to_id, e.qualifier, e.span_article, e.span_start, e.span_end
         FROM §incidences x JOIN §edges e ON e.id = ${edgeIdOfKeySql('x.ord')} WHERE x.node_id = ANY($1::text[]) AND x.predicate = 'HAS_ROLE_AT' ORDER BY e.ord`,
        [[...roleNodes]],
      )
    ).map(edgeOfRow);
    await q(`DELETE FROM §roles WHERE node_id = ANY($1::text[])`, [[...roleNodes]]);
    await copyInto(client, `${schema}.roles`, ROLE_COPY_COLUMNS, roleRows(statements, roleNodes));
  }

  // An entity whose key changed (a new name) moves in the lists that hold it.
  for (const n of newNodes) {
    const old = oldById.get(n.id);
    const key = nodeOrderKey(n);
    if (!old || old.ord === key) continue;
    await q(`UPDATE §related SET other_ord = $2 WHERE other_id = $1`, [n.id, key]);
    await q(`UPDATE §mentions SET ord = article_id || chr(1) || lpad(span_start::text, 10, '0') || $2 WHERE entity_id = $1`, [n.id, key]);
  }

  // Related rows: the edges behind each, less and more; a row left with none goes, a new one comes.
  const relatedDelta = new Map<string, number>();
  for (const tally of [removed, added]) for (const [k, d] of tally.related) relatedDelta.set(k, (relatedDelta.get(k) ?? 0) + d);
  const changes = [...relatedDelta].filter(([, d]) => d !== 0).map(([k, d]) => [...k.split('\t'), d] as [string, string, string, number]);
  const listDelta = new Map<string, number>();
  const addList = (list: string, d: number) => listDelta.set(list, (listDelta.get(list) ?? 0) + d);
  if (changes.length > 0) {
    const touched = await q<{ node_id: string; bucket: string; edges: number; existed: boolean }>(
      `WITH d AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS d(node_id, bucket, other_id, other_ord, delta)),
       up AS (
         INSERT INTO §related (node_id, bucket, other_ord, other_id, edges) SELECT node_id, bucket, other_ord, other_id, delta FROM d
         ON CONFLICT (node_id, bucket, other_ord) DO UPDATE SET edges = §related.edges + EXCLUDED.edges
         RETURNING node_id, bucket, edges, (xmax <> 0) AS existed
       )
       SELECT * FROM up`,
      [changes.map((c) => c[0]), changes.map((c) => c[1]), changes.map((c) => c[2]), changes.map((c) => keys.get(c[2])!), changes.map((c) => c[3])],
    );
    for (const row of touched) {
      if (!row.existed && row.edges > 0) addList(`related|${row.node_id}|${row.bucket}`, 1);
      if (row.existed && row.edges <= 0) addList(`related|${row.node_id}|${row.bucket}`, -1);
    }
    await q(
      `DELETE FROM §related r USING unnest($1::text[], $2::text[], $3::text[]) AS d(node_id, bucket, other_ord)
       WHERE r.node_id = d.node_id AND r.bucket = d.bucket AND r.other_ord = d.other_ord AND r.edges <= 0`,
      [changes.map((c) => c[0]), changes.map((c) => c[1]), changes.map((c) => keys.get(c[2])!)],
    );
    // The kept unions of the buckets that changed (kept-unions.ts), counted again from their rows.
    const unions = new Map<string, { nodeId: string; buckets: string[] }>();
    for (const [nodeId, bucket] of changes) for (const { list, buckets } of unionsOfBucket(nodeId, bucket)) unions.set(list, { nodeId, buckets });
    if (unions.size > 0)
      await q(
        `WITH u AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS u(list, node_id, buckets)),
         n AS (
           SELECT u.list, (SELECT count(DISTINCT r.other_ord) FROM unnest(string_to_array(u.buckets, ',')) AS b(bucket)
                           CROSS JOIN LATERAL (SELECT r.other_ord FROM §related r WHERE r.node_id = u.node_id AND r.bucket = b.bucket OFFSET 0) r) AS count
           FROM u
         ),
         gone AS (DELETE FROM §list_counts c USING n WHERE c.list = n.list AND n.count = 0)
         INSERT INTO §list_counts (list, count) SELECT list, count FROM n WHERE count > 0 ON CONFLICT (list) DO UPDATE SET count = EXCLUDED.count`,
        [[...unions.keys()], [...unions.values()].map((u) => u.nodeId), [...unions.values()].map((u) => u.buckets.join(','))],
      );
  }

  // Kept counts: list lengths, degrees, search terms, stats.
  for (const tally of [removed, added]) for (const [list, d] of tally.lists) addList(list, d);
  const lists = [...listDelta].filter(([, d]) => d !== 0);
  await q(
    `INSERT INTO §list_counts (list, count) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT (list) DO UPDATE SET count = §list_counts.count + EXCLUDED.count`,
    [lists.map(([l]) => l), lists.map(([, d]) => d)],
  );
  await q(`DELETE FROM §list_counts WHERE list = ANY($1::text[]) AND count = 0`, [lists.map(([l]) => l)]);
  const degree = new Map<string, number>();
  for (const tally of [removed, added]) for (const [id, d] of tally.degree) degree.set(id, (degree.get(id) ?? 0) + d);
  const degrees = [...degree].filter(([, d]) => d !== 0);
  await q(`UPDATE §nodes n SET degree = n.degree + d.delta FROM unnest($1::text[], $2::int[]) AS d(id, delta) WHERE n.id = d.id`, [
    degrees.map(([id]) => id),
    degrees.map(([, d]) => d),
  ]);
  const terms = new Map<string, { entries: number; documents: number }>();
  for (const t of oldTerms) terms.set(t.term, { entries: -Number(t.entries), documents: -Number(t.documents) });
  for (const [term, { entries, documents }] of added.terms) {
    const t = terms.get(term) ?? { entries: 0, documents: 0 };
    terms.set(term, { entries: t.entries + entries, documents: t.documents + documents });
  }
  const termRows = [...terms].filter(([, t]) => t.entries !== 0 || t.documents !== 0);
  await q(
    `INSERT INTO §search_terms (term, entries, documents) SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
     ON CONFLICT (term) DO UPDATE SET entries = §search_terms.entries + EXCLUDED.entries, documents = §search_terms.documents + EXCLUDED.documents`,
    [termRows.map(([t]) => t), termRows.map(([, t]) => t.entries), termRows.map(([, t]) => t.documents)],
  );
  await q(`DELETE FROM §search_terms WHERE term = ANY($1::text[]) AND documents <= 0`, [termRows.map(([t]) => t)]);
  const [{ value: stats }] = await q<{
    value: {
      nodeCount: number;
      edgeCount: number;
      mentionCount: number;
      byKind: { kind: string; count: number }[];
      byPredicate: { predicate: string; count: number }[];
    };
  }>(`SELECT value FROM §meta WHERE key = 'stats'`);
  for (const tally of [removed, added]) {
    stats.nodeCount += tally.nodes;
    stats.edgeCount += tally.edges;
    stats.mentionCount += tally.mentions;
    for (const k of stats.byKind) k.count += tally.kinds.get(k.kind) ?? 0;
    for (const p of stats.byPredicate) p.count += tally.predicates.get(p.predicate) ?? 0;
  }

  // Facts: the buckets of the figures and quotes removed or put, made again.
  const [{ value: factCounts }] = await q<{ value: FactCounts }>(`SELECT value FROM §meta WHERE key = 'facts'`);
  const facts = await writeFacts(client, schema, goneIds, newNodes, delta.putEdges, (id) => keys.get(id)!, factCounts);

  // What the graph keeps to replace or remove articles and entities later, and the files' digests.
  await q(`DELETE FROM §articles WHERE id = ANY($1::text[])`, [delta.removeArticleIds]);
  for (const [id, record] of delta.putArticles) {
    await q(`INSERT INTO §articles (id, file, entities, item_ids, edge_ids) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      record.file,
      record.entities,
      record.itemIds,
      record.edgeIds,
    ]);
  }
  for (const [id, source] of delta.putEntitySources) {
    await q(`INSERT INTO §entities (id, file, raw) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET file = EXCLUDED.file, raw = EXCLUDED.raw`, [
      id,
      source.file,
      JSON.stringify(source.raw),
    ]);
  }
  for (const [file, content] of delta.putEntityFiles) {
    await q(`INSERT INTO §entity_files (file, content) VALUES ($1, $2) ON CONFLICT (file) DO UPDATE SET content = EXCLUDED.content`, [
      file,
      JSON.stringify(content),
    ]);
  }
  const [{ value: sumHex }] = await q<{ value: string }>(`SELECT value FROM §meta WHERE key = 'digest_sum'`);
  let sum = BigInt(`0x${sumHex}`);
  const modulus = 1n << 128n;
  const oldDigests = await q<{ file: string; digest: string }>(`SELECT file, digest FROM §files WHERE file = ANY($1::text[])`, [delta.files.map(([f]) => f)]);
  for (const { digest } of oldDigests) sum = (sum - BigInt(`0x${digest.slice(0, 32)}`) + modulus) % modulus;
  for (const [file, digest] of delta.files) {
    if (digest === undefined) {
      await q(`DELETE FROM §files WHERE file = $1`, [file]);
    } else {
      sum = (sum + BigInt(`0x${digest.slice(0, 32)}`)) % modulus;
      await q(`INSERT INTO §files (file, digest) VALUES ($1, $2) ON CONFLICT (file) DO UPDATE SET digest = EXCLUDED.digest`, [file, digest]);
    }
  }
  const version = versionOfSum(sum);
  await q(
    `UPDATE §meta m SET value = v.value FROM (VALUES ('stats', $1::jsonb), ('version', $2::jsonb), ('digest_sum', $3::jsonb), ('slots', $4::jsonb), ('facts', $5::jsonb)) AS v(key, value) WHERE m.key = v.key`,
    [JSON.stringify(stats), JSON.stringify(version), JSON.stringify(sum.toString(16)), JSON.stringify(slots), JSON.stringify(facts)],
  );
  await q(`UPDATE §meta SET value = jsonb_build_object('documents', (value->>'documents')::int + $1::int) WHERE key = 'search'`, [removed.nodes + added.nodes]);
  return version;
}
