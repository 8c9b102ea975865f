/** The graph model, its loader and its store: plain TypeScript, no GraphQL. */
export * from './model';
export * from './vocabulary';
export * from './data-problem';
export * from './graph-store';
export { InMemoryGraphStore } from './memory-store';
export { loadGraph } from './load-graph';
export { readGraphData } from './read-graph-data';
export { buildSnapshot } from './build-snapshot';
export type { GraphSnapshot, Direction } from './snapshot';
export type { GraphPath } from './find-path';
export type { Neighborhood } from './neighborhood';
export type { SearchHit } from './search-index';
