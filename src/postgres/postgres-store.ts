import type { Pool } from 'pg';
import {
  type Edge,
  type EntityNode,
  type EdgeQuery,
  ENTITY_FACT_HOP,
  NODE_FILTERS,
  type EntityFactQuery,
  type FactReports,
  type FactStats,
  type GraphNode,
  type GraphPath,
  GraphQueryError,
  type GraphStats,
  type GraphStore,
  type Hop,
  type Mention,
  type MentionQuery,
  type Neighborhood,
  type NeighborhoodQuery,
  NODE_KINDS,
  type NodeKind,
  type NodeListQuery,
  type Page,
  type PageRequest,
  type PathQuery,
  PREDICATES,
  type RelatedQuery,
  type Role,
  type RoleQuery,
  type SearchHit,
  type SearchQuery,
  type Span,
} from '../graph';
import { decodeCursor, encodeCursor } from '../graph/paginate';
import { reachingDatabase } from './database-errors';
import { keptCountLists } from './kept-unions';
import { edgeIdOfKeySql } from './order-key';
import { EDGE_COLUMNS, type EdgeRow, edgeOfRow, MENTION_COLUMNS, type MentionRow, mentionOfRow, NODE_COLUMNS, type NodeRow, nodeOfRow } from './rows';
import type { RunStatement } from './run-statement';
import { searchGraph } from './search-graph';
import { statementWaves } from './statement-waves';
import { findPathInDatabase, neighborhoodInDatabase } from './walk-graph';

const NOT_OF_THIS_LIST = '"after" is not a cursor of this list: pass a cursor from its edges or pageInfo.endCursor';
const ITEM_GONE = '"after" names an item that is no longer in the graph; start again without "after"';
const MENTION_GONE = '"after" names a mention that is no longer in the graph; start again without "after"';

/** The largest value of PostgreSQL's `integer`, the type of span offsets. */
const MAX_INTEGER = 2 ** 31 - 1;

/** The statements of DataLoader batches: those of one turn of the event loop are sent as one (statement-waves.ts). */
const COMBINABLE: ReadonlySet<string> = new Set([
  'getNodes',
  'getRelated',
  'getEdges',
  'getMentions',
  'getEntitiesBySameAs',
  'getRoles',
  'getRoleSpans',
  'getSpanTexts',
  'getFactReports',
  'countEntityFacts',
]);

/** The `related` buckets of some hops to nodes of some kinds. */
function bucketsOf(via: readonly Hop[], kinds: readonly NodeKind[] | undefined): string[] {
  return via.flatMap((hop) => (kinds ?? NODE_KINDS).map((kind) => `${hop.direction}|${hop.predicate}|${kind}`));
}

/** Rows of a batched page query: the query's number, its list's length, its cursor's state, and an item (null columns when none). */
interface PageMeta {
  readonly i: string;
  readonly total: string | number | null;
  /** Null: no cursor; false: its item is gone; otherwise whether its item is in this list. */
  readonly after_state: boolean | null;
  readonly after_known: boolean | null;
}

/** Groups the rows of a batched page query by query, and makes each query's page (or its error). */
function pagesOf<R extends PageMeta, T>(
  count: number,
  rows: readonly R[],
  requests: readonly (PageRequest | undefined)[],
  hasItem: (row: R) => boolean,
  itemOf: (row: R) => T,
  cursorOf: (item: T) => string,
  gone: string,
): (Page<T> | GraphQueryError)[] {
  const byQuery = Array.from({ length: count }, () => [] as R[]);
  for (const row of rows) byQuery[Number(row.i) - 1].push(row);
  return byQuery.map((group, q) => {
    const request = requests[q];
    const meta = group[0];
    if (request?.after) {
      if (!meta.after_known) return new GraphQueryError(gone, 'after');
      if (!meta.after_state) return new GraphQueryError(NOT_OF_THIS_LIST, 'after');
    }
    const found = group.filter(hasItem).map(itemOf);
    const items = request ? found.slice(0, Math.max(0, request.first)) : found;
    return {
      items,
      cursorAt: (index: number) => cursorOf(items[index]),
      totalCount: Number(meta.total ?? found.length),
      hasNextPage: request ? found.length > items.length : false,
      hasPreviousPage: Boolean(request?.after),
    };
  });
}

/** The key of a cursor of `type`, or a GraphQueryError; undefined for no cursor. */
function cursorKey(page: PageRequest | undefined, type: string): string | undefined | GraphQueryError {
  if (!page?.after) return undefined;
  try {
    return decodeCursor(page.after, type);
  } catch (error) {
    if (error instanceof GraphQueryError) return error;
    throw error;
  }
}

/** Rows to fetch for a page: one more than asked shows whether there is a next page; null for the whole list. */
function limitOf(page: PageRequest | undefined): number | null {
  return page ? Math.max(0, page.first) + 1 : null;
}

/** Answers each query that has no error of its own with `answer`, keeping the errors in their places. */
async function withErrors<Q, T>(
  queries: readonly Q[],
  check: (query: Q) => GraphQueryError | undefined,
  answer: (queries: readonly Q[]) => Promise<(T | GraphQueryError)[]>,
): Promise<(T | GraphQueryError)[]> {
  const errors = queries.map(check);
  const asked = queries.filter((_, i) => !errors[i]);
  const answers = asked.length > 0 ? await answer(asked) : [];
  let next = 0;
  return errors.map((error) => error ?? answers[next++]);
}

/**
 * The store over one generation of the graph in PostgreSQL: every method is
 * one SQL statement per batch (a walk, one per layer), reading the tables of
 * the generation's schema; nothing of the graph is held in memory but the
 * answers of the moment.
 */
export class PostgresGraphStore implements GraphStore {
  private stats: Promise<GraphStats> | undefined;
  private factStats: Promise<FactStats> | undefined;
  private readonly run: RunStatement;

  /**
   * @param schema The generation's schema (`newsgraph_g<n>`), trusted: it
   *   comes from the database's own state, never from a request.
   */
  constructor(
    private readonly pool: Pool,
    readonly version: string,
    readonly schema: string,
  ) {
    this.run = statementWaves(
      (name, text, values) =>
        reachingDatabase(async () => (await this.pool.query({ name: `${name}@${schema}`, text: text.replaceAll('§', `${schema}.`), values })).rows),
      COMBINABLE,
    );
  }

  async getNodes(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.run<NodeRow>('getNodes', `SELECT ${NODE_COLUMNS} FROM §nodes n WHERE n.id = ANY($1::text[])`, [ids]);
    const byId = new Map(rows.map((row) => [row.id, nodeOfRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async getRelated(queries: readonly RelatedQuery[]): Promise<(Page<GraphNode> | GraphQueryError)[]> {
    const check = (q: RelatedQuery) => {
      const key = cursorKey(q.page, 'node');
      return key instanceof GraphQueryError ? key : undefined;
    };
    return withErrors(queries, check, async (asked) => {
      const rows = await this.run<PageMeta & NodeRow & { id: string | null }>(
        'getRelated',
        `WITH a AS MATERIALIZED (
           SELECT q.i, q.node_id, string_to_array(q.buckets, ',') AS buckets, string_to_array(q.kept, E'\t') AS kept, q.lim, c.ord AS after_ord
           FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) WITH ORDINALITY AS q(node_id, buckets, kept, lim, after_id, i)
           LEFT JOIN §nodes c ON c.id = q.after_id
         ), q AS MATERIALIZED (
           SELECT a.*,
             CASE WHEN a.kept IS NOT NULL THEN (SELECT coalesce(sum(c.count), 0) FROM §list_counts c WHERE c.list = ANY(a.kept))
                  -- Several hops not counted ahead: the distinct nodes of their buckets, each bucket read from its index alone.
                  ELSE (SELECT count(DISTINCT r.other_ord) FROM unnest(a.buckets) AS b(bucket)
                        CROSS JOIN LATERAL (SELECT r.other_ord FROM §related r WHERE r.node_id = a.node_id AND r.bucket = b.bucket OFFSET 0) r) END AS total,
             a.after_ord IS NOT NULL AS after_known,
             EXISTS (SELECT 1 FROM §related r WHERE r.node_id = a.node_id AND r.bucket = ANY(a.buckets) AND r.other_ord = a.after_ord) AS after_state
           FROM a
         )
         SELECT q.i, q.total, q.after_known, q.after_state, p.*
         FROM q LEFT JOIN LATERAL (
           -- The first rows of each bucket, in node order from its index, merged: a page never sorts a whole list.
           SELECT ${NODE_COLUMNS} FROM (
             SELECT DISTINCT r.other_ord, r.other_id FROM unnest(q.buckets) AS b(bucket) CROSS JOIN LATERAL (
               SELECT r.other_ord, r.other_id FROM §related r
               WHERE r.node_id = q.node_id AND r.bucket = b.bucket AND (q.after_ord IS NULL OR r.other_ord > q.after_ord)
               ORDER BY r.other_ord LIMIT q.lim
             ) r
             ORDER BY r.other_ord LIMIT q.lim
           ) r JOIN §nodes n ON n.id = r.other_id
         ) p ON true
         ORDER BY q.i, p.ord`,
        [
          asked.map((q) => q.nodeId),
          asked.map((q) => bucketsOf(q.via, q.kinds).join(',')),
          asked.map((q) => keptCountLists(q.nodeId, q.via, q.kinds)?.join('\t') ?? null),
          asked.map((q) => limitOf(q.page)),
          asked.map((q) => cursorKey(q.page, 'node') ?? null),
        ],
      );
      return pagesOf(
        asked.length,
        rows,
        asked.map((q) => q.page),
        (row) => row.id !== null,
        nodeOfRow,
        (node) => encodeCursor('node', node.id),
        ITEM_GONE,
      );
    });
  }

  async getEdges(queries: readonly EdgeQuery[]): Promise<(Page<Edge> | GraphQueryError)[]> {
    const check = (q: EdgeQuery) => {
      const key = cursorKey(q.page, 'edge');
      return key instanceof GraphQueryError ? key : undefined;
    };
    const countLists = (q: EdgeQuery) => {
      const directions = q.direction === 'BOTH' ? ['OUT', 'IN'] : [q.direction];
      const predicates = q.predicates ?? PREDICATES.map((p) => p.name);
      return directions.flatMap((d) => predicates.map((p) => `edges|${q.nodeId}|${d}|${p}`)).join(',');
    };
    return withErrors(queries, check, async (asked) => {
      const rows = await this.run<PageMeta & EdgeRow>(
        'getEdges',
        `WITH a AS MATERIALIZED (
           SELECT q.i, q.node_id, q.direction, string_to_array(q.predicates, ',') AS predicates, string_to_array(q.lists, ',') AS lists, q.lim, c.ord AS after_ord
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) WITH ORDINALITY AS q(node_id, direction, predicates, lists, lim, after_id, i)
           LEFT JOIN §edges c ON c.id = q.after_id
         ), q AS MATERIALIZED (
           SELECT a.*,
             (SELECT coalesce(sum(c.count), 0) FROM §list_counts c WHERE c.list = ANY(a.lists)) AS total,
             a.after_ord IS NOT NULL AS after_known,
             EXISTS (SELECT 1 FROM §incidences x WHERE x.node_id = a.node_id AND x.ord = a.after_ord AND (a.direction = 'BOTH' OR x.direction = a.direction)
                     AND (a.predicates IS NULL OR x.predicate = ANY(a.predicates))) AS after_state
           FROM a
         )
         SELECT q.i, q.total, q.after_known, q.after_state, p.*
         FROM q LEFT JOIN LATERAL (
           SELECT ${EDGE_COLUMNS} FROM (
             -- Every predicate: the node's edges in edge order, from its index.
             (SELECT ${edgeIdOfKeySql('x.ord')} AS edge_id, x.ord FROM §incidences x
              WHERE q.predicates IS NULL AND x.node_id = q.node_id AND (q.direction = 'BOTH' OR x.direction = q.direction) AND (q.after_ord IS NULL OR x.ord > q.after_ord)
              ORDER BY x.ord LIMIT q.lim)
             UNION ALL
             -- Some predicates: the first edges of each, merged.
             (SELECT ${edgeIdOfKeySql('x.ord')} AS edge_id, x.ord FROM unnest(q.predicates) AS p(predicate) CROSS JOIN LATERAL (
                SELECT x.ord FROM §incidences x
                WHERE x.node_id = q.node_id AND x.predicate = p.predicate AND (q.direction = 'BOTH' OR x.direction = q.direction) AND (q.after_ord IS NULL OR x.ord > q.after_ord)
                ORDER BY x.ord LIMIT q.lim
              ) x
              WHERE q.predicates IS NOT NULL ORDER BY x.ord LIMIT q.lim)
           ) x JOIN §edges e ON e.id = x.edge_id
         ) p ON true
         ORDER BY q.i, p.edge_ord`,
        [
          asked.map((q) => q.nodeId),
          asked.map((q) => q.direction),
          asked.map((q) => q.predicates?.join(',') ?? null),
          asked.map(countLists),
          asked.map((q) => limitOf(q.page)),
          asked.map((q) => cursorKey(q.page, 'edge') ?? null),
        ],
      );
      return pagesOf(
        asked.length,
        rows,
        asked.map((q) => q.page),
        (row) => row.edge_id !== null,
        edgeOfRow,
        (edge) => encodeCursor('edge', edge.id),
        ITEM_GONE,
      );
    });
  }

  async getMentions(queries: readonly MentionQuery[]): Promise<(Page<Mention> | GraphQueryError)[]> {
    const check = (q: MentionQuery) => {
      const key = cursorKey(q.page, 'mention');
      if (key instanceof GraphQueryError) return key;
      if (q.entityId === undefined && q.articleId === undefined) return new GraphQueryError('a mention query needs an entity or an article', 'id');
      return undefined;
    };
    return withErrors(queries, check, async (asked) => {
      const cursors = asked.map((q) => {
        const key = cursorKey(q.page, 'mention') as string | undefined;
        const [articleId, start, entityId] = key?.split(' ') ?? [];
        // An offset no column holds (not a whole number, or past PostgreSQL's integer) names no mention: the cursor's mention is gone.
        const offset = start !== undefined && /^\d{1,10}$/.test(start) && Number(start) <= MAX_INTEGER ? Number(start) : null;
        return { articleId: articleId ?? null, start: offset, entityId: entityId ?? null };
      });
      const rows = await this.run<PageMeta & MentionRow>(
        'getMentions',
        `WITH a AS MATERIALIZED (
           SELECT q.*, c.ord AS after_ord
           FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::int[], $6::text[]) WITH ORDINALITY AS q(entity, article, lim, after_article, after_start, after_entity, i)
           LEFT JOIN LATERAL (SELECT m.ord FROM §mentions m WHERE m.article_id = q.after_article AND m.span_start = q.after_start AND m.entity_id = q.after_entity LIMIT 1) c ON true
         ), q AS MATERIALIZED (
           SELECT a.*,
             CASE WHEN a.article IS NULL THEN (SELECT coalesce(sum(c.count), 0) FROM §list_counts c WHERE c.list = 'mentions-of|' || a.entity)
                  WHEN a.entity IS NULL THEN (SELECT coalesce(sum(c.count), 0) FROM §list_counts c WHERE c.list = 'mentions-in|' || a.article)
                  ELSE (SELECT count(*) FROM §mentions m WHERE m.article_id = a.article AND m.entity_id = a.entity) END AS total,
             a.after_ord IS NOT NULL AS after_known,
             (a.entity IS NULL OR a.after_entity = a.entity) AND (a.article IS NULL OR a.after_article = a.article) AS after_state
           FROM a
         )
         SELECT q.i, q.total, q.after_known, q.after_state, p.*
         FROM q LEFT JOIN LATERAL (
           (SELECT ${MENTION_COLUMNS} FROM §mentions m
            WHERE q.article IS NULL AND m.entity_id = q.entity AND (q.after_ord IS NULL OR m.ord > q.after_ord) ORDER BY m.ord LIMIT q.lim)
           UNION ALL
           (SELECT ${MENTION_COLUMNS} FROM §mentions m
            WHERE q.article IS NOT NULL AND m.article_id = q.article AND (q.entity IS NULL OR m.entity_id = q.entity) AND (q.after_ord IS NULL OR m.ord > q.after_ord)
            ORDER BY m.ord LIMIT q.lim)
         ) p ON true
         ORDER BY q.i, p.mention_ord`,
        [
          asked.map((q) => q.entityId ?? null),
          asked.map((q) => q.articleId ?? null),
          asked.map((q) => limitOf(q.page)),
          cursors.map((c) => c.articleId),
          cursors.map((c) => c.start),
          cursors.map((c) => c.entityId),
        ],
      );
      const mentionCursor = (m: Mention) => encodeCursor('mention', `${m.span.articleId} ${m.span.start} ${m.entityId}`);
      return pagesOf(
        asked.length,
        rows,
        asked.map((q) => q.page),
        (row) => row.mention_ord !== null,
        mentionOfRow,
        mentionCursor,
        MENTION_GONE,
      );
    });
  }

  async getEntitiesBySameAs(iris: readonly string[]): Promise<(EntityNode | null)[]> {
    if (iris.length === 0) return [];
    // Entities are few beside the items of articles: read by kind (its index), tested for the IRI; the first in node order wins.
    const rows = await this.run<NodeRow & { iri: string }>(
      'getEntitiesBySameAs',
      `SELECT DISTINCT ON (q.iri) q.iri, ${NODE_COLUMNS}
       FROM unnest($1::text[]) AS q(iri)
       JOIN §nodes n ON n.kind IN ('PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'TOPIC') AND n.node -> 'sameAs' ? q.iri
       ORDER BY q.iri, n.ord`,
      [iris],
    );
    const byIri = new Map(rows.map((row) => [row.iri, nodeOfRow(row) as EntityNode]));
    return iris.map((iri) => byIri.get(iri) ?? null);
  }

  async getRoles(queries: readonly RoleQuery[]): Promise<(readonly Role[])[]> {
    if (queries.length === 0) return [];
    // Folded at import (and by each write): a page of roles reads a few rows, not every statement of them, nor their spans.
    const rows = await this.run<{ i: string; role: Role }>(
      'getRoles',
      `SELECT q.i, r.role FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS q(node_id, direction, i)
       CROSS JOIN LATERAL (SELECT r.role, r.position FROM §roles r WHERE r.node_id = q.node_id AND r.direction = q.direction ORDER BY r.position OFFSET 0) r
       ORDER BY q.i, r.position`,
      [queries.map((q) => q.nodeId), queries.map((q) => q.direction)],
    );
    const roles = queries.map(() => [] as Role[]);
    for (const row of rows) roles[Number(row.i) - 1].push(row.role);
    return roles;
  }

  async getRoleSpans(roles: readonly Role[]): Promise<(readonly Span[])[]> {
    if (roles.length === 0) return [];
    const rows = await this.run<{ i: string; spans: Span[] }>(
      'getRoleSpans',
      `SELECT q.i, r.spans FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS q(person_id, organization_id, title, i)
       JOIN §roles r ON r.node_id = q.person_id AND r.direction = 'OUT' AND r.role->>'organizationId' = q.organization_id AND r.role->>'title' = q.title`,
      [roles.map((r) => r.personId), roles.map((r) => r.organizationId), roles.map((r) => r.title)],
    );
    const spans: (readonly Span[])[] = roles.map(() => []);
    for (const row of rows) spans[Number(row.i) - 1] = row.spans;
    return spans;
  }

  async getSpanTexts(spans: readonly Span[]): Promise<(string | null)[]> {
    if (spans.length === 0) return [];
    // substr counts code points and a span UTF-16 units: the same in an article without characters above U+FFFF; other articles are cut here.
    const rows = await this.run<{ i: string; words: string | null; whole: string | null; found: boolean }>(
      'getSpanTexts',
      `SELECT q.i, a.id IS NOT NULL AS found,
         CASE WHEN a.bmp_only THEN substr(a.article_text, q.start + 1, greatest(q.stop - q.start, 0)) END AS words,
         CASE WHEN NOT a.bmp_only THEN a.article_text END AS whole
       FROM unnest($1::text[], $2::int[], $3::int[]) WITH ORDINALITY AS q(article_id, start, stop, i)
       LEFT JOIN §nodes a ON a.id = q.article_id AND a.kind = 'ARTICLE'`,
      [spans.map((s) => s.articleId), spans.map((s) => s.start), spans.map((s) => s.end)],
    );
    const texts: (string | null)[] = spans.map(() => null);
    for (const row of rows) {
      const i = Number(row.i) - 1;
      if (!row.found) continue;
      texts[i] = row.whole !== null ? row.whole.slice(spans[i].start, spans[i].end) : (row.words ?? '');
    }
    return texts;
  }

  async listNodes({ kinds, filter = {}, page }: NodeListQuery): Promise<Page<GraphNode>> {
    const key = cursorKey(page, 'node');
    if (key instanceof GraphQueryError) throw key;
    const values: unknown[] = [];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    const given = NODE_FILTERS.filter((f) => filter[f.filter] !== undefined);
    // The candidates (the first filter that names a node, else the unit, else the kinds) and the tests the others add.
    let from: string;
    // The count of the candidates when it is kept (one list), else null: counted over the candidates.
    let countSql: (() => string) | null;
    // A list picked by a filter naming a node: its page and cursor read the buckets' indexes (set below).
    let bucketsOfList: { node: string; buckets: string } | undefined;
    const base: string[] = [];
    const tests: string[] = [];
    if (given.length > 0) {
      const { filter: name, via } = given[0];
      const node = param(filter[name]);
      const buckets = param(bucketsOf(via, kinds));
      from = `(SELECT DISTINCT r.other_id FROM §related r WHERE r.node_id = ${node}::text AND r.bucket = ANY(${buckets}::text[])) r JOIN §nodes n ON n.id = r.other_id`;
      bucketsOfList = { node, buckets };
      const kept = keptCountLists(filter[name]!, via, kinds);
      countSql = kept ? () => `(SELECT coalesce(sum(c.count), 0) FROM §list_counts c WHERE c.list = ANY(${param(kept)}::text[]))` : null;
      if (filter.unit !== undefined) tests.push(`n.kind = 'FIGURE'`, `n.unit = ${param(filter.unit)}::text`);
    } else if (filter.reports === 'SHARED' && filter.unit === undefined) {
      // The first reports of shared facts, from their partial index: a listing reads the shared facts, not every figure and quote.
      from = `(SELECT m.* FROM §fact_reports f JOIN §nodes m ON m.id = f.node_id WHERE f.kind = ANY(${param(kinds)}::text[]) AND f.fact_id = f.node_id AND f.article_count > 1) n`;
      countSql = null;
    } else if (filter.unit !== undefined) {
      from = `§nodes n`;
      const unit = param(filter.unit);
      base.push(kinds.includes('FIGURE') ? `n.kind = 'FIGURE' AND n.unit = ${unit}::text` : `${unit}::text IS NULL`);
      countSql = () => (kinds.includes('FIGURE') ? `(SELECT coalesce(sum(c.count), 0) FROM §list_counts c WHERE c.list = 'unit|' || ${unit}::text)` : '0');
    } else {
      from = `§nodes n`;
      base.push(`n.kind = ANY(${param(kinds)}::text[])`);
      countSql = () => `(SELECT coalesce(sum(c.count), 0) FROM §list_counts c WHERE c.list = ANY(${param(kinds.map((k) => `kind|${k}`))}::text[]))`;
    }
    for (const { filter: name, via } of given.slice(1)) {
      tests.push(
        `EXISTS (SELECT 1 FROM §related t WHERE t.node_id = ${param(filter[name])}::text AND t.bucket = ANY(${param(bucketsOf(via, kinds))}::text[]) AND t.other_id = n.id)`,
      );
    }
    if (filter.attribution !== undefined) tests.push(`n.kind = 'CLAIM'`, `n.attribution = ${param(filter.attribution)}::text`);
    if (filter.reports === 'FIRST' || filter.reports === 'SHARED')
      tests.push(
        `EXISTS (SELECT 1 FROM §fact_reports f WHERE f.node_id = n.id AND f.fact_id = n.id${filter.reports === 'SHARED' ? ' AND f.article_count > 1' : ''})`,
      );
    if (filter.name !== undefined) tests.push(`EXISTS (SELECT 1 FROM unnest(n.names) x WHERE strpos(x, ${param(filter.name.toLowerCase())}::text) > 0)`);
    const conditions = [...base, ...tests];
    const where = conditions.length > 0 ? conditions.join(' AND ') : 'true';
    const total = tests.length === 0 && countSql !== null ? countSql() : `(SELECT count(*) FROM ${from} WHERE ${where})`;
    const afterId = param(key ?? null);
    const limit = param(limitOf(page));
    const after = '(SELECT ord FROM c)';
    // The page: from the first matching rows of each bucket, in node order from its index, merged (a page never sorts the list).
    const pageSql = bucketsOfList
      ? `SELECT ${NODE_COLUMNS} FROM (
           SELECT DISTINCT r.other_ord, r.other_id FROM unnest(${bucketsOfList.buckets}::text[]) AS b(bucket) CROSS JOIN LATERAL (
             SELECT r.other_ord, r.other_id FROM §related r JOIN §nodes n ON n.id = r.other_id
             WHERE r.node_id = ${bucketsOfList.node}::text AND r.bucket = b.bucket AND ${where} AND (${after} IS NULL OR r.other_ord > ${after})
             ORDER BY r.other_ord LIMIT ${limit}::int
           ) r ORDER BY r.other_ord LIMIT ${limit}::int
         ) r JOIN §nodes n ON n.id = r.other_id ORDER BY n.ord`
      : `SELECT ${NODE_COLUMNS} FROM ${from} WHERE ${where} AND (${after} IS NULL OR n.ord > ${after}) ORDER BY n.ord LIMIT ${limit}::int`;
    const cursorInList = bucketsOfList
      ? `EXISTS (SELECT 1 FROM §related r JOIN §nodes n ON n.id = r.other_id WHERE r.node_id = ${bucketsOfList.node}::text AND r.bucket = ANY(${bucketsOfList.buckets}::text[]) AND r.other_ord = ${after} AND ${where})`
      : `EXISTS (SELECT 1 FROM ${from} WHERE ${where} AND n.ord = ${after})`;
    const sql = `WITH c AS (SELECT ord FROM §nodes WHERE id = ${afterId}::text)
      SELECT ${total} AS total, ${after} IS NOT NULL AS after_known, ${cursorInList} AS after_state, p.*
      FROM (SELECT 1) one LEFT JOIN LATERAL (${pageSql}) p ON true ORDER BY p.ord`;
    const rows = await reachingDatabase(
      async () => (await this.pool.query<PageMeta & NodeRow & { id: string | null }>(sql.replaceAll('§', `${this.schema}.`), values)).rows,
    );
    const [answer] = pagesOf(
      1,
      rows.map((row) => ({ ...row, i: '1' })),
      [page],
      (row) => row.id !== null,
      nodeOfRow,
      (node) => encodeCursor('node', node.id),
      ITEM_GONE,
    );
    if (answer instanceof GraphQueryError) throw answer;
    return answer;
  }

  getStats(): Promise<GraphStats> {
    // A generation never changes: its counts are read once.
    this.stats ??= this.run<{ value: GraphStats }>('getStats', `SELECT value FROM §meta WHERE key = 'stats'`, []).then((rows) => rows[0].value);
    this.stats.catch(() => (this.stats = undefined));
    return this.stats;
  }

  async getFactReports(ids: readonly string[]): Promise<(FactReports | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.run<{ node_id: string; links: string[]; fact_id: string; report_ids: string[]; article_count: number }>(
      'getFactReports',
      `SELECT node_id, links, fact_id, report_ids, article_count FROM §fact_reports WHERE node_id = ANY($1::text[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.node_id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      return row ? { alsoReportedIds: row.links, factId: row.fact_id, reportIds: row.report_ids, articleCount: row.article_count } : null;
    });
  }

  getFactStats(): Promise<FactStats> {
    // A generation's counts change only with a write, which makes a new store: read once.
    this.factStats ??= this.run<{ value: FactStats }>('getFactStats', `SELECT value FROM §meta WHERE key = 'facts'`, []).then((rows) => rows[0].value);
    this.factStats.catch(() => (this.factStats = undefined));
    return this.factStats;
  }

  async countEntityFacts(queries: readonly EntityFactQuery[]): Promise<number[]> {
    if (queries.length === 0) return [];
    const rows = await this.run<{ i: string; n: string }>(
      'countEntityFacts',
      `SELECT q.i, count(f.node_id) AS n FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS q(entity_id, bucket, i)
       LEFT JOIN §related r ON r.node_id = q.entity_id AND r.bucket = q.bucket
       LEFT JOIN §fact_reports f ON f.node_id = r.other_id AND f.fact_id = f.node_id
       GROUP BY q.i`,
      [queries.map((q) => q.entityId), queries.map((q) => bucketsOf([ENTITY_FACT_HOP[q.kind]], [q.kind])[0])],
    );
    const counts = new Array<number>(queries.length).fill(0);
    for (const row of rows) counts[Number(row.i) - 1] = Number(row.n);
    return counts;
  }

  search(query: SearchQuery): Promise<Page<SearchHit>> {
    return searchGraph(this.run, this.version, query);
  }

  async findPath(query: PathQuery): Promise<GraphPath | null> {
    return findPathInDatabase(this.run, query);
  }

  async getNeighborhood(query: NeighborhoodQuery): Promise<Neighborhood> {
    return neighborhoodInDatabase(this.run, query);
  }
}
