import type { GraphStore } from '../graph';
import type { Loaders } from '../loaders';

/** What every resolver of one request sees. */
export interface GraphContext {
  /** The store of the snapshot this request reads, from start to end. */
  readonly store: GraphStore;
  /** DataLoaders created for this request only. */
  readonly loaders: Loaders;
  /** Base of node IRIs. */
  readonly iriBase: string;
  /** Most index entries the searches of one operation may read together. Default MAX_SEARCH_INDEX_ENTRIES. */
  readonly maxSearchIndexEntries?: number;
}
