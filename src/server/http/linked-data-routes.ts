import { Readable } from 'node:stream';
import type { FastifyPluginCallback, FastifyReply } from 'fastify';
import { GraphQueryError, type LiveGraph } from '../../graph';
import { describeNodes, dumpJsonLd, dumpNTriples, jsonLdContext, renderNodePage, terms, toNTriples, vocabularyDocument, vocabularyOf } from '../../linked-data';
import { HttpError } from './http-error';
import './request-state';

/** Options of the linked-data routes. */
export interface LinkedDataRoutesOptions {
  /** The graph served: each request reads the version current when it arrives. */
  readonly graph: LiveGraph;
  /** Base of node IRIs (known once the service listens: by default its own `/id/`). */
  readonly iriBase: () => string;
}

/** What a node's IRI can be answered with, in the order preferred when a client likes several as much. */
const FORMATS = [
  { type: 'application/ld+json', format: 'jsonld' },
  { type: 'text/html', format: 'html' },
  { type: 'application/n-triples', format: 'ntriples' },
  { type: 'application/json', format: 'jsonld' },
] as const;

type Format = (typeof FORMATS)[number]['format'];

const SERVED = 'application/ld+json (JSON-LD), text/html (a page with the JSON-LD in it) or application/n-triples';

/**
 * The format an `Accept` header asks for (RFC 9110, section 12.5.1): for
 * each format, the quality of the most specific media range that matches
 * it; the best quality wins, then the order of FORMATS. No header, or an
 * empty one, is JSON-LD; null when no format is acceptable.
 */
export function negotiateFormat(accept: string | undefined): Format | null {
  if (!accept || accept.trim() === '') return 'jsonld';
  const ranges = accept.split(',').map((part) => {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { range: range.trim(), q: q === undefined ? 1 : Number(q.slice(2)) || 0 };
  });
  let best: { format: Format; q: number } | null = null;
  for (const { type, format } of FORMATS) {
    let matched: { specificity: number; q: number } | null = null;
    for (const { range, q } of ranges) {
      const specificity = range === type ? 2 : range === `${type.split('/')[0]}/*` ? 1 : range === '*/*' ? 0 : -1;
      if (specificity >= 0 && (!matched || specificity > matched.specificity)) matched = { specificity, q };
    }
    if (matched && matched.q > 0 && (!best || matched.q > best.q)) best = { format, q: matched.q };
  }
  return best?.format ?? null;
}

/** Sends text made piece by piece, as it is read: the client's pace holds the making back. */
function sendStream(reply: FastifyReply, type: string, pieces: AsyncGenerator<string>): FastifyReply {
  return reply.type(type).send(Readable.from(pieces));
}

/**
 * Linked data: `GET /id/<id>` dereferences a node's IRI to JSON-LD in
 * schema.org terms, a readable page (for a browser) or N-Triples, chosen by
 * `Accept` (406 NOT_ACCEPTABLE when none fits; 404 NOT_FOUND for an unknown
 * id); `?list=<term>&after=<cursor>` continues a list cut short (each is
 * cut at LIST_LIMIT items, with a `more` entry naming where it goes on).
 * `GET /context.jsonld` is the JSON-LD context alone, `GET /vocab` newsgraph's
 * own vocabulary (the terms schema.org lacks); `GET /dump.jsonld` and
 * `GET /dump.nt` stream the whole graph version current at their start, a
 * batch at a time. Plain GETs: no preflight header is needed.
 */
export const linkedDataRoutes: FastifyPluginCallback<LinkedDataRoutesOptions> = (fastify, options, done) => {
  const { graph, iriBase } = options;
  const context = () => jsonLdContext(vocabularyOf(iriBase()));

  fastify.get<{ Params: { '*': string }; Querystring: { list?: string; after?: string } }>(
    '/id/*',
    {
      config: { gated: true },
      schema: {
        querystring: { type: 'object', properties: { list: { type: 'string', minLength: 1 }, after: { type: 'string' } }, additionalProperties: false },
      },
    },
    async (request, reply) => {
      reply.header('vary', 'accept');
      const format = negotiateFormat(request.headers.accept);
      if (format === null) throw new HttpError(406, 'NOT_ACCEPTABLE', `A node's IRI is served as ${SERVED}; send an Accept header that takes one of them.`);
      const id = request.params['*'];
      const store = graph.current;
      const [node] = await store.getNodes([id]);
      if (!node)
        throw new HttpError(
          404,
          'NOT_FOUND',
          `No node has the id ${JSON.stringify(id)}. Ids look like person:mark-zuckerberg or quote:<article slug>/<key>; search for one with GraphQL at /graphql.`,
        );
      const { list, after } = request.query;
      let described;
      try {
        [described] = await describeNodes(store, [node], {
          iriBase: iriBase(),
          mode: 'document',
          page: list === undefined ? undefined : { list, after: after ?? '' },
        });
      } catch (error) {
        if (error instanceof GraphQueryError) throw new HttpError(400, 'BAD_USER_INPUT', error.message, {}, { argumentName: error.argument });
        throw error;
      }
      const document = { '@context': context(), ...described };
      switch (format) {
        case 'html':
          return reply.type('text/html; charset=utf-8').send(renderNodePage(document));
        case 'ntriples': {
          let blanks = 0;
          return reply
            .type('application/n-triples; charset=utf-8')
            .send(`${toNTriples(described, terms(vocabularyOf(iriBase())), () => `b${blanks++}`).join('\n')}\n`);
        }
        default:
          return reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(document));
      }
    },
  );

  fastify.get('/vocab', async (_request, reply) =>
    reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(vocabularyDocument(vocabularyOf(iriBase())))),
  );

  fastify.get('/context.jsonld', async (_request, reply) => reply.type('application/ld+json; charset=utf-8').send(JSON.stringify({ '@context': context() })));

  // Streamed: a dump may outlast REQUEST_TIMEOUT_MS once its first bytes are sent (see requestTimeout).
  fastify.get('/dump.jsonld', { config: { gated: true, streamed: true } }, async (_request, reply) =>
    sendStream(reply, 'application/ld+json; charset=utf-8', dumpJsonLd(graph.current, { iriBase: iriBase() })),
  );
  fastify.get('/dump.nt', { config: { gated: true, streamed: true } }, async (_request, reply) =>
    sendStream(reply, 'application/n-triples; charset=utf-8', dumpNTriples(graph.current, { iriBase: iriBase() })),
  );
  done();
};
