import type { Edge } from './model';
import { ShardedMap } from './sharded-map';

/** The edges at one node: edge slots and the slot of the node at the other end, in edge order. */
export interface Incidences {
  readonly edge: Uint32Array;
  readonly other: Uint32Array;
}

/**
 * Every node's edges in both directions, as numbers: node and edge slots in
 * typed arrays, walked without hashing a string. As built, the edges of node
 * `n` are incidences `start[n]` to `start[n + 1] - 1`, in edge order; a node
 * whose edges changed since (or that is newer than the build) has its own
 * list in `changed`.
 */
export interface Adjacency {
  readonly start: Uint32Array;
  /** The edge of each incidence (its slot). */
  readonly edge: Uint32Array;
  /** The node at the other end of each incidence (its slot). */
  readonly other: Uint32Array;
  readonly changed: ShardedMap<number, Incidences>;
}

/** The empty adjacency of a graph with no nodes. */
export const NO_ADJACENCY: Adjacency = { start: new Uint32Array(1), edge: new Uint32Array(0), other: new Uint32Array(0), changed: ShardedMap.of([]) };

const NONE: Incidences = { edge: new Uint32Array(0), other: new Uint32Array(0) };

/** The edges at a node, as a list and a range of it: `edge[i]` and `other[i]` for `from <= i < to`. */
export interface IncidenceRange {
  edge: Uint32Array;
  other: Uint32Array;
  from: number;
  to: number;
}

/** Points `range` at the edges of node `slot` (reused, so that a walk allocates nothing per node). */
export function incidencesOf(adjacency: Adjacency, slot: number, range: IncidenceRange): IncidenceRange {
  const changed = adjacency.changed.size > 0 ? adjacency.changed.get(slot) : undefined;
  if (changed) {
    range.edge = changed.edge;
    range.other = changed.other;
    range.from = 0;
    range.to = changed.edge.length;
  } else if (slot + 1 < adjacency.start.length) {
    range.edge = adjacency.edge;
    range.other = adjacency.other;
    range.from = adjacency.start[slot];
    range.to = adjacency.start[slot + 1];
  } else {
    range.edge = NONE.edge;
    range.other = NONE.other;
    range.from = 0;
    range.to = 0;
  }
  return range;
}

/** A fresh range for `incidencesOf`. */
export function incidenceRange(): IncidenceRange {
  return { edge: NONE.edge, other: NONE.other, from: 0, to: 0 };
}

/**
 * Builds the adjacency of `edges` (in edge order) over `nodeSlots` node
 * slots; `slotOf` gives an edge end's slot.
 */
export function* buildAdjacency(edges: readonly Edge[], nodeSlots: number, slotOf: (id: string) => number): Generator<void, Adjacency, void> {
  const from = new Uint32Array(edges.length);
  const to = new Uint32Array(edges.length);
  const start = new Uint32Array(nodeSlots + 1);
  for (let i = 0; i < edges.length; i++) {
    from[i] = slotOf(edges[i].from);
    to[i] = slotOf(edges[i].to);
    start[from[i] + 1]++;
    start[to[i] + 1]++;
    if ((i & 0xfff) === 0xfff) yield;
  }
  for (let n = 0; n < nodeSlots; n++) {
    start[n + 1] += start[n];
    if ((n & 0xfffff) === 0xfffff) yield;
  }
  const next = start.slice(0, nodeSlots);
  const edge = new Uint32Array(edges.length * 2);
  const other = new Uint32Array(edges.length * 2);
  // Edges are visited in edge order, so each node's incidences come out in edge order.
  for (let i = 0; i < edges.length; i++) {
    const out = next[from[i]]++;
    edge[out] = edges[i].slot;
    other[out] = to[i];
    const back = next[to[i]]++;
    edge[back] = edges[i].slot;
    other[back] = from[i];
    if ((i & 0xfff) === 0xfff) yield;
  }
  return { start, edge, other, changed: ShardedMap.of([]) };
}
