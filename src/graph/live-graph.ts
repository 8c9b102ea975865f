import type { GraphStore, GraphSummary } from './graph-store';

/** A reload that made a new version current. */
export interface ReloadResult {
  readonly previousVersion: string;
  readonly version: string;
}

/**
 * The graph a service serves, one version after another: the seam between
 * the service and whatever holds the data. A request takes `current` once,
 * at its start, and reads that one version to its end; a reload makes a new
 * version current for the requests that start after it.
 */
export interface LiveGraph {
  /** The store of the version being served now. */
  readonly current: GraphStore;
  /** Where the data comes from, for logs and messages (a folder). */
  readonly origin: string;
  /** What the version being served holds. */
  summary(): Promise<GraphSummary>;
  /**
   * Reads the data again, checks all of it, and makes it current. Throws a
   * GraphDataError listing every problem (and changes nothing) when any file
   * is not valid.
   */
  reload(): Promise<ReloadResult>;
  /** Lets go of what the graph holds open (connections), when it holds any. */
  close?(): Promise<void>;
}
