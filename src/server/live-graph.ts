import { type GraphSnapshot, type GraphStore, InMemoryGraphStore, loadGraph } from '../graph';

/**
 * Holds the graph being served. A reload builds and validates a whole new
 * snapshot first and only then swaps it in, in one assignment: a request
 * takes `current` once at its start and reads that one snapshot to its end.
 */
export class LiveGraph {
  private store: InMemoryGraphStore;

  constructor(
    snapshot: GraphSnapshot,
    private readonly dataDir: string,
  ) {
    this.store = new InMemoryGraphStore(snapshot);
  }

  /** Loads the graph in `dataDir`; throws a GraphDataError listing every problem. */
  static load(dataDir: string): LiveGraph {
    return new LiveGraph(loadGraph(dataDir), dataDir);
  }

  /** The store of the snapshot being served now. */
  get current(): GraphStore & { readonly snapshot: GraphSnapshot } {
    return this.store;
  }

  /**
   * Re-reads the data folder and, if every file is valid, swaps the new
   * snapshot in. Throws a GraphDataError (and changes nothing) otherwise.
   */
  reload(): { previousVersion: string; version: string } {
    const next = new InMemoryGraphStore(loadGraph(this.dataDir));
    const previousVersion = this.store.version;
    this.store = next;
    return { previousVersion, version: next.version };
  }
}
