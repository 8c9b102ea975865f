import { type GraphStore, type GraphSummary, summarizeStore } from './graph-store';
import type { LiveGraph, ReloadResult } from './live-graph';
import { loadGraph } from './load-graph';
import { InMemoryGraphStore } from './memory-store';

/**
 * A live graph read from a graph-data folder and held in memory. A reload
 * builds and validates a whole new snapshot first and only then swaps its
 * store in, in one assignment.
 */
export class MemoryLiveGraph implements LiveGraph {
  private store: InMemoryGraphStore;

  private constructor(
    store: InMemoryGraphStore,
    /** The folder the graph is (re)loaded from. */
    readonly origin: string,
  ) {
    this.store = store;
  }

  /** Loads the graph in `dataDir`; throws a GraphDataError listing every problem. */
  static load(dataDir: string): MemoryLiveGraph {
    return new MemoryLiveGraph(new InMemoryGraphStore(loadGraph(dataDir)), dataDir);
  }

  get current(): GraphStore {
    return this.store;
  }

  summary(): Promise<GraphSummary> {
    return summarizeStore(this.store);
  }

  async reload(): Promise<ReloadResult> {
    const next = new InMemoryGraphStore(loadGraph(this.origin));
    const previousVersion = this.store.version;
    this.store = next;
    return { previousVersion, version: next.version };
  }
}
