import type { Logger } from 'pino';
import { type DataProblem, GraphDataError, type GraphSummary, type LiveGraph } from '../graph';

/** The result of a reload: the new graph, or why the old one is still served. */
export type ReloadOutcome =
  | { readonly ok: true; readonly previousVersion: string; readonly changed: boolean; readonly graph: GraphSummary }
  | {
      readonly ok: false;
      /** INVALID_GRAPH_DATA when the data has problems, RELOAD_FAILED when it could not be read at all. */
      readonly code: 'INVALID_GRAPH_DATA' | 'RELOAD_FAILED';
      readonly message: string;
      /** Every problem found, with file and JSON path; empty for RELOAD_FAILED. */
      readonly problems: readonly DataProblem[];
      /** The graph still served. */
      readonly graph: GraphSummary;
    };

/**
 * Reloads `graph` from its data and logs the outcome, listing every problem
 * when the data is not valid. Never throws: on any failure the graph served
 * before keeps being served, unchanged.
 */
export async function reloadGraph(graph: LiveGraph, logger: Logger, trigger: string): Promise<ReloadOutcome> {
  try {
    const { previousVersion, version } = await graph.reload();
    const summary = await graph.summary();
    const changed = previousVersion !== version;
    logger.info(
      { event: 'reload', trigger, previousVersion, ...summary, changed },
      `graph reloaded from ${graph.origin}: ${summary.articles} article(s), ${summary.nodes} nodes, ${summary.edges} edges (version ${version}${changed ? '' : ', unchanged'})`,
    );
    return { ok: true, previousVersion, changed, graph: summary };
  } catch (error) {
    const served = await graph.summary();
    if (error instanceof GraphDataError) {
      const message = `The graph data in ${graph.origin} has ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; still serving version ${served.version}. Fix every problem listed and reload again.`;
      logger.error({ event: 'reload', trigger, version: served.version, problems: error.problems }, `${message}\n${error.message}`);
      return { ok: false, code: 'INVALID_GRAPH_DATA', message, problems: error.problems, graph: served };
    }
    const message = `The graph data in ${graph.origin} could not be read (${(error as Error).message}); still serving version ${served.version}.`;
    logger.error({ event: 'reload', trigger, version: served.version, err: error }, message);
    return { ok: false, code: 'RELOAD_FAILED', message, problems: [], graph: served };
  }
}
