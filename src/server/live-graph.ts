import { type GraphSnapshot, type GraphStore, InMemoryGraphStore, loadGraph } from '../graph';

/** What a snapshot holds, for logs and replies. */
export interface GraphSummary {
  readonly version: string;
  readonly articles: number;
  readonly nodes: number;
  readonly edges: number;
}

/** Counts what `snapshot` holds. */
export function summarizeSnapshot(snapshot: GraphSnapshot): GraphSummary {
  return {
    version: snapshot.version,
    articles: snapshot.nodesByKind.get('ARTICLE')?.length ?? 0,
    nodes: snapshot.nodes.size,
    edges: snapshot.edges.length,
  };
}

/**
 * Holds the graph being served. A reload builds and validates a whole new
 * snapshot first and only then swaps it in, in one assignment: a request
 * takes `current` once at its start and reads that one snapshot to its end.
 */
export class LiveGraph {
  private store: InMemoryGraphStore;

  constructor(
    snapshot: GraphSnapshot,
    /** The folder the graph is (re)loaded from. */
    readonly dataDir: string,
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

  /** What the snapshot being served holds. */
  get summary(): GraphSummary {
    return summarizeSnapshot(this.store.snapshot);
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
