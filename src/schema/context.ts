import type { GraphStore, SearchAllowance } from '../graph';
import { createLoaders, type Loaders } from '../loaders';
import { MAX_SEARCH_INDEX_ENTRIES } from './limits';

/** What every resolver of one request sees. Made afresh for each request by `createGraphContext`; nothing in it outlives the request. */
export interface GraphContext {
  /** The store of the graph version this request reads, from start to end. */
  readonly store: GraphStore;
  /** DataLoaders created for this request only. */
  readonly loaders: Loaders;
  /** Base of node IRIs. */
  readonly iriBase: string;
  /** The index entries the searches of this execution may still read, shared by all of them. */
  readonly searchAllowance: SearchAllowance;
}

/** Options of `createGraphContext`. */
export interface GraphContextOptions {
  /** Base of node IRIs (the id is appended). */
  readonly iriBase: string;
  /** Most index entries the searches of one operation may read together. Default MAX_SEARCH_INDEX_ENTRIES. */
  readonly maxSearchIndexEntries?: number;
}

/** The context of one request over `store` (the graph version current at its start), with fresh DataLoaders. */
export function createGraphContext(store: GraphStore, options: GraphContextOptions): GraphContext {
  const limit = options.maxSearchIndexEntries ?? MAX_SEARCH_INDEX_ENTRIES;
  return { store, loaders: createLoaders(store), iriBase: options.iriBase, searchAllowance: { limit, remaining: limit } };
}

/**
 * Forgets what an execution of the request has spent, so that the operation
 * can be run again as if for the first time: a compiled answer with errors
 * is run again by graphql-js, which words the errors, and its searches must
 * be allowed what the first run's were.
 */
export function restartExecution(context: GraphContext): void {
  context.searchAllowance.remaining = context.searchAllowance.limit;
}
