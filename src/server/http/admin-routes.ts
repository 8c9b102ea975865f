import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginCallback } from 'fastify';
import type { Logger } from 'pino';
import type { LiveGraph } from '../../graph';
import { reloadGraph } from '../reload-graph';
import { articleRoutes } from './article-routes';
import { draftRoutes } from './draft-routes';
import { HttpError } from './http-error';
import './request-state';

/** Options of the admin routes; register them with `{ prefix: '/admin' }`, and only when a token is set. */
export interface AdminRoutesOptions {
  /** Bearer token every admin request must carry, compared in constant time. */
  readonly adminToken: string;
  /** The graph the routes change. */
  readonly graph: LiveGraph;
  /** Where reloads and writes are logged (their outcome and every data problem). */
  readonly logger: Logger;
  /** Largest article body of a write, in bytes. Default 2 MiB. */
  readonly maxArticleBytes?: number;
}

/** Compares two secrets in time that does not depend on where they differ (or on their lengths). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const RELOADED = {
  type: 'object',
  properties: {
    status: { type: 'string' },
    previousVersion: { type: 'string' },
    changed: { type: 'boolean' },
    version: { type: 'string' },
    articles: { type: 'integer' },
    nodes: { type: 'integer' },
    edges: { type: 'integer' },
  },
  required: ['status', 'previousVersion', 'changed', 'version', 'articles', 'nodes', 'edges'],
} as const;

/**
 * The admin routes: `POST /reload` re-reads, validates and swaps in the graph
 * data (200, or 422 INVALID_GRAPH_DATA / 500 RELOAD_FAILED listing every
 * problem, the graph served unchanged). Every request needs
 * `authorization: Bearer <token>`, checked before its body is read: 401
 * UNAUTHENTICATED without one, 403 FORBIDDEN with a wrong one. Routes here are
 * gated (MAX_CONCURRENT_REQUESTS); more admin routes go in this plugin and
 * share its check.
 */
export const adminRoutes: FastifyPluginCallback<AdminRoutesOptions> = (fastify, options, done) => {
  const { adminToken, graph, logger } = options;

  fastify.addHook('onRequest', (request, _reply, next) => {
    const match = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '');
    if (!match) {
      next(
        new HttpError(401, 'UNAUTHENTICATED', 'Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>".', {
          'www-authenticate': 'Bearer realm="newsgraph admin"',
        }),
      );
    } else if (!sameSecret(match[1], adminToken)) {
      next(new HttpError(403, 'FORBIDDEN', 'The admin token is not the one this service was started with (ADMIN_TOKEN).'));
    } else {
      next();
    }
  });
  // The writes of articles take JSON bodies (Fastify's own parser).
  fastify.register(articleRoutes, { prefix: '/articles', graph, logger, maxArticleBytes: options.maxArticleBytes });
  fastify.register(draftRoutes, { prefix: '/drafts', graph, maxDraftBytes: options.maxArticleBytes });

  fastify.register((reload, _options, registered) => {
    // Whatever the body holds, it is read (within the limit) to keep the connection usable, and ignored.
    reload.removeAllContentTypeParsers();
    reload.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, parsed) => parsed(null, undefined));
    reload.post('/reload', { config: { gated: true, longRunning: true }, schema: { response: { 200: RELOADED } } }, async (request) => {
      // A large graph takes minutes to reload: the connection waits for the answer however long it is quiet.
      request.raw.socket.setTimeout(0);
      const outcome = await reloadGraph(graph, logger, 'http');
      if (!outcome.ok) {
        throw new HttpError(
          outcome.code === 'INVALID_GRAPH_DATA' ? 422 : 500,
          outcome.code,
          outcome.message,
          {},
          { problems: outcome.problems, version: outcome.graph.version },
        );
      }
      return { status: 'reloaded', previousVersion: outcome.previousVersion, changed: outcome.changed, ...outcome.graph };
    });
    registered();
  });
  done();
};
