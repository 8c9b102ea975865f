import { buildSnapshot } from './build-snapshot';
import { GraphDataError } from './data-problem';
import { readGraphData } from './read-graph-data';
import type { GraphSnapshot } from './snapshot';

/**
 * Reads, validates and indexes the graph data in `dir`. Throws a
 * GraphDataError listing every problem (file, JSON path, reason) when the
 * data is not valid; never returns a partial graph.
 */
export function loadGraph(dir: string): GraphSnapshot {
  const { data, problems } = readGraphData(dir);
  const result = buildSnapshot(data, problems);
  if (!result.ok) throw new GraphDataError(result.problems);
  return result.snapshot;
}
