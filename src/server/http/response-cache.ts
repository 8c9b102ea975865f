import type { FastifyPluginCallback, FastifyReply, FastifyRequest, onSendHookHandler, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { LiveGraph } from '../../graph';
import { type CachedResponse, etagOf, type ResponseCache } from '../response-cache';
import { whenResponseCloses } from './request-state';

/** Options of the response-cache plugin. */
export interface ResponseCacheOptions {
  /** Where answers are kept; a cache whose size is 0 keeps nothing, and the plugin adds no hook. */
  readonly cache: ResponseCache;
  /** The graph being served: an answer is kept for the version it was computed on. */
  readonly graph: LiveGraph;
}

/** The headers of an answer that are kept with it; the others (CORS, rate limit, connection) belong to each request. */
const KEPT_HEADERS = ['content-type', 'cache-control'];

/** Writes a kept (or just kept) answer, or 304 when the client already holds these bytes. */
function sendCached(request: FastifyRequest, reply: FastifyReply, cached: CachedResponse, hit: boolean): Buffer | null {
  for (const [name, value] of cached.headers) reply.header(name, value);
  reply.header('etag', cached.etag);
  reply.header('x-newsgraph-cache', hit ? 'hit' : 'miss');
  if (request.headers['if-none-match'] === cached.etag) {
    reply.code(304);
    return null;
  }
  reply.code(cached.status);
  return cached.body;
}

/** Answers a request with a kept answer, logged as the answer's first request was. */
function answerKept(request: FastifyRequest, reply: FastifyReply, kept: CachedResponse): void {
  request.record.operationName = kept.operationName;
  request.record.cost = kept.cost;
  reply.send(sendCached(request, reply, kept, true));
}

/** A request being answered: `done` settles when its answer is kept or its response is over. */
interface Answering {
  readonly done: Promise<void>;
  readonly end: () => void;
}

/**
 * The response cache, as two hooks on the routes that ask for it (`config:
 * { responseCache: true }`): before the handler, a repeated request (same
 * method, query string, body and the headers that decide the answer) to the
 * same graph version is answered with the bytes of its first answer, with an
 * `etag` (304 for `if-none-match`) and `x-newsgraph-cache: hit`; on send, an
 * answer without errors is kept (`x-newsgraph-cache: miss`). Its first
 * answer went through the whole pipeline, every limit included, and the graph
 * has not changed since. A request with `authorization` or `cookie` is never
 * answered from the cache nor kept: its answer may be that client's own.
 *
 * A request identical to one still being answered waits for that answer
 * instead of computing it again: twenty dashboards asking at once for a path
 * that takes seconds make one computation, not twenty sharing the cores. If
 * the first answer is not kept (it had errors, or the client went away), the
 * requests that waited are each executed, as without the wait.
 */
const responseCachePlugin: FastifyPluginCallback<ResponseCacheOptions> = (fastify, options, done) => {
  const { cache, graph } = options;
  if (!cache.enabled) {
    done();
    return;
  }
  /** The requests being answered, by key: what an identical request waits for. Ended when the answer is kept or the response is over. */
  const answering = new Map<string, Answering>();
  const ended = (key: string, entry: Answering) => {
    if (answering.get(key) !== entry) return;
    answering.delete(key);
    entry.end();
  };

  const lookUp: preHandlerHookHandler = (request, reply, next) => {
    const headers = request.headers;
    if (headers.authorization !== undefined || headers.cookie !== undefined) {
      next();
      return;
    }
    const store = graph.current;
    request.graphStore = store;
    const url = request.url;
    const queryAt = url.indexOf('?');
    const key = cache.key(
      {
        method: request.method,
        search: queryAt < 0 ? '' : url.slice(queryAt),
        // The body as it came (see graphqlRoute): a repeated request needs no parsing.
        body: typeof request.body === 'string' ? request.body : '',
        contentType: headers['content-type'] ?? '',
        accept: headers.accept ?? '',
        preflighted: headers['apollo-require-preflight'] !== undefined || headers['x-apollo-operation-name'] !== undefined,
      },
      store.version,
    );
    const kept = cache.get(key, store.version);
    if (kept !== undefined) {
      answerKept(request, reply, kept);
      return;
    }
    request.cacheKey = key;
    const first = answering.get(key);
    if (first !== undefined) {
      void first.done.then(() => {
        // Answered meanwhile (the request's time ran out): nothing left to do.
        if (reply.sent) return;
        const keptSince = cache.get(key, store.version);
        if (keptSince !== undefined) answerKept(request, reply, keptSince);
        else next();
      });
      return;
    }
    let end!: () => void;
    const entry: Answering = { done: new Promise<void>((resolve) => (end = resolve)), end };
    answering.set(key, entry);
    whenResponseCloses(request, reply, () => ended(key, entry));
    next();
  };

  const keep: onSendHookHandler = (request, reply, payload, next) => {
    const key = request.cacheKey;
    if (
      key === null ||
      reply.statusCode !== 200 ||
      typeof payload !== 'string' ||
      request.record.errorCodes !== undefined ||
      request.graphStore === null ||
      request.graphStore.version !== graph.current.version
    ) {
      next();
      return;
    }
    const body = Buffer.from(payload, 'utf8');
    const headers: [string, string][] = [];
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers.push([name, value]);
    }
    const cached: CachedResponse = { status: 200, headers, body, etag: etagOf(body), operationName: request.record.operationName, cost: request.record.cost };
    cache.set(key, request.graphStore.version, cached);
    // Those waiting for this answer need not wait for its bytes to be written.
    const entry = answering.get(key);
    if (entry !== undefined) ended(key, entry);
    next(null, sendCached(request, reply, cached, false));
  };

  fastify.addHook('onRoute', (route) => {
    if (!route.config?.responseCache) return;
    route.preHandler = [...(Array.isArray(route.preHandler) ? route.preHandler : route.preHandler ? [route.preHandler] : []), lookUp];
    route.onSend = [...(Array.isArray(route.onSend) ? route.onSend : route.onSend ? [route.onSend] : []), keep];
  });
  done();
};

export const responseCache = fp(responseCachePlugin, { name: 'newsgraph-response-cache', fastify: '5.x' });
