import type { Edge } from './model';
import type { GraphSnapshot } from './snapshot';
import { edgesAround, otherEnd } from './traverse';

/** The nodes within some edges of a centre, and the edges among them. */
export interface Neighborhood {
  /** Ids in breadth-first order: the centre first, then by distance; each node's neighbours in edge order. */
  readonly nodeIds: readonly string[];
  /** Edges whose both ends are in `nodeIds`, in edge order. */
  readonly edges: readonly Edge[];
  /** True when `limit` cut the node list short. */
  readonly truncated: boolean;
}

/**
 * Every node within `depth` edges of `centerId` (edges followed in either
 * direction, only `predicates` when given), at most `limit` nodes, and the
 * edges among them.
 */
export function neighborhood(snapshot: GraphSnapshot, centerId: string, depth: number, limit: number, predicates?: ReadonlySet<string>): Neighborhood {
  const seen = new Set([centerId]);
  const order = [centerId];
  let layer = [centerId];
  let truncated = false;
  for (let d = 0; d < depth && layer.length > 0 && !truncated; d++) {
    const next: string[] = [];
    for (const id of layer) {
      for (const edge of edgesAround(snapshot, id, predicates)) {
        const other = otherEnd(edge, id);
        if (seen.has(other)) continue;
        if (order.length >= limit) {
          truncated = true;
          break;
        }
        seen.add(other);
        order.push(other);
        next.push(other);
      }
      if (truncated) break;
    }
    layer = next;
  }
  const edges = new Set<Edge>();
  for (const id of order) {
    for (const edge of edgesAround(snapshot, id, predicates)) if (seen.has(otherEnd(edge, id))) edges.add(edge);
  }
  return { nodeIds: order, edges: [...edges].sort((a, b) => a.ordinal - b.ordinal), truncated };
}
