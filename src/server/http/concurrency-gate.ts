import type { FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest, preHandlerHookHandler, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from './http-error';
import { afterwards } from './request-state';

/** Options of the concurrency gate. */
export interface ConcurrencyGateOptions {
  /** Most requests of gated routes served at once; more get 503 SERVER_BUSY with `retry-after: 1`. Default 256. */
  readonly maxConcurrentRequests?: number;
}

/**
 * Load shedding: a request of a gated route (`config: { gated: true }`) takes
 * one of `maxConcurrentRequests` slots once its body has fully arrived (in
 * `preHandler`, after parsing), and holds it until its work ends, even past
 * a timeout reply; with none left it is refused at once with 503
 * SERVER_BUSY. A client sending its body slowly holds no slot, so it cannot
 * lock others out. Routes added later opt in by their config; `/healthz` and
 * `/readyz` do not.
 */
const concurrencyGatePlugin: FastifyPluginCallback<ConcurrencyGateOptions> = (fastify, options, done) => {
  const max = options.maxConcurrentRequests ?? 256;
  let held = 0;

  const acquire: preHandlerHookHandler = (_request, _reply, next) => {
    if (held >= max) {
      next(new HttpError(503, 'SERVER_BUSY', `The service is serving its limit of ${max} requests at once; retry in a moment.`, { 'retry-after': '1' }));
      return;
    }
    held++;
    next();
  };

  fastify.addHook('onRoute', (route) => {
    if (!route.config?.gated) return;
    // Last of the route's preHandlers, so that the handler runs right after it (in the same turn) and always gives the slot back.
    route.preHandler = [...(Array.isArray(route.preHandler) ? route.preHandler : route.preHandler ? [route.preHandler] : []), acquire];
    const handler = route.handler as (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) => unknown;
    const release = () => void held--;
    route.handler = function holdSlot(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      return afterwards(handler, this, request, reply, release);
    } as RouteHandlerMethod;
  });
  done();
};

export const concurrencyGate = fp(concurrencyGatePlugin, { name: 'newsgraph-concurrency-gate', fastify: '5.x' });
