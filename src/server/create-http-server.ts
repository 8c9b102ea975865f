import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import { createLoaders } from '../loaders';
import type { GraphContext } from '../schema';
import type { LiveGraph } from './live-graph';

/** Options of the HTTP layer. */
export interface HttpServerOptions {
  /** The started Apollo server. */
  readonly apollo: ApolloServer<GraphContext>;
  /** The graph being served. */
  readonly graph: LiveGraph;
  /** Base of node IRIs. */
  readonly iriBase: string;
  /** Largest request body accepted, in bytes. Default 100 kB. */
  readonly maxBodyBytes?: number;
}

/** CORS headers: any origin may call the API (Sandbox, browser dashboards). */
const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, apollo-require-preflight, x-apollo-operation-name, apollographql-client-name, apollographql-client-version',
  'access-control-max-age': '86400',
};

/** A request the HTTP layer refuses before GraphQL sees it. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Reads the whole body, refusing it (413) as soon as it grows past `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      reject(new HttpError(413, `request body is ${declared} bytes; the limit is ${limit}`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `request body is over the limit of ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses a JSON body, refusing malformed JSON with 400. */
function parseBody(req: IncomingMessage, raw: string): unknown {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(graphql-response\+)?json\b/i.test(type) || raw === '') return raw;
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new HttpError(400, `request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Creates the context of one request: the snapshot current at its start, and fresh DataLoaders. */
export function createRequestContext(graph: LiveGraph, iriBase: string): GraphContext {
  const store = graph.current;
  return { store, loaders: createLoaders(store), iriBase };
}

async function serveGraphQL(req: IncomingMessage, res: ServerResponse, options: HttpServerOptions): Promise<void> {
  const raw = req.method === 'POST' ? await readBody(req, options.maxBodyBytes ?? 100_000) : '';
  const body = req.method === 'POST' ? parseBody(req, raw) : undefined;
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const context = createRequestContext(options.graph, options.iriBase);
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => context,
  });
  res.statusCode = response.status ?? 200;
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
  } else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/**
 * Creates the HTTP server: GraphQL (and the Sandbox landing page) at
 * `/graphql`, liveness at `/healthz`, readiness at `/readyz`.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const handle = async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS_HEADERS);
        res.end();
      } else if (path === '/graphql') {
        await serveGraphQL(req, res, options);
      } else if (path === '/healthz') {
        sendJson(res, 200, { status: 'ok' });
      } else if (path === '/readyz') {
        sendJson(res, 200, { status: 'ready', version: options.graph.current.version });
      } else if (path === '/') {
        res.writeHead(302, { location: '/graphql' });
        res.end();
      } else {
        throw new HttpError(404, `no such path: ${path}; the GraphQL endpoint is /graphql`);
      }
    };
    handle().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      else sendJson(res, 500, { errors: [{ message: 'internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    });
  });
}
