import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import pino, { type Logger } from 'pino';
import type { HttpLimits } from '../config';
import { type GraphStore, GraphStoreUnavailableError, type LiveGraph } from '../graph';
import type { GraphContext } from '../schema';
import { reloadGraph } from './reload-graph';
import { dropServedResponse } from './newsgraph-release-request-plugin';
import { type RequestRecord, withRequestRecord } from './request-record';
import { type CachedResponse, etagOf, type ResponseCache } from './response-cache';

/** Options of the HTTP layer. */
export interface HttpServerOptions extends HttpLimits {
  /** The started Apollo server. */
  readonly apollo: ApolloServer<GraphContext>;
  /** The graph being served. */
  readonly graph: LiveGraph;
  /** The context of one request over the store of the graph version current at its start. */
  readonly createContext: (store: GraphStore) => GraphContext;
  /** Where the request lines and reloads are logged. Default: nowhere. */
  readonly logger?: Logger;
  /** Bearer token that `POST /admin/reload` requires. Default unset: the route does not exist (404). */
  readonly adminToken?: string;
  /** Keeps successful answers for identical requests to the same graph version. Default: none. */
  readonly responseCache?: ResponseCache;
}

/** The HTTP server of the service and its shutdown. */
export interface GraphHttpServer {
  readonly server: Server;
  /** Requests being served now (a request's work can outlast its timeout reply). */
  readonly inFlight: number;
  /** True once `close` has been called: `/readyz` answers 503 and new requests are refused. */
  readonly closing: boolean;
  /**
   * Stops taking requests (new ones get 503 SHUTTING_DOWN, `/readyz` 503),
   * lets those in flight finish for at most `shutdownGraceMs`, then closes the
   * port and every connection. Resolves with the number of requests cut off.
   */
  close(): Promise<{ unfinished: number }>;
}

/**
 * CORS: any origin may call the API (Sandbox, browser dashboards). A browser
 * sends an Origin header with every cross-origin request; the answer to it
 * says that any origin may read the response, and which of our headers it
 * may see. Requests without one (servers, scripts) get no CORS headers.
 */
const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'etag, retry-after, x-newsgraph-cache',
};

/** The answer to a preflight (OPTIONS) request: what a cross-origin request may send, for a day. */
const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers':
    'content-type, apollo-require-preflight, x-apollo-operation-name, apollographql-client-name, apollographql-client-version, if-none-match',
  'access-control-max-age': '86400',
};

const NO_HEADERS: Readonly<Record<string, string>> = {};

const JSON_TYPE = 'application/json; charset=utf-8';

/** A request the HTTP layer refuses before GraphQL sees it, with its status and stable code. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** What the HTTP layer knows of one request while serving it. */
interface Exchange {
  readonly record: RequestRecord;
  /** The CORS headers every reply carries (none unless the request came with an Origin header). */
  readonly cors: Readonly<Record<string, string>>;
  /** True once the server is closing: every reply then closes its connection. */
  readonly closing: () => boolean;
  /** The query string of the request target as sent, "?" included; empty when there is none. */
  readonly search: string;
  /** The body has been read whole (or there is none). */
  bodyReceived: boolean;
}

/** Sends `body` as JSON unless a reply has already begun (a timeout reply, say). */
function sendJson(res: ServerResponse, exchange: Exchange, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const json = JSON.stringify(body);
  setReplyHeaders(res, exchange, status, Object.entries(headers));
  res.setHeader('content-type', JSON_TYPE);
  res.setHeader('content-length', Buffer.byteLength(json));
  res.end(json);
}

/** Sends an error in the GraphQL response shape, and notes its code for the log line. */
function sendError(res: ServerResponse, exchange: Exchange, error: HttpError, extensions: Record<string, unknown> = {}): void {
  if (res.headersSent) return;
  exchange.record.errorCodes = [error.code];
  sendJson(res, exchange, error.status, { errors: [{ message: error.message, extensions: { code: error.code, ...extensions } }] }, error.headers);
}

/**
 * Reads the whole body, refusing it (413) as soon as it is known to be over
 * `limit` bytes. The rest of a refused body is read and dropped, so that the
 * client, still sending, gets the reply rather than a reset connection.
 */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () =>
      new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is over the limit of ${limit} bytes. Send a shorter query, with fewer or smaller variables.`, {
        connection: 'close',
      });
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      done = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    const abandoned = () => {
      if (!done) reject(new HttpError(400, 'BAD_REQUEST', 'The connection closed before the request body was complete.'));
      done = true;
    };
    req.on('close', abandoned);
    // Once the reply is out (a timeout reply, say) nobody waits for the rest of the body.
    res.on('close', abandoned);
    req.on('error', () => {
      if (!done) reject(new HttpError(400, 'BAD_REQUEST', 'The request body could not be read.'));
    });
  });
}

/** Parses a JSON body, refusing malformed JSON with 400; other content types go to Apollo as text, which refuses them. */
function parseBody(req: IncomingMessage, raw: string): unknown {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(graphql-response\+)?json\b/i.test(type) || raw === '') return raw;
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `The request body is not valid JSON (${(error as Error).message}). Send a JSON object such as {"query": "{ stats { nodeCount } }"}.`,
    );
  }
}

/** Compares two secrets in time that does not depend on where they differ (or on their lengths). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Waits for `promise`, but not past `deadline` (a Date.now() time). */
async function within(promise: Promise<void>, deadline: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))))]);
  clearTimeout(timer);
}

/** Sets the status and headers of a GraphQL reply: the request's CORS headers, the answer's own, and `connection: close` while closing. */
function setReplyHeaders(res: ServerResponse, exchange: Exchange, status: number, headers: Iterable<readonly [string, string]>): void {
  res.statusCode = status;
  for (const name in exchange.cors) res.setHeader(name, exchange.cors[name]);
  for (const [name, value] of headers) res.setHeader(name, value);
  if (exchange.closing()) res.setHeader('connection', 'close');
}

/** Writes a kept (or just kept) answer, or 304 when the client already holds these bytes. */
function sendCached(req: IncomingMessage, res: ServerResponse, exchange: Exchange, cached: CachedResponse, hit: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const notModified = req.headers['if-none-match'] === cached.etag;
  setReplyHeaders(res, exchange, notModified ? 304 : cached.status, cached.headers);
  res.setHeader('etag', cached.etag);
  res.setHeader('x-newsgraph-cache', hit ? 'hit' : 'miss');
  if (notModified) {
    res.end();
  } else {
    res.setHeader('content-length', cached.body.length);
    res.end(cached.body);
  }
}

async function serveGraphQL(req: IncomingMessage, res: ServerResponse, options: HttpServerOptions, exchange: Exchange): Promise<void> {
  const raw = req.method === 'POST' ? await readBody(req, res, options.maxBodyBytes ?? 100_000) : '';
  exchange.bodyReceived = true;
  // Apollo reads a GET's operation from the query string.
  const { search } = exchange;
  const store = options.graph.current;
  const version = store.version;

  // A repeated request is answered from the cache: its first answer went through
  // the whole pipeline, every limit included, and the graph has not changed since.
  // (So its body was valid JSON then, and needs no parsing now.)
  const cache = options.responseCache?.enabled ? options.responseCache : undefined;
  const key = cache?.key(
    {
      method: req.method ?? 'GET',
      search,
      body: raw,
      contentType: req.headers['content-type'] ?? '',
      accept: req.headers.accept ?? '',
      preflighted: req.headers['apollo-require-preflight'] !== undefined || req.headers['x-apollo-operation-name'] !== undefined,
    },
    version,
  );
  const kept = key === undefined ? undefined : cache!.get(key, version);
  if (kept) {
    exchange.record.operationName = kept.operationName;
    exchange.record.cost = kept.cost;
    sendCached(req, res, exchange, kept, true);
    return;
  }

  const body = req.method === 'POST' ? parseBody(req, raw) : undefined;
  const context = withRequestRecord(options.createContext(store), exchange.record);
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
    context: async () => context,
  });
  dropServedResponse(exchange.record);
  let status = response.status ?? 200;
  if (exchange.record.errorCodes?.includes('DATABASE_UNAVAILABLE')) {
    // The store could not reach its database: not the client's fault, and worth retrying.
    status = 503;
    response.headers.set('retry-after', '1');
  }
  if (response.body.kind === 'complete' && status >= 400 && !exchange.record.errorCodes) {
    // Refused before the GraphQL pipeline started (bad request, CSRF): the codes are only in the body.
    exchange.record.errorCodes = errorCodesIn(response.body.string);
  }
  if (key !== undefined && response.body.kind === 'complete' && status === 200 && !exchange.record.errorCodes && version === options.graph.current.version) {
    const bytes = Buffer.from(response.body.string, 'utf8');
    const cached: CachedResponse = {
      status,
      headers: [...response.headers].filter(([name]) => name !== 'content-length'),
      body: bytes,
      etag: etagOf(bytes),
      operationName: exchange.record.operationName,
      cost: exchange.record.cost,
    };
    cache!.set(key, version, cached);
    sendCached(req, res, exchange, cached, false);
    return;
  }
  // A timeout reply may have been sent meanwhile; this late answer is dropped.
  if (res.headersSent || res.destroyed) return;
  setReplyHeaders(res, exchange, status, response.headers);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
  } else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
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

async function serveReload(req: IncomingMessage, res: ServerResponse, options: HttpServerOptions, exchange: Exchange, logger: Logger): Promise<void> {
  if (req.method !== 'POST') {
    throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Reload with POST /admin/reload.', { allow: 'POST' });
  }
  const match = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
  if (!match) {
    throw new HttpError(401, 'UNAUTHENTICATED', 'Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>".', {
      'www-authenticate': 'Bearer realm="newsgraph admin"',
    });
  }
  if (!sameSecret(match[1], options.adminToken!)) {
    throw new HttpError(403, 'FORBIDDEN', 'The admin token is not the one this service was started with (ADMIN_TOKEN).');
  }
  // The body carries nothing, but is read (within the limit) to keep the connection usable.
  await readBody(req, res, options.maxBodyBytes ?? 100_000);
  exchange.bodyReceived = true;
  const outcome = await reloadGraph(options.graph, logger, 'http');
  if (outcome.ok) {
    sendJson(res, exchange, 200, { status: 'reloaded', previousVersion: outcome.previousVersion, changed: outcome.changed, ...outcome.graph });
  } else {
    sendError(res, exchange, new HttpError(outcome.code === 'INVALID_GRAPH_DATA' ? 422 : 500, outcome.code, outcome.message), {
      problems: outcome.problems,
      version: outcome.graph.version,
    });
  }
}

/**
 * Creates the HTTP server: GraphQL (and the Sandbox landing page) at
 * `/graphql`, liveness at `/healthz`, readiness at `/readyz`, and
 * `POST /admin/reload` when an admin token is set. Refuses bodies over the
 * size limit, requests over the concurrency limit, and answers requests that
 * outlast the timeout; logs one line per request.
 */
export function createHttpServer(options: HttpServerOptions): GraphHttpServer {
  const logger = options.logger ?? pino({ level: 'silent' });
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const maxConcurrent = options.maxConcurrentRequests ?? 256;
  let inFlight = 0;
  let closing = false;
  let idle: (() => void)[] = [];

  const finishWork = () => {
    inFlight--;
    if (inFlight === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };

  const server = createServer(
    {
      // Node's own limits only back ours up: they answer a client too slow to send its headers or body.
      headersTimeout: timeoutMs + 1_000,
      requestTimeout: timeoutMs + 2_000,
      connectionsCheckingInterval: Math.min(1_000, timeoutMs),
    },
    (req, res) => {
      const started = process.hrtime.bigint();
      const target = req.url ?? '/';
      const queryAt = target.indexOf('?');
      const path = queryAt < 0 ? target : target.slice(0, queryAt);
      const exchange: Exchange = {
        record: {},
        cors: req.headers.origin === undefined ? NO_HEADERS : CORS_HEADERS,
        search: queryAt < 0 ? '' : target.slice(queryAt),
        bodyReceived: req.method !== 'POST',
        closing: () => closing,
      };
      res.on('close', () => {
        const { operationName, errorCodes, cost } = exchange.record;
        logger.info(
          {
            event: 'request',
            method: req.method,
            // The path only: a GET query string carries the variables' values.
            path,
            status: res.statusCode,
            durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
            ...(operationName !== undefined && { operationName }),
            ...(errorCodes && { errorCodes }),
            ...(cost !== undefined && { cost: Number.isFinite(cost) ? cost : 'unbounded' }),
            ...(!res.writableFinished && { aborted: true }),
          },
          'request',
        );
      });
      const route = async (): Promise<void> => {
        if (req.method === 'OPTIONS') {
          res.writeHead(204, { ...PREFLIGHT_HEADERS, ...(closing && { connection: 'close' }) });
          res.end();
          return;
        }
        if (path === '/healthz' || path === '/readyz') {
          if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'METHOD_NOT_ALLOWED', `Use GET ${path}.`, { allow: 'GET, HEAD' });
          if (path === '/healthz') sendJson(res, exchange, 200, { status: 'ok' });
          else if (closing) sendJson(res, exchange, 503, { status: 'shutting down' });
          else {
            const summary = await options.graph.summary().catch((error: unknown) => {
              if (error instanceof GraphStoreUnavailableError) return undefined;
              throw error;
            });
            if (summary) sendJson(res, exchange, 200, { status: 'ready', ...summary });
            else sendJson(res, exchange, 503, { status: 'database unavailable', errors: [{ message: 'The graph database cannot be reached.', extensions: { code: 'DATABASE_UNAVAILABLE' } }] });
          }
          return;
        }
        if (path === '/') {
          res.writeHead(302, { location: '/graphql', ...(closing && { connection: 'close' }) });
          res.end();
          return;
        }
        const isGraphQL = path === '/graphql';
        if (!isGraphQL && !(path === '/admin/reload' && options.adminToken !== undefined)) {
          throw new HttpError(404, 'NOT_FOUND', `No such path: ${path}. The GraphQL endpoint is /graphql.`);
        }
        if (closing) throw new HttpError(503, 'SHUTTING_DOWN', 'The service is shutting down; retry on another instance or in a moment.', { 'retry-after': '1' });
        if (inFlight >= maxConcurrent) {
          throw new HttpError(503, 'SERVER_BUSY', `The service is serving its limit of ${maxConcurrent} requests at once; retry in a moment.`, { 'retry-after': '1' });
        }
        inFlight++;
        const timer = setTimeout(() => {
          const [status, message] = exchange.bodyReceived
            ? [503, `The request took longer than ${timeoutMs} ms to serve. Ask for less (smaller pages, fewer fields) or retry later.`]
            : [408, `The request body did not arrive within ${timeoutMs} ms.`];
          sendError(res, exchange, new HttpError(status, 'REQUEST_TIMEOUT', message, { connection: 'close' }));
          // A client that stopped sending would hold the connection open: end it once the reply is out.
          if (!exchange.bodyReceived) res.once('finish', () => req.socket.end());
        }, timeoutMs);
        try {
          if (isGraphQL) await serveGraphQL(req, res, options, exchange);
          else await serveReload(req, res, options, exchange, logger);
        } finally {
          clearTimeout(timer);
          finishWork();
        }
      };

      route().catch((error: unknown) => {
        if (error instanceof HttpError) {
          sendError(res, exchange, error);
        } else if (res.headersSent) {
          res.destroy();
        } else {
          logger.error({ err: error, method: req.method, path }, 'unexpected error serving a request');
          sendError(res, exchange, new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error.'));
        }
      });
    },
  );

  // Requests node:http cannot parse never reach the handler; they get a JSON error all the same.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, reason, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'HEADERS_TOO_LARGE', 'The request line and headers are too large; send the query in a POST body.']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'REQUEST_TIMEOUT', `The request did not arrive within ${timeoutMs} ms.`]
          : [400, 'Bad Request', 'BAD_REQUEST', 'The request is not valid HTTP/1.1.'];
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    logger.info({ event: 'request', status, errorCodes: [code] }, 'request');
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: ${JSON_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  return {
    server,
    get inFlight() {
      return inFlight;
    },
    get closing() {
      return closing;
    },
    async close() {
      closing = true;
      const deadline = Date.now() + (options.shutdownGraceMs ?? 10_000);
      // The port stays open while requests are in flight, so that new ones get a clear 503 (and /readyz 503).
      if (inFlight > 0) await within(new Promise<void>((resolve) => idle.push(resolve)), deadline);
      const unfinished = inFlight;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Replies sent while closing carry "connection: close", so their connections end once flushed.
      if (unfinished === 0) await within(closed, deadline);
      server.closeAllConnections();
      await closed;
      return { unfinished };
    },
  };
}
