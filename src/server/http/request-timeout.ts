import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from './http-error';
import { whenResponseCloses } from './request-state';

/** Options of the request-timeout plugin. */
export interface RequestTimeoutOptions {
  /** Time from a request's arrival to its reply, in milliseconds, its body's arrival included. Default 10000. */
  readonly requestTimeoutMs?: number;
}

/**
 * Answers a request not answered in time, counted from its arrival: 408
 * REQUEST_TIMEOUT when its body has not fully arrived, 503 REQUEST_TIMEOUT
 * when it is still being served (its work goes on, and keeps its
 * concurrency slot, until it ends); either closes the connection. Fastify's
 * A route with `config.longRunning` is timed only until its body has
 * arrived. Fastify's own `handlerTimeout` would fit, but it is called off as soon as a POST's
 * body has been read (https://github.com/fastify/fastify/pull/6725).
 */
const requestTimeoutPlugin: FastifyPluginCallback<RequestTimeoutOptions> = (fastify, options, done) => {
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  fastify.addHook('onRequest', (request, reply, next) => {
    const timer = setTimeout(() => {
      if (reply.sent) return;
      // Long work (a reload of a large graph) is timed only until its body has arrived.
      if (request.raw.complete && request.routeOptions.config.longRunning) return;
      if (reply.raw.headersSent) {
        // A stream under way (a dump) is paced by its client; Node's connection timeout still ends a client that stops reading.
        if (request.routeOptions.config.streamed) return;
        reply.raw.destroy();
        return;
      }
      // Node marks a request complete once its whole body has arrived.
      reply.send(
        request.raw.complete
          ? new HttpError(
              503,
              'REQUEST_TIMEOUT',
              `The request took longer than ${timeoutMs} ms to serve. Ask for less (smaller pages, fewer fields) or retry later.`,
              {
                connection: 'close',
              },
            )
          : new HttpError(408, 'REQUEST_TIMEOUT', `The request body did not arrive within ${timeoutMs} ms.`, { connection: 'close' }),
      );
    }, timeoutMs);
    whenResponseCloses(request, reply, () => clearTimeout(timer));
    next();
  });
  done();
};

export const requestTimeout = fp(requestTimeoutPlugin, { name: 'newsgraph-request-timeout', fastify: '5.x' });
