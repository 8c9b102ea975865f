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
}
