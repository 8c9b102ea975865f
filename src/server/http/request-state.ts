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
    /** The route streams its answer: once its first bytes are sent, REQUEST_TIMEOUT_MS no longer cuts it (see requestTimeout). Default false. */
    streamed?: boolean;
    /** What a 413 reply tells the client to do (see errors). Default: send a shorter query. */
    bodyHint?: string;
    /** The route's work may take longer than REQUEST_TIMEOUT_MS once its body has arrived (see requestTimeout). Default false. */
    longRunning?: boolean;
    /** `false`: @fastify/cors adds no CORS headers to the route's answers, so other origins cannot read them (see webPages). Default: the service's CORS (see cors). */
    cors?: false;
  }
}

export {};
