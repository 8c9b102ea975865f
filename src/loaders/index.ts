/** Per-request DataLoaders over the graph store. */
export { createLoaders, type Loaders } from './create-loaders';
export { loadEvery } from './load-every';
