import fastifyCors from '@fastify/cors';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/** Options of the cors plugin. */
export interface CorsOptions {
  /** Seconds a browser may keep a preflight's answer. Default 86400 (a day). */
  readonly maxAge?: number;
  /** Headers of the service's replies a browser script may read. Default `etag`, `retry-after` and `x-newsgraph-cache`. */
  readonly exposedHeaders?: readonly string[];
}

/** What a cross-origin request may send: the headers Apollo Sandbox and the dashboards use. */
const ALLOWED_HEADERS = [
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'if-none-match',
];

/**
 * CORS with @fastify/cors: any origin may call the API (Sandbox, browser
 * dashboards). A browser sends an Origin header with every cross-origin
 * request; the answer to it says that any origin may read the response, and
 * which of our headers it may see. Requests without one (servers, scripts)
 * get no CORS headers. A preflight (OPTIONS) is answered 204 with what a
 * cross-origin request may send, for a day.
 */
const corsPlugin: FastifyPluginAsync<CorsOptions> = async (fastify, options) => {
  await fastify.register(fastifyCors, {
    // A function (not '*'), so that a request without an Origin gets no CORS headers; it makes the plugin add `vary: origin`, which is right for such answers.
    origin: (origin, callback) => callback(null, origin === undefined ? false : '*'),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: [...(options.exposedHeaders ?? ['etag', 'retry-after', 'x-newsgraph-cache'])],
    maxAge: options.maxAge ?? 86_400,
    // A preflight is answered whatever it asks for; the request itself is then judged.
    strictPreflight: false,
  });
};

export const cors = fp(corsPlugin, { name: 'newsgraph-cors', fastify: '5.x' });
