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
}

const byValue = (query: object) => JSON.stringify(query);

/**
 * Creates the DataLoaders for one request, over one store (one snapshot):
 * the loads made while resolving one level of a query go to the store as a
 * single batched call, and repeated loads are served from the request's cache.
 */
export function createLoaders(store: GraphStore): Loaders {
  return {
    node: new DataLoader((ids) => store.getNodes(ids)),
    related: new DataLoader<RelatedQuery, Page<GraphNode>, string>((queries) => store.getRelated(queries), { cacheKeyFn: byValue }),
    edges: new DataLoader<EdgeQuery, Page<Edge>, string>((queries) => store.getEdges(queries), { cacheKeyFn: byValue }),
    mentions: new DataLoader<MentionQuery, Page<Mention>, string>((queries) => store.getMentions(queries), { cacheKeyFn: byValue }),
  };
}
