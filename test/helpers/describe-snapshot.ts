import { incidenceRange, incidencesOf } from '../../src/graph/adjacency';
import { findPath } from '../../src/graph/find-path';
import { neighborhood } from '../../src/graph/neighborhood';
import { type GraphSnapshot, nodeAtSlot, nodesInOrder } from '../../src/graph/snapshot';

/** Queries whose rankings are compared. */
const SEARCHES = ['billion', 'chip exports', 'open source', 'investors want returns', 'Kalo', 'data centre plans'];

/**
 * Everything a version of the graph answers, as plain values, slots left
 * out (they depend on the order things were added in): two versions with
 * the same data give equal descriptions however they were reached.
 */
export function describeSnapshot(snapshot: GraphSnapshot) {
  const nodes = nodesInOrder(snapshot);
  const withoutSlot = <T extends { slot: number }>({ slot: _slot, ...rest }: T) => rest;
  const range = incidenceRange();
  const ids = (list: readonly { id: string }[] | undefined) => (list ?? []).map((item) => item.id);
  const sample = nodes.filter((_, i) => i % 7 === 0).map((node) => node.id);
  return {
    version: snapshot.version,
    stats: snapshot.stats,
    nodes: nodes.map(withoutSlot),
    byKind: Object.fromEntries([...snapshot.nodesByKind].map(([kind, list]) => [kind, ids(list)])),
    figuresByUnit: Object.fromEntries([...snapshot.figuresByUnit].sort(([a], [b]) => (a < b ? -1 : 1)).map(([unit, list]) => [unit, ids(list)])),
    perNode: nodes.map((node) => ({
      id: node.id,
      out: Object.fromEntries([...(snapshot.edgesOut.get(node.id) ?? [])].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, list]) => [p, list.map(withoutSlot)])),
      in: Object.fromEntries([...(snapshot.edgesIn.get(node.id) ?? [])].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, list]) => [p, ids(list)])),
      related: Object.fromEntries([...(snapshot.related.get(node.id) ?? [])].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, list]) => [key, ids(list)])),
      incidences: (() => {
        const { edge, other, from, to } = incidencesOf(snapshot.adjacency, node.slot, range);
        const found: string[] = [];
        for (let i = from; i < to; i++) found.push(`${snapshot.slots.edges[edge[i]].id} ${nodeAtSlot(snapshot.slots, other[i])!.id}`);
        return found;
      })(),
      mentions: (snapshot.mentionsByEntity.get(node.id) ?? snapshot.mentionsByArticle.get(node.id) ?? []).map((m) => m),
    })),
    names: [...snapshot.entityIdsByName.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    // The same fact in several articles: every bucket's reports, links and facts, the shared facts and their counts.
    facts: {
      counts: snapshot.factCounts,
      shared: Object.fromEntries([...snapshot.sharedFacts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, list]) => [kind, ids(list)])),
      buckets: [...snapshot.factBuckets.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([bucket, { reports, links, groups }]) => ({ bucket, reports, links: Object.fromEntries(links), groups })),
      reports: [...snapshot.factReports.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    },
    // Every hit with its score (rounded: a version reached by writes sums floating-point means in
    // another order than a build), sorted by score then id, as equal scores may come in another order.
    search: SEARCHES.map((query) => {
      const hits = snapshot.search.search(query);
      const all = hits.slice(0, hits.count).map((hit) => [hit.node.id, Math.round(hit.score * 100) / 100] as const);
      return { query, count: hits.count, hits: all.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)) };
    }),
    paths: sample.slice(0, 12).map((from, i) => {
      const path = findPath(snapshot, from, sample[(i * 5 + 3) % sample.length], 6);
      return path && { nodes: path.nodeIds, edges: ids(path.edges) };
    }),
    neighborhoods: sample.slice(0, 8).map((center) => {
      const found = neighborhood(snapshot, center, 2, 60);
      return { nodes: found.nodeIds, edges: ids(found.edges), truncated: found.truncated };
    }),
  };
}
