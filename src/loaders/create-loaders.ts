import DataLoader from 'dataloader';
import type { Edge, EdgeQuery, GraphNode, GraphStore, Mention, MentionQuery, Page, RelatedQuery } from '../graph';

/** The DataLoaders of one request. */
export interface Loaders {
  /** Nodes by id; null for unknown ids. */
  readonly node: DataLoader<string, GraphNode | null>;
  /** Pages of related nodes. */
  readonly related: DataLoader<RelatedQuery, Page<GraphNode>, string>;
  /** Pages of edges. */
  readonly edges: DataLoader<EdgeQuery, Page<Edge>, string>;
  /** Pages of mentions. */
  readonly mentions: DataLoader<MentionQuery, Page<Mention>, string>;
  /**
   * Lets go of everything the request's loads hold (cached pages, and the
   * last batch of each loader, whose callbacks reach the whole execution),
   * once execution has ended. Loads made afterwards still work, on fresh
   * loaders.
   */
  release(): void;
}

const byValue = (query: object) => JSON.stringify(query);

/**
 * The loaders of one request, over one store. Each is created on first use,
 * so that releasing allocates nothing: the object may well be in the old
 * generation by then, and whatever it points to survives young collections.
 */
class RequestLoaders implements Loaders {
  private nodeLoader?: DataLoader<string, GraphNode | null>;
  private relatedLoader?: DataLoader<RelatedQuery, Page<GraphNode>, string>;
  private edgesLoader?: DataLoader<EdgeQuery, Page<Edge>, string>;
  private mentionsLoader?: DataLoader<MentionQuery, Page<Mention>, string>;

  constructor(private readonly store: GraphStore) {}

  get node(): DataLoader<string, GraphNode | null> {
    return (this.nodeLoader ??= new DataLoader((ids) => this.store.getNodes(ids)));
  }

  get related(): DataLoader<RelatedQuery, Page<GraphNode>, string> {
    return (this.relatedLoader ??= new DataLoader<RelatedQuery, Page<GraphNode>, string>((queries) => this.store.getRelated(queries), { cacheKeyFn: byValue }));
  }

  get edges(): DataLoader<EdgeQuery, Page<Edge>, string> {
    return (this.edgesLoader ??= new DataLoader<EdgeQuery, Page<Edge>, string>((queries) => this.store.getEdges(queries), { cacheKeyFn: byValue }));
  }

  get mentions(): DataLoader<MentionQuery, Page<Mention>, string> {
    return (this.mentionsLoader ??= new DataLoader<MentionQuery, Page<Mention>, string>((queries) => this.store.getMentions(queries), { cacheKeyFn: byValue }));
  }

  release(): void {
    this.nodeLoader = this.relatedLoader = this.edgesLoader = this.mentionsLoader = undefined;
  }
}

/**
 * Creates the DataLoaders for one request, over one store (one snapshot):
 * the loads made while resolving one level of a query go to the store as a
 * single batched call, and repeated loads are served from the request's cache.
 */
export function createLoaders(store: GraphStore): Loaders {
  return new RequestLoaders(store);
}
