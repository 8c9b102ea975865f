import type { PoolClient } from 'pg';
import type { FactCount, GraphNode } from '../graph';
import type { UnplacedEdge, UnplacedNode } from '../graph/derive-article';
import { bucketCounts, type FactBucket, type FactGroup, type FactReport, nextBucket, reportsOf } from '../graph/same-facts';
import { copyRow, textArrayLiteral } from './copy-text';
import { copyInto } from './graph-rows';

export const FACT_COPY_COLUMNS = ['node_id', 'kind', 'ord', 'article_id', 'bucket', 'words', 'links', 'fact_id', 'report_ids', 'article_count'];

/** A row of `fact_reports`. */
interface FactRow {
  readonly node_id: string;
  readonly kind: 'FIGURE' | 'QUOTE';
  readonly ord: string;
  readonly article_id: string;
  readonly bucket: string;
  readonly words: string | null;
  readonly links: string[];
  readonly fact_id: string;
  readonly report_ids: string[];
  readonly article_count: number;
}

/** Counts of facts, as the meta row `facts` keeps them. */
export interface FactCounts {
  byKind: FactCount[];
}

/** No facts: where counts start. */
export function noFacts(): FactCounts {
  return {
    byKind: [
      { kind: 'FIGURE', distinct: 0, shared: 0 },
      { kind: 'QUOTE', distinct: 0, shared: 0 },
    ],
  };
}

/** Adds what a bucket's change does to the counts of its kind. */
function count(counts: FactCounts, before: FactBucket | undefined, after: FactBucket | undefined): void {
  const kind = (before ?? after)?.reports[0].kind;
  if (!kind) return;
  const [was, is] = [bucketCounts(before), bucketCounts(after)];
  const entry = counts.byKind.find((k) => k.kind === kind)!;
  counts.byKind = counts.byKind.map((k) =>
    k === entry ? { kind, distinct: k.distinct + is.distinct - was.distinct, shared: k.shared + is.shared - was.shared } : k,
  );
}

/** COPY rows of `fact_reports` for whole buckets; `ordOf` gives each report's node order key. */
function* factRows(buckets: Iterable<FactBucket>, ordOf: (id: string) => string): Generator<string> {
  for (const bucket of buckets) {
    for (const report of bucket.reports) {
      const group = bucket.groupOf.get(report.id)!;
      yield copyRow([
        report.id,
        report.kind,
        ordOf(report.id),
        report.articleId,
        report.bucket,
        report.words,
        textArrayLiteral(bucket.links.get(report.id) ?? []),
        group.factId,
        textArrayLiteral(group.reportIds),
        group.articleCount,
      ]);
    }
  }
}

/** The buckets of a whole graph's figures and quotes, and their counts (an import). */
export async function importFacts(
  client: PoolClient,
  schema: string,
  fragments: readonly { article: { id: string; text: string }; items: readonly UnplacedNode<GraphNode>[]; edges: readonly UnplacedEdge[] }[],
  ordOf: (id: string) => string,
): Promise<FactCounts> {
  const byBucket = new Map<string, FactReport[]>();
  for (const fragment of fragments) {
    for (const report of reportsOf(fragment.items, fragment.edges, () => fragment.article.text)) {
      const list = byBucket.get(report.bucket);
      if (list) list.push(report);
      else byBucket.set(report.bucket, [report]);
    }
  }
  const byOrd = (a: FactReport, b: FactReport) => (ordOf(a.id) < ordOf(b.id) ? -1 : ordOf(a.id) > ordOf(b.id) ? 1 : 0);
  const buckets = [...byBucket.values()].map((reports) => nextBucket(undefined, new Set(), reports, byOrd)!);
  const counts = noFacts();
  for (const bucket of buckets) count(counts, undefined, bucket);
  // The table is new in the import's transaction: written frozen (graph-rows.ts, copyInto).
  await copyInto(client, `${schema}.fact_reports`, FACT_COPY_COLUMNS, factRows(buckets, ordOf), { freeze: true });
  return counts;
}

/** A bucket as its rows hold it. */
function bucketOfRows(rows: readonly FactRow[]): FactBucket {
  const sorted = [...rows].sort((a, b) => (a.ord < b.ord ? -1 : a.ord > b.ord ? 1 : 0));
  const links = new Map<string, readonly string[]>();
  const groupOf = new Map<string, FactGroup>();
  const groups: FactGroup[] = [];
  for (const row of sorted) {
    if (row.links.length > 0) links.set(row.node_id, row.links);
    if (row.fact_id === row.node_id) {
      const group = { factId: row.fact_id, reportIds: row.report_ids, articleCount: row.article_count };
      groups.push(group);
      for (const id of group.reportIds) groupOf.set(id, group);
    }
  }
  return {
    reports: sorted.map((row) => ({ id: row.node_id, kind: row.kind, articleId: row.article_id, bucket: row.bucket, words: row.words })),
    links,
    groups,
    groupOf,
  };
}

/**
 * Makes again the buckets a write touches: those of the figures and quotes
 * it removes or puts again (`goneIds`), and those of the ones it puts. Reads
 * and rewrites those buckets' rows only; returns the counts moved by them.
 */
export async function writeFacts(
  client: PoolClient,
  schema: string,
  goneIds: readonly string[],
  putNodes: readonly GraphNode[],
  putEdges: readonly UnplacedEdge[],
  ordOf: (id: string) => string,
  counts: FactCounts,
): Promise<FactCounts> {
  const q = async <R extends import('pg').QueryResultRow>(text: string, values: unknown[]) =>
    (await client.query<R>(text.replaceAll('§', `${schema}.`), values)).rows;
  const texts = new Map<string, string>();
  for (const node of putNodes) if (node.kind === 'ARTICLE') texts.set(node.id, node.text);
  const added = reportsOf(putNodes, putEdges, (id) => texts.get(id)!);
  const oldBuckets = await q<{ bucket: string }>(`SELECT DISTINCT bucket FROM §fact_reports WHERE node_id = ANY($1::text[])`, [goneIds]);
  const touched = [...new Set([...oldBuckets.map((r) => r.bucket), ...added.map((r) => r.bucket)])];
  if (touched.length === 0) return counts;
  const rows = await q<FactRow>(
    `SELECT node_id, kind, ord, article_id, bucket, words, links, fact_id, report_ids, article_count FROM §fact_reports WHERE bucket = ANY($1::text[])`,
    [touched],
  );
  const rowsByBucket = new Map<string, FactRow[]>();
  const ords = new Map<string, string>();
  for (const row of rows) {
    ords.set(row.node_id, row.ord);
    const list = rowsByBucket.get(row.bucket);
    if (list) list.push(row);
    else rowsByBucket.set(row.bucket, [row]);
  }
  const ord = (id: string) => ords.get(id) ?? ordOf(id);
  for (const report of added) ords.set(report.id, ordOf(report.id));
  const byOrd = (a: FactReport, b: FactReport) => (ord(a.id) < ord(b.id) ? -1 : ord(a.id) > ord(b.id) ? 1 : 0);
  const gone = new Set(goneIds);
  const next = { byKind: [...counts.byKind] };
  const after: FactBucket[] = [];
  for (const bucket of touched) {
    const held = rowsByBucket.get(bucket);
    const before = held ? bucketOfRows(held) : undefined;
    const made = nextBucket(
      before,
      gone,
      added.filter((r) => r.bucket === bucket),
      byOrd,
    );
    count(next, before, made);
    if (made) after.push(made);
  }
  await q(`DELETE FROM §fact_reports WHERE bucket = ANY($1::text[])`, [touched]);
  await copyInto(client, `${schema}.fact_reports`, FACT_COPY_COLUMNS, factRows(after, ord));
  return next;
}
