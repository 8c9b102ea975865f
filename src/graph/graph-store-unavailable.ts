/**
 * Thrown by a store whose data lives elsewhere (a database) when it cannot
 * be reached: the question was fine, the answer cannot be had now. The
 * service answers it with 503 `DATABASE_UNAVAILABLE` and recovers by
 * itself once the store can be reached again.
 */
export class GraphStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GraphStoreUnavailableError';
  }
}
