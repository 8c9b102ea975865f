import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphStore } from '../../graph';
import type { RequestRecord } from '../request-record';

/**
 * What the HTTP layer keeps on each request and route, declared once for
 * every plugin of `src/server/http/`. The request fields are decorated on the
 * instance by `createHttpServer` (as null, so every request object has the
 * same shape) and set by the plugin named beside each. Below them, the two
 * helpers the plugins share to act at the end of a request: when its
 * response is over, and when a route's work has ended.
 */
declare module 'fastify' {
  interface FastifyRequest {
    /** What the request's log line says of its GraphQL side (set by requestLog, filled in by Apollo's plugins). */
    record: RequestRecord;
    /** The graph version the request reads, taken once (by responseCache or graphqlRoute). */
    graphStore: GraphStore | null;
    /** The response-cache key of a request whose answer may be kept (set by responseCache). */
    cacheKey: string | null;
    /** What runs once the request's response is over, sent or cut off, in the order added (see whenResponseCloses). */
    closeCallbacks: (() => void)[] | null;
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

/**
 * Runs `callback` once the response is over, sent or cut off (its 'close'
 * event, which comes once either way; Fastify's onResponse comes only for a
 * response sent). The plugins share one listener per response.
 */
export function whenResponseCloses(request: FastifyRequest, reply: FastifyReply, callback: () => void): void {
  const callbacks = request.closeCallbacks;
  if (callbacks !== null) {
    callbacks.push(callback);
    return;
  }
  const list = (request.closeCallbacks = [callback]);
  reply.raw.once('close', () => {
    for (const run of list) run();
  });
}

/**
 * Calls a route handler, then `after` once its work has ended (its promise
 * settled, or it returned or threw), with the handler's own outcome: what a
 * plugin that wraps a handler needs, with one promise rather than an async
 * function's two.
 */
export function afterwards(
  handler: (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) => unknown,
  instance: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  after: () => void,
): unknown {
  let result: unknown;
  try {
    result = handler.call(instance, request, reply);
  } catch (error) {
    after();
    throw error;
  }
  if (result instanceof Promise) return result.finally(after);
  after();
  return result;
}
