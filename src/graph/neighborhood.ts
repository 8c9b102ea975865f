import type { Neighborhood } from './graph-store';
import type { GraphSnapshot } from './snapshot';

/**
 * Every node within `depth` edges of `centerId` (edges followed in either
 * direction, only `predicates` when given), at most `limit` nodes, and the
 * edges among them. An unknown centre has no neighbours.
 */
export function neighborhood(snapshot: GraphSnapshot, centerId: string, depth: number, limit: number, predicates?: ReadonlySet<string>): Neighborhood {
  const center = snapshot.nodes.get(centerId);
  if (!center) return { nodeIds: [centerId], edges: [], truncated: false };
  const { start, edge, other } = snapshot.adjacency;
  const follows = (incidence: number) => !predicates || predicates.has(snapshot.edges[edge[incidence]].predicate);
  const seen = new Set([center.ordinal]);
  const order = [center.ordinal];
  let layer = [center.ordinal];
  let truncated = false;
  for (let d = 0; d < depth && layer.length > 0 && !truncated; d++) {
    const next: number[] = [];
    for (const node of layer) {
      for (let i = start[node]; i < start[node + 1]; i++) {
        const neighbour = other[i];
        if (seen.has(neighbour) || !follows(i)) continue;
        if (order.length >= limit) {
          truncated = true;
          break;
        }
        seen.add(neighbour);
        order.push(neighbour);
        next.push(neighbour);
      }
      if (truncated) break;
    }
    layer = next;
  }
  const edges = new Set<number>();
  for (const node of order) {
    for (let i = start[node]; i < start[node + 1]; i++) if (seen.has(other[i]) && follows(i)) edges.add(edge[i]);
  }
  return {
    nodeIds: order.map((node) => snapshot.nodesByOrdinal[node].id),
    edges: [...edges].sort((a, b) => a - b).map((ordinal) => snapshot.edges[ordinal]),
    truncated,
  };
}
