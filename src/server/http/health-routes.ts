import type { FastifyPluginCallback } from 'fastify';
import { GraphStoreUnavailableError, type LiveGraph } from '../../graph';

/** Options of the health routes. */
export interface HealthRoutesOptions {
  /** The graph being served, whose summary `/readyz` gives. */
  readonly graph: LiveGraph;
  /** True once the service is stopping: `/readyz` then answers 503. */
  readonly closing: () => boolean;
}

const STATUS = { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] } as const;
const READY = {
  type: 'object',
  properties: {
    status: { type: 'string' },
    version: { type: 'string' },
    articles: { type: 'integer' },
    nodes: { type: 'integer' },
    edges: { type: 'integer' },
  },
  required: ['status', 'version', 'articles', 'nodes', 'edges'],
} as const;

/**
 * Liveness (`GET /healthz`: 200 while the process serves) and readiness
 * (`GET /readyz`: 200 with what is loaded, 503 `{"status":"shutting
 * down"}` once stopping, 503 `{"status":"database unavailable"}` while the
 * store cannot reach its database). Neither is gated nor rate-limited: a busy service
 * is alive and ready.
 */
export const healthRoutes: FastifyPluginCallback<HealthRoutesOptions> = (fastify, options, done) => {
  const { graph, closing } = options;
  fastify.get('/healthz', { config: { rateLimit: false }, schema: { response: { 200: STATUS } } }, async () => ({ status: 'ok' }));
  fastify.get('/readyz', { config: { rateLimit: false }, schema: { response: { 200: READY, 503: STATUS } } }, async (_request, reply) => {
    if (closing()) return reply.code(503).send({ status: 'shutting down' });
    try {
      return { status: 'ready', ...(await graph.summary()) };
    } catch (error) {
      if (error instanceof GraphStoreUnavailableError) return reply.code(503).send({ status: 'database unavailable' });
      throw error;
    }
  });
  done();
};
