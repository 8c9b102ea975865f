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

/** The loaders of one request, over one store. */
class RequestLoaders implements Loaders {
  node!: DataLoader<string, GraphNode | null>;
  related!: DataLoader<RelatedQuery, Page<GraphNode>, string>;
  edges!: DataLoader<EdgeQuery, Page<Edge>, string>;
  mentions!: DataLoader<MentionQuery, Page<Mention>, string>;

  constructor(private readonly store: GraphStore) {
    this.reset();
  }

  release(): void {
    this.reset();
  }

  private reset(): void {
    const store = this.store;
    this.node = new DataLoader((ids) => store.getNodes(ids));
    this.related = new DataLoader<RelatedQuery, Page<GraphNode>, string>((queries) => store.getRelated(queries), { cacheKeyFn: byValue });
    this.edges = new DataLoader<EdgeQuery, Page<Edge>, string>((queries) => store.getEdges(queries), { cacheKeyFn: byValue });
    this.mentions = new DataLoader<MentionQuery, Page<Mention>, string>((queries) => store.getMentions(queries), { cacheKeyFn: byValue });
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
