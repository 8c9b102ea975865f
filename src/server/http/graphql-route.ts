import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphStore, LiveGraph } from '../../graph';
import type { GraphContext } from '../../schema';
import { dropServedResponse } from '../newsgraph-release-request-plugin';
import { withRequestRecord } from '../request-record';
import { HttpError } from './http-error';
import './request-state';

/** Options of the GraphQL route. */
export interface GraphqlRouteOptions {
  /** The started Apollo server. */
  readonly apollo: ApolloServer<GraphContext>;
  /** The graph being served: each request reads the version current when it is served. */
  readonly graph: LiveGraph;
  /** The context of one request over the store of the graph version it reads. */
  readonly createContext: (store: GraphStore) => GraphContext;
}

/** Content types whose body is parsed as JSON; any other body goes to Apollo as text, which refuses it. */
const JSON_BODY = /^application\/(graphql-response\+)?json\b/i;

/** Parses a JSON body, refusing malformed JSON with 400 BAD_REQUEST. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `The request body is not valid JSON (${(error as Error).message}). Send a JSON object such as {"query": "{ stats { nodeCount } }"}.`,
    );
  }
}

/** The `extensions.code` of each error in a GraphQL response body. */
function errorCodesIn(body: string): string[] | undefined {
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] }).errors;
    return errors?.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  } catch {
    return undefined;
  }
}

/**
 * GraphQL at `/graphql` (GET and POST), served by Apollo through
 * @as-integrations/fastify (a browser opening it gets the landing page, see
 * webPages). The route is gated (MAX_CONCURRENT_REQUESTS) and its
 * answers may be kept by the response cache. Register it without
 * fastify-plugin: its body parser is its own.
 */
export const graphqlRoute: FastifyPluginCallback<GraphqlRouteOptions> = (fastify, options, done) => {
  const { graph, createContext } = options;
  const apolloHandler = fastifyApolloHandler<GraphContext>(options.apollo, {
    context: async (request) => withRequestRecord(createContext(request.graphStore!), request.record),
  });

  // Bodies are kept as text: a repeated request is answered from the response
  // cache by its text alone, and JSON is parsed only when Apollo is to run it.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, parsed) => parsed(null, body));

  async function serveGraphQL(request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
    // Taken once: the response cache may have taken it already, for its key.
    request.graphStore ??= graph.current;
    const text = request.body;
    if (typeof text === 'string' && text !== '' && JSON_BODY.test(request.headers['content-type'] ?? '')) request.body = parseJson(text);
    const body = (await apolloHandler.call(fastify, request as never, reply as never)) as string | undefined;
    dropServedResponse(request.record);
    // The store could not reach its database: not the client's fault, and worth retrying.
    if (request.record.errorCodes?.includes('DATABASE_UNAVAILABLE')) reply.code(503).header('retry-after', '1');
    // Refused before the GraphQL pipeline started (bad request, CSRF): the codes are only in the body.
    if (reply.statusCode >= 400 && request.record.errorCodes === undefined && typeof body === 'string') request.record.errorCodes = errorCodesIn(body);
    // A timeout reply may have been sent meanwhile; this late answer is dropped.
    return reply.sent ? undefined : body;
  }

  fastify.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    // HEAD is not a GraphQL method: 405 like PUT.
    exposeHeadRoute: false,
    config: { gated: true, responseCache: true },
    handler: serveGraphQL,
  });
  done();
};
