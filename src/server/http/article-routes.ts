import type { FastifyPluginCallback } from 'fastify';
import type { Logger } from 'pino';
import type { LiveGraph, WriteOutcome } from '../../graph';
import { HttpError } from './http-error';
import './request-state';

/** Options of the article routes; registered inside the admin routes, which check the token. */
export interface ArticleRoutesOptions {
  /** The graph written to. */
  readonly graph: LiveGraph;
  /** Where writes are logged. */
  readonly logger: Logger;
  /** Largest article body, in bytes; a larger one gets 413. Default 2 MiB. */
  readonly maxArticleBytes?: number;
}

const WRITTEN = {
  type: 'object',
  properties: {
    status: { type: 'string' },
    articleId: { type: 'string' },
    created: { type: 'boolean' },
    entitiesAdded: { type: 'array', items: { type: 'string' } },
    entitiesReplaced: { type: 'array', items: { type: 'string' } },
    previousVersion: { type: 'string' },
    version: { type: 'string' },
    articles: { type: 'integer' },
    nodes: { type: 'integer' },
    edges: { type: 'integer' },
  },
  required: ['status', 'articleId', 'previousVersion', 'version', 'articles', 'nodes', 'edges'],
} as const;

const SLUG = { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] } as const;

/** The error reply of a write that was not done. */
function refusal(outcome: Extract<WriteOutcome, { ok: false }>, version: string): HttpError {
  switch (outcome.code) {
    case 'INVALID_GRAPH_DATA':
      return new HttpError(422, outcome.code, outcome.message, {}, { problems: outcome.problems ?? [], version });
    case 'NOT_FOUND':
      return new HttpError(404, outcome.code, outcome.message, {}, { version });
    case 'RELOAD_IN_PROGRESS':
      return new HttpError(503, outcome.code, outcome.message, { 'retry-after': '5' }, { version });
  }
}

/**
 * The write API: `PUT /articles/<slug>` with `{"article": ..., "entities": [...]}`
 * puts an article (new, or replacing the one of that slug), `DELETE
 * /articles/<slug>` removes one. Each is checked as the loader checks the
 * data files, in the data files (durably) before the reply, and in the
 * version current for every request after it; writes are applied one after
 * the other.
 */
export const articleRoutes: FastifyPluginCallback<ArticleRoutesOptions> = (fastify, options, done) => {
  const { graph, logger } = options;
  const bodyLimit = options.maxArticleBytes ?? 2 * 1024 * 1024;

  const written = async (outcome: WriteOutcome, status: 'applied' | 'deleted') => {
    const summary = await graph.summary();
    if (!outcome.ok) throw refusal(outcome, summary.version);
    logger.info(
      { event: 'write', status, articleId: outcome.articleId, created: outcome.created, previousVersion: outcome.previousVersion, version: outcome.version },
      `${status} ${outcome.articleId}`,
    );
    const { ok: _ok, ...done } = outcome;
    return { status, ...done, ...summary, version: outcome.version };
  };

  fastify.put<{ Params: { slug: string } }>(
    '/:slug',
    {
      bodyLimit,
      config: { gated: true, bodyHint: 'Send one article and the entities it brings, in the graph-data format.' },
      schema: { params: SLUG, response: { 200: WRITTEN } },
    },
    async (request) => written(await graph.putArticle(request.params.slug, request.body), 'applied'),
  );
  fastify.delete<{ Params: { slug: string } }>('/:slug', { config: { gated: true }, schema: { params: SLUG, response: { 200: WRITTEN } } }, async (request) =>
    written(await graph.deleteArticle(request.params.slug), 'deleted'),
  );
  fastify.route({
    method: ['GET', 'HEAD', 'POST', 'PATCH'],
    url: '/:slug',
    handler: async () => {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Write an article with PUT /admin/articles/<slug>, or remove it with DELETE.', { allow: 'PUT, DELETE' });
    },
  });
  done();
};
