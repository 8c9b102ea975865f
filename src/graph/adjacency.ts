import type { Edge, GraphNode } from './model';

/**
 * Every node's edges in both directions, as numbers: node and edge ordinals in
 * typed arrays (16 bytes per edge), walked without hashing a string. The
 * edges of node `n` are incidences `start[n]` to `start[n + 1] - 1`, in edge
 * order.
 */
export interface Adjacency {
  readonly start: Uint32Array;
  /** The edge of each incidence (its ordinal). */
  readonly edge: Uint32Array;
  /** The node at the other end of each incidence (its ordinal). */
  readonly other: Uint32Array;
}

/** Builds the adjacency of `edges` (sorted by ordinal) over `nodes`, whose ordinals are 0 to `nodes.size - 1`. */
export function buildAdjacency(edges: readonly Edge[], nodes: ReadonlyMap<string, GraphNode>): Adjacency {
  const from = new Uint32Array(edges.length);
  const to = new Uint32Array(edges.length);
  const start = new Uint32Array(nodes.size + 1);
  for (let i = 0; i < edges.length; i++) {
    from[i] = nodes.get(edges[i].from)!.ordinal;
    to[i] = nodes.get(edges[i].to)!.ordinal;
    start[from[i] + 1]++;
    start[to[i] + 1]++;
  }
  for (let n = 0; n < nodes.size; n++) start[n + 1] += start[n];
  const next = start.slice(0, nodes.size);
  const edge = new Uint32Array(edges.length * 2);
  const other = new Uint32Array(edges.length * 2);
  // Edges are visited in ordinal order, so each node's incidences come out in edge order.
  for (let i = 0; i < edges.length; i++) {
    const out = next[from[i]]++;
    edge[out] = i;
    other[out] = to[i];
    const back = next[to[i]]++;
    edge[back] = i;
    other[back] = from[i];
  }
  return { start, edge, other };
}
