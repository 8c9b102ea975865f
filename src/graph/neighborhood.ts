import { incidenceRange, incidencesOf } from './adjacency';
import { WalkWork } from './find-path';
import { compareEdges } from './graph-order';
import { runToEnd, type Sliced } from './time-slices';
import type { Neighborhood } from './graph-store';
import { type GraphSnapshot, nodeAtSlot } from './snapshot';

/**
 * Every node within `depth` edges of `centerId` (edges followed in either
 * direction, only `predicates` when given), at most `limit` nodes, and the
 * edges among them. An unknown centre has no neighbours.
 */
export function neighborhood(
  snapshot: GraphSnapshot,
  centerId: string,
  depth: number,
  limit: number,
  predicates?: ReadonlySet<string>,
  maxEdges = Infinity,
): Neighborhood {
  return runToEnd(neighborhoodSliced(snapshot, centerId, depth, limit, predicates, maxEdges, new WalkWork(Infinity)));
}

/**
 * `neighborhood` as sliced work (see time-slices.ts), following at most
 * `work`'s allowance of edges, and returning at most `maxEdges` edges (the
 * first found, from the centre outwards, in edge order; `edgesTruncated`
 * says when some were left out).
 */
export function* neighborhoodSliced(
  snapshot: GraphSnapshot,
  centerId: string,
  depth: number,
  limit: number,
  predicates: ReadonlySet<string> | undefined,
  maxEdges: number,
  work: WalkWork,
): Sliced<Neighborhood> {
  const center = snapshot.nodes.get(centerId);
  if (!center) return { nodeIds: [centerId], edges: [], truncated: false, edgesTruncated: false };
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
      if (work.spend(to - from)) yield;
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
  let edgesTruncated = false;
  for (const node of order) {
    const { edge, other, from, to } = incidencesOf(adjacency, node, range);
    if (work.spend(to - from)) yield;
    for (let i = from; i < to && !edgesTruncated; i++) {
      if (!seen.has(other[i]) || !follows(edge[i]) || edges.has(edge[i])) continue;
      if (edges.size >= maxEdges) edgesTruncated = true;
      else edges.add(edge[i]);
    }
    if (edgesTruncated) break;
  }
  return {
    nodeIds: order.map((slot) => nodeAtSlot(snapshot.slots, slot)!.id),
    edges: [...edges].map(edgeAt).sort(compareEdges),
    truncated,
    edgesTruncated,
  };
}
