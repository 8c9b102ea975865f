import { type Hop, NODE_FILTERS, NODE_KINDS, type NodeKind } from '../graph';

/** A hop as the first two parts of a `related` bucket (`OUT|CLAIMS`). */
function hopKey(hop: Hop): string {
  return `${hop.direction}|${hop.predicate}`;
}

/**
 * The sets of several hops whose lists are counted ahead, per node and kind
 * of the other end (at import and by each write): a list joined by one of
 * them holds each node once, however many of its hops join it, so its length
 * is not a sum of bucket lengths, and counting it at read time reads every
 * row of the busiest entity's buckets (19,681 rows and 13 ms for the claims
 * of the most quoted person at 100,000 articles). These are the sets that
 * reach from an entity, whose lists grow with the graph. Any other set of
 * several hops (an article's items and entities, `articleId`: a few dozen
 * rows) is counted at read time.
 */
export const KEPT_UNIONS: readonly (readonly string[])[] = [
  // Entity.claims(role: ANY): the claims an entity makes or that are about it.
  ['OUT|CLAIMS', 'IN|ABOUT'],
  // The subjectId filter: claims about an entity and figures measuring it.
  NODE_FILTERS.find((f) => f.filter === 'subjectId')!.via.map(hopKey),
].map((hops) => [...hops].sort());

const keptUnionKeys = new Set(KEPT_UNIONS.map((hops) => hops.join(',')));

/** The `list_counts` key of the list of `nodeId`'s other ends of kind `kind` by the (sorted) hops `hops`. */
function listKey(nodeId: string, hops: readonly string[], kind: string): string {
  return `related|${nodeId}|${hops.map((hop) => `${hop}|${kind}`).join(',')}`;
}

/**
 * The `list_counts` keys whose counts add up to the length of the list of
 * nodes joined to `nodeId` by any of `via` (other ends of different kinds
 * never coincide, so a list is the sum of one count per kind), or null when
 * that list is not counted ahead.
 */
export function keptCountLists(nodeId: string, via: readonly Hop[], kinds: readonly NodeKind[] | undefined): string[] | null {
  const hops = [...new Set(via.map(hopKey))].sort();
  if (hops.length > 1 && !keptUnionKeys.has(hops.join(','))) return null;
  return (kinds ?? NODE_KINDS).map((kind) => listKey(nodeId, hops, kind));
}

/** The hops of a bucket and the kind of its other ends: `OUT|CLAIMS|CLAIM` is `OUT|CLAIMS` and `CLAIM`. */
function splitBucket(bucket: string): { hop: string; kind: string } {
  const at = bucket.lastIndexOf('|');
  return { hop: bucket.slice(0, at), kind: bucket.slice(at + 1) };
}

/**
 * The counts of the kept unions over `related` rows, keyed `node\tbucket\tother`
 * with a positive count (an import's tally): each other end is counted once,
 * at the first of the union's hops that joins it.
 */
export function* unionCounts(related: ReadonlyMap<string, number>): Generator<[list: string, count: number]> {
  const counts = new Map<string, number>();
  for (const [key, edges] of related) {
    if (edges <= 0) continue;
    const [nodeId, bucket, otherId] = key.split('\t');
    const { hop, kind } = splitBucket(bucket);
    for (const hops of KEPT_UNIONS) {
      const at = hops.indexOf(hop);
      if (at < 0) continue;
      const seenBefore = hops.slice(0, at).some((earlier) => (related.get(`${nodeId}\t${earlier}|${kind}\t${otherId}`) ?? 0) > 0);
      if (seenBefore) continue;
      const list = listKey(nodeId, hops, kind);
      counts.set(list, (counts.get(list) ?? 0) + 1);
    }
  }
  yield* counts;
}

/** The kept union lists a change of `nodeId`'s bucket `bucket` may change, with the buckets each is the union of. */
export function unionsOfBucket(nodeId: string, bucket: string): { list: string; buckets: string[] }[] {
  const { hop, kind } = splitBucket(bucket);
  return KEPT_UNIONS.filter((hops) => hops.includes(hop)).map((hops) => ({
    list: listKey(nodeId, hops, kind),
    buckets: hops.map((h) => `${h}|${kind}`),
  }));
}
