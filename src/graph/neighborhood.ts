import { incidenceRange, incidencesOf } from './adjacency';
import { compareEdges } from './graph-order';
import type { Neighborhood } from './graph-store';
import { type GraphSnapshot, nodeAtSlot } from './snapshot';

/**
 * Every node within `depth` edges of `centerId` (edges followed in either
 * direction, only `predicates` when given), at most `limit` nodes, and the
 * edges among them. An unknown centre has no neighbours.
 */
export function neighborhood(snapshot: GraphSnapshot, centerId: string, depth: number, limit: number, predicates?: ReadonlySet<string>): Neighborhood {
  const center = snapshot.nodes.get(centerId);
  if (!center) return { nodeIds: [centerId], edges: [], truncated: false };
  const { adjacency } = snapshot;
  const edgeAt = (slot: number) => snapshot.slots.edges[slot];
  const follows = (edge: number) => !predicates || predicates.has(edgeAt(edge).predicate);
  const range = incidenceRange();
  const seen = new Set([center.slot]);
  const order = [center.slot];
  let layer = [center.slot];
  let truncated = false;
  for (let d = 0; d < depth && layer.length > 0 && !truncated; d++) {
    const next: number[] = [];
    for (const node of layer) {
      const { edge, other, from, to } = incidencesOf(adjacency, node, range);
      for (let i = from; i < to; i++) {
        const neighbour = other[i];
        if (seen.has(neighbour) || !follows(edge[i])) continue;
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
    const { edge, other, from, to } = incidencesOf(adjacency, node, range);
    for (let i = from; i < to; i++) if (seen.has(other[i]) && follows(edge[i])) edges.add(edge[i]);
  }
  return {
    nodeIds: order.map((slot) => nodeAtSlot(snapshot.slots, slot)!.id),
    edges: [...edges].map(edgeAt).sort(compareEdges),
    truncated,
  };
}
