/** Page size when `first` is not given (or null). */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest `first` accepted. */
export const MAX_PAGE_SIZE = 100;
/** Most ids `nodes(ids)` takes at once. */
export const MAX_NODES_IDS = 100;
/** Longest search text accepted. */
export const MAX_SEARCH_LENGTH = 200;
/**
 * Most index entries the searches of one operation may read together (see
 * `SearchAllowance`): about a second of one core at 100,000 articles, where
 * an entry costs the most (bench/README.md). A search of a pasted sentence
 * reads about 40 per article of the corpus.
 */
export const MAX_SEARCH_INDEX_ENTRIES = 400_000;
/** `path(maxHops)` default and maximum. */
export const DEFAULT_MAX_HOPS = 4;
export const MAX_HOPS = 6;
/** `neighborhood(depth)` default and maximum. */
export const DEFAULT_DEPTH = 1;
export const MAX_DEPTH = 3;
/** `neighborhood(limit)` default and maximum. */
export const DEFAULT_NEIGHBORHOOD_LIMIT = 100;
export const MAX_NEIGHBORHOOD_LIMIT = 500;
