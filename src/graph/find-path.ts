import type { Edge } from './model';
import type { GraphSnapshot } from './snapshot';
import { edgesAround, otherEnd } from './traverse';

/** A path between two nodes: `nodes[i]` and `nodes[i + 1]` are joined by `edges[i]`. */
export interface GraphPath {
  readonly nodeIds: readonly string[];
  readonly edges: readonly Edge[];
}

/** Distances from one end, found one breadth-first layer at a time. */
class Frontier {
  readonly distance = new Map<string, number>();
  layer: string[];
  depth = 0;

  constructor(
    private readonly snapshot: GraphSnapshot,
    start: string,
  ) {
    this.distance.set(start, 0);
    this.layer = [start];
  }

  /** Cost of expanding the next layer: the edges at its nodes. */
  cost(): number {
    let edges = 0;
    for (const id of this.layer) for (const [, list] of this.snapshot.edgesOut.get(id) ?? []) edges += list.length;
    for (const id of this.layer) for (const [, list] of this.snapshot.edgesIn.get(id) ?? []) edges += list.length;
    return edges;
  }

  expand(): void {
    const next: string[] = [];
    this.depth++;
    for (const id of this.layer) {
      for (const edge of edgesAround(this.snapshot, id)) {
        const other = otherEnd(edge, id);
        if (!this.distance.has(other)) {
          this.distance.set(other, this.depth);
          next.push(other);
        }
      }
    }
    this.layer = next;
  }
}

/**
 * The shortest path from `fromId` to `toId` over every edge, followed in
 * either direction, of at most `maxHops` edges; null when there is none.
 *
 * Bidirectional breadth-first search: each round expands the side whose next
 * layer has fewer edges, so the work stays near the square root of a
 * one-sided search. When several shortest paths exist, the one chosen passes
 * through the fewest MENTIONS and CONTAINS edges (it shows how the two are
 * linked, not only that an article names both); among those, the one whose
 * edges come first in edge order (by article, then position in the text),
 * compared edge by edge from `fromId`.
 */
export function findPath(snapshot: GraphSnapshot, fromId: string, toId: string, maxHops: number): GraphPath | null {
  if (fromId === toId) return { nodeIds: [fromId], edges: [] };
  const forward = new Frontier(snapshot, fromId);
  const backward = new Frontier(snapshot, toId);
  let length = -1;
  while (forward.depth + backward.depth < maxHops && forward.layer.length > 0 && backward.layer.length > 0) {
    const side = forward.cost() <= backward.cost() ? forward : backward;
    side.expand();
    const other = side === forward ? backward : forward;
    let best = Infinity;
    for (const id of side.layer) {
      const d = other.distance.get(id);
      if (d !== undefined) best = Math.min(best, side.depth + d);
    }
    if (best !== Infinity) {
      length = best;
      break;
    }
  }
  if (length < 0) return null;

  // Nodes on some shortest path: i edges from `fromId` and length - i from `toId`.
  // Within each ball the distance from the far end is only known at the meeting
  // layer, so compute it there and walk the balls back to mark the usable nodes.
  const onPath = usableNodes(snapshot, forward, backward, length);

  // Least structural weight from each usable node to `toId`, walking positions backwards.
  const byPosition: string[][] = Array.from({ length: length + 1 }, () => []);
  for (const [id, p] of onPath) byPosition[p].push(id);
  const rest = new Map<string, number>([[toId, 0]]);
  const stepsFrom = (id: string) =>
    edgesAround(snapshot, id).filter((edge) => onPath.get(otherEnd(edge, id)) === onPath.get(id)! + 1 && rest.has(otherEnd(edge, id)));
  for (let p = length - 1; p >= 0; p--) {
    for (const id of byPosition[p]) {
      const costs = stepsFrom(id).map((edge) => weight(edge) + rest.get(otherEnd(edge, id))!);
      if (costs.length > 0) rest.set(id, Math.min(...costs));
    }
  }

  const nodeIds = [fromId];
  const edges: Edge[] = [];
  let at = fromId;
  while (at !== toId) {
    const here = rest.get(at)!;
    // The first edge, in edge order, that keeps the path's structural weight least.
    const choice = stepsFrom(at).find((edge) => weight(edge) + rest.get(otherEnd(edge, at))! === here)!;
    at = otherEnd(choice, at);
    edges.push(choice);
    nodeIds.push(at);
  }
  return { nodeIds, edges };
}

/**
 * Edges that only say two things share an article (MENTIONS, CONTAINS) weigh
 * more than stated or reported links, so that among equally short paths the
 * one shown explains the connection rather than passing through an article.
 */
const STRUCTURAL = new Set(['MENTIONS', 'CONTAINS']);
function weight(edge: Edge): number {
  return STRUCTURAL.has(edge.predicate) ? 1 : 0;
}

/** For every node on a shortest path of `length` edges, its position on the path (edges from the start). */
function usableNodes(snapshot: GraphSnapshot, forward: Frontier, backward: Frontier, length: number): Map<string, number> {
  const position = new Map<string, number>();
  // Meeting points: known to both sides with distances adding up to the length.
  const meeting: string[] = [];
  for (const [id, d] of forward.distance) {
    const e = backward.distance.get(id);
    if (e !== undefined && d + e === length) {
      position.set(id, d);
      meeting.push(id);
    }
  }
  // Walk back towards each end: a node one step nearer that end, adjacent to a usable node, is usable.
  for (const [side, toward] of [
    [forward, -1],
    [backward, +1],
  ] as const) {
    let layer = meeting;
    while (layer.length > 0) {
      const next: string[] = [];
      for (const id of layer) {
        const here = position.get(id)!;
        const target = here + toward;
        const wanted = toward < 0 ? target : length - target;
        if (target < 0 || target > length) continue;
        for (const edge of edgesAround(snapshot, id)) {
          const other = otherEnd(edge, id);
          if (side.distance.get(other) === wanted && !position.has(other)) {
            position.set(other, target);
            next.push(other);
          }
        }
      }
      layer = next;
    }
  }
  return position;
}
