import type { Edge } from './model';
import type { GraphSnapshot } from './snapshot';

/** The edges at a node in both directions, optionally only some predicates, in edge order. */
export function edgesAround(snapshot: GraphSnapshot, nodeId: string, predicates?: ReadonlySet<string>): Edge[] {
  const found: Edge[] = [];
  for (const index of [snapshot.edgesOut, snapshot.edgesIn]) {
    for (const [predicate, edges] of index.get(nodeId) ?? []) {
      if (!predicates || predicates.has(predicate)) found.push(...edges);
    }
  }
  return found.sort((a, b) => a.ordinal - b.ordinal);
}

/** The node at the other end of an edge. */
export function otherEnd(edge: Edge, nodeId: string): string {
  return edge.from === nodeId ? edge.to : edge.from;
}
