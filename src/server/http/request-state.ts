import type { GraphStore } from '../../graph';
import type { RequestRecord } from '../request-record';

/**
 * What the HTTP layer keeps on each request and route, declared once for
 * every plugin of `src/server/http/`. The request fields are decorated on the
 * instance by `createHttpServer` (as null, so every request object has the
 * same shape) and set by the plugin named beside each.
 */
declare module 'fastify' {
  interface FastifyRequest {
    /** What the request's log line says of its GraphQL side (set by requestLog, filled in by Apollo's plugins). */
    record: RequestRecord;
    /** The graph version the request reads, taken once (by responseCache or graphqlRoute). */
    graphStore: GraphStore | null;
    /** The response-cache key of a request whose answer may be kept (set by responseCache). */
    cacheKey: string | null;
  }

  interface FastifyContextConfig {
    /**
     * The route does work that holds a slot of MAX_CONCURRENT_REQUESTS (see
     * concurrencyGate), is refused once the service is closing, and counts as
     * in flight until that work ends (see gracefulClose). Default false.
     */
    gated?: boolean;
    /** Successful answers of the route may be kept and served again (see responseCache). Default false. */
    responseCache?: boolean;
    /** What a 413 reply tells the client to do (see errors). Default: send a shorter query. */
    bodyHint?: string;
  }
}

export {};
