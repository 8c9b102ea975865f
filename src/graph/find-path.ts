import { type Adjacency, type IncidenceRange, incidenceRange, incidencesOf } from './adjacency';
import type { GraphPath } from './graph-store';
import type { Edge } from './model';
import { type GraphSnapshot, nodeAtSlot } from './snapshot';
import { runToEnd, type Sliced } from './time-slices';

/** Thrown when a walk of the graph would follow more edges than it may. */
export class WalkTooCostlyError extends Error {
  constructor(readonly limit: number) {
    super(`The walk would follow more than ${limit} edges`);
    this.name = 'WalkTooCostlyError';
  }
}

/** The edges a walk (a path search, a neighbourhood) may still follow, and when to give other work a turn. */
export class WalkWork {
  private spent = 0;
  private sinceYield = 0;

  constructor(readonly limit: number) {}

  /** Counts `edges` followed; throws WalkTooCostlyError past the limit; true when the walk should yield now. */
  spend(edges: number): boolean {
    this.spent += edges;
    if (this.spent > this.limit) throw new WalkTooCostlyError(this.limit);
    this.sinceYield += edges + 1;
    if (this.sinceYield < 50_000) return false;
    this.sinceYield = 0;
    return true;
  }
}

const walking = new WeakMap<readonly unknown[], Promise<unknown>>();

/** Runs `walk` once the walks of the same build before it have ended: they share its distance arrays. */
export function walkExclusive<T>(snapshot: GraphSnapshot, walk: () => Promise<T>): Promise<T> {
  const build = snapshot.slots.builtNodes;
  const run = (walking.get(build) ?? Promise.resolve()).then(walk, walk);
  walking.set(
    build,
    run.catch(() => undefined),
  );
  return run;
}

/**
 * Distances of the nodes of one snapshot, reused from search to search: a new
 * generation forgets them all at once, so a search that reaches a handful of
 * nodes does not clear (or allocate) an array as long as the graph.
 */
class Distances {
  private readonly generationOf: Uint32Array;
  private readonly distance: Uint8Array;
  private generation = 0;

  constructor(readonly nodeCount: number) {
    this.generationOf = new Uint32Array(nodeCount);
    this.distance = new Uint8Array(nodeCount);
  }

  /** Forgets every distance. */
  clear(): void {
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.generationOf.fill(0);
      this.generation = 1;
    }
  }

  /** The distance of a node, or -1 when it has none. */
  get(node: number): number {
    return this.generationOf[node] === this.generation ? this.distance[node] : -1;
  }

  set(node: number, distance: number): void {
    this.generationOf[node] = this.generation;
    this.distance[node] = distance;
  }
}

/**
 * The two sides' distances of the searches of each build of the graph, shared
 * by its versions (searches run one at a time: findPath never waits), made
 * larger when a version has more node slots.
 */
const distancesOf = new WeakMap<readonly unknown[], readonly [Distances, Distances]>();

function distancesFor(snapshot: GraphSnapshot): readonly [Distances, Distances] {
  const build = snapshot.slots.builtNodes;
  let pair = distancesOf.get(build);
  if (!pair || pair[0].nodeCount < snapshot.slots.nodeSlots) {
    const nodeCount = Math.max(snapshot.slots.nodeSlots, Math.ceil((pair?.[0].nodeCount ?? 0) * 1.25));
    distancesOf.set(build, (pair = [new Distances(nodeCount), new Distances(nodeCount)]));
  }
  pair[0].clear();
  pair[1].clear();
  return pair;
}

/** Distances from one end (by node slot), found one breadth-first layer at a time. */
class Frontier {
  /** The nodes reached, in the order found. */
  readonly ball: number[];
  layer: number[];
  depth = 0;
  private layerCost = -1;
  private readonly range: IncidenceRange = incidenceRange();

  constructor(
    private readonly adjacency: Adjacency,
    private readonly reached: Distances,
    start: number,
  ) {
    reached.set(start, 0);
    this.ball = [start];
    this.layer = [start];
  }

  /** The distance of a node from this end, or -1 when it has not been reached. */
  distance(node: number): number {
    return this.reached.get(node);
  }

  /** Cost of expanding the next layer: the edges at its nodes. */
  cost(): number {
    if (this.layerCost < 0) {
      let edges = 0;
      for (const node of this.layer) {
        const { from, to } = incidencesOf(this.adjacency, node, this.range);
        edges += to - from;
      }
      this.layerCost = edges;
    }
    return this.layerCost;
  }

  /** Follows every edge of the layer (sliced work); `work` counts the edges followed. */
  *expand(work: WalkWork): Sliced<void> {
    const next: number[] = [];
    this.depth++;
    for (const node of this.layer) {
      const { other, from, to } = incidencesOf(this.adjacency, node, this.range);
      if (work.spend(to - from)) yield;
      for (let i = from; i < to; i++) {
        const neighbour = other[i];
        if (this.reached.get(neighbour) < 0) {
          this.reached.set(neighbour, this.depth);
          next.push(neighbour);
          this.ball.push(neighbour);
        }
      }
    }
    this.layer = next;
    this.layerCost = -1;
  }
}

/**
 * The shortest path from `fromId` to `toId` over every edge, followed in
 * either direction, of at most `maxHops` edges (more than 255 counts as
 * 255); null when there is none, or when either node is unknown.
 *
 * Bidirectional breadth-first search over the snapshot's adjacency arrays:
 * each round expands the side whose next layer has fewer edges, so the work
 * stays near the square root of a one-sided search. When several shortest
 * paths exist, the one chosen passes through the fewest MENTIONS and CONTAINS
 * edges (it shows how the two are linked, not only that an article names
 * both); among those, the one whose edges come first in edge order (by
 * article, then position in the text), compared edge by edge from `fromId`.
 */
export function findPath(snapshot: GraphSnapshot, fromId: string, toId: string, maxHops: number): GraphPath | null {
  return runToEnd(findPathSliced(snapshot, fromId, toId, maxHops, new WalkWork(Infinity)));
}

/** `findPath` as sliced work (see time-slices.ts), following at most `work`'s allowance of edges. Run one at a time per graph (see `walkExclusive`). */
export function* findPathSliced(snapshot: GraphSnapshot, fromId: string, toId: string, maxHops: number, work: WalkWork): Sliced<GraphPath | null> {
  if (fromId === toId) return { nodeIds: [fromId], edges: [] };
  // Distances are kept in bytes.
  maxHops = Math.min(maxHops, 255);
  const fromNode = snapshot.nodes.get(fromId);
  const toNode = snapshot.nodes.get(toId);
  if (!fromNode || !toNode) return null;
  const { adjacency } = snapshot;
  const from = fromNode.slot;
  const to = toNode.slot;
  const [forwardDistances, backwardDistances] = distancesFor(snapshot);
  const forward = new Frontier(adjacency, forwardDistances, from);
  const backward = new Frontier(adjacency, backwardDistances, to);
  let length = -1;
  while (forward.depth + backward.depth < maxHops && forward.layer.length > 0 && backward.layer.length > 0) {
    const side = forward.cost() <= backward.cost() ? forward : backward;
    yield* side.expand(work);
    const other = side === forward ? backward : forward;
    let best = Infinity;
    for (const node of side.layer) {
      const d = other.distance(node);
      if (d >= 0) best = Math.min(best, side.depth + d);
    }
    if (best !== Infinity) {
      length = best;
      break;
    }
  }
  if (length < 0) return null;

  // Nodes on some shortest path: i edges from `from` and length - i from `to`.
  // Within each ball the distance from the far end is only known at the meeting
  // layer, so compute it there and walk the balls back to mark the usable nodes.
  const onPath = yield* usableNodes(adjacency, forward, backward, length, work);
  yield;

  // Least structural weight from each usable node to `to`, walking positions backwards.
  const byPosition: number[][] = Array.from({ length: length + 1 }, () => []);
  for (const [node, p] of onPath) byPosition[p].push(node);
  const rest = new Map<number, number>([[to, 0]]);
  const edgeOf = (slot: number) => snapshot.slots.edges[slot];
  const weight = (step: Step) => (STRUCTURAL.has(edgeOf(step.edge).predicate) ? 1 : 0);
  const range = incidenceRange();
  // The steps from a usable node one step on along some path, in edge order.
  const stepsFrom = (node: number): Step[] => {
    const next = onPath.get(node)! + 1;
    const steps: Step[] = [];
    const { edge, other, from: first, to: last } = incidencesOf(adjacency, node, range);
    for (let i = first; i < last; i++) if (onPath.get(other[i]) === next && rest.has(other[i])) steps.push({ edge: edge[i], other: other[i] });
    return steps;
  };
  for (let p = length - 1; p >= 0; p--) {
    for (const node of byPosition[p]) {
      const { from: first, to: last } = incidencesOf(adjacency, node, range);
      if (work.spend(last - first)) yield;
      let least = Infinity;
      for (const step of stepsFrom(node)) least = Math.min(least, weight(step) + rest.get(step.other)!);
      if (least !== Infinity) rest.set(node, least);
    }
  }

  const nodeIds = [fromId];
  const edges: Edge[] = [];
  let at = from;
  while (at !== to) {
    const here = rest.get(at)!;
    // The first edge, in edge order, that keeps the path's structural weight least.
    const choice = stepsFrom(at).find((step) => weight(step) + rest.get(step.other)! === here)!;
    at = choice.other;
    edges.push(edgeOf(choice.edge));
    nodeIds.push(nodeAtSlot(snapshot.slots, at)!.id);
  }
  return { nodeIds, edges };
}

/** One step of a path: an edge and the node it leads to, by slots. */
interface Step {
  readonly edge: number;
  readonly other: number;
}

/**
 * Edges that only say two things share an article (MENTIONS, CONTAINS) weigh
 * more than stated or reported links, so that among equally short paths the
 * one shown explains the connection rather than passing through an article.
 */
const STRUCTURAL = new Set(['MENTIONS', 'CONTAINS']);

/**
 * For every node on a shortest path of `length` edges, its position on the
 * path (edges from the start). Sliced work: the edges it reads count in
 * `work`, as the search's own do.
 */
function* usableNodes(adjacency: Adjacency, forward: Frontier, backward: Frontier, length: number, work: WalkWork): Sliced<Map<number, number>> {
  const position = new Map<number, number>();
  // Meeting points: known to both sides with distances adding up to the length.
  const meeting: number[] = [];
  for (const node of forward.ball) {
    if (work.spend(0)) yield;
    const e = backward.distance(node);
    if (e >= 0 && forward.distance(node) + e === length) {
      position.set(node, forward.distance(node));
      meeting.push(node);
    }
  }
  const range = incidenceRange();
  // Walk back towards each end: a node one step nearer that end, adjacent to a usable node, is usable.
  for (const [side, toward] of [
    [forward, -1],
    [backward, +1],
  ] as const) {
    let layer = meeting;
    while (layer.length > 0) {
      const next: number[] = [];
      for (const node of layer) {
        const here = position.get(node)!;
        const target = here + toward;
        const wanted = toward < 0 ? target : length - target;
        if (target < 0 || target > length) continue;
        const { other, from, to } = incidencesOf(adjacency, node, range);
        if (work.spend(to - from)) yield;
        for (let i = from; i < to; i++) {
          const neighbour = other[i];
          if (side.distance(neighbour) === wanted && !position.has(neighbour)) {
            position.set(neighbour, target);
            next.push(neighbour);
          }
        }
      }
      layer = next;
    }
  }
  return position;
}
