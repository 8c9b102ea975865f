import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import pino, { type Logger } from 'pino';
import type { HttpLimits } from '../../config';
import type { GraphStore, LiveGraph } from '../../graph';
import type { GraphContext } from '../../schema';
import { ResponseCache } from '../response-cache';
import { adminRoutes } from './admin-routes';
import { clientErrorHandler } from './client-errors';
import { concurrencyGate } from './concurrency-gate';
import { connectionLimit } from './connection-limit';
import { cors } from './cors';
import { errors } from './errors';
import { gracefulClose } from './graceful-close';
import { graphqlRoute } from './graphql-route';
import { healthRoutes } from './health-routes';
import { linkedDataRoutes } from './linked-data-routes';
import { rateLimit } from './rate-limit';
import { requestLog } from './request-log';
import { requestTimeout } from './request-timeout';
import { responseCache } from './response-cache';
import { webPages } from './web-pages';
import './request-state';

/** Options of the HTTP layer. */
export interface HttpServerOptions extends HttpLimits {
  /** The started Apollo server. */
  readonly apollo: ApolloServer<GraphContext>;
  /** The graph being served. */
  readonly graph: LiveGraph;
  /** The context of one request over the store of the graph version it reads. */
  readonly createContext: (store: GraphStore) => GraphContext;
  /** Base of node IRIs, for the linked data (known once the service listens). */
  readonly iriBase: () => string;
  /** Where the request lines and reloads are logged; Fastify's logger, so each request's lines carry its id. Default: nowhere. */
  readonly logger?: Logger;
  /** Bearer token that `POST /admin/reload` requires. Default unset: the route does not exist (404). */
  readonly adminToken?: string;
  /** Keeps successful answers for identical requests to the same graph version. Default: none. */
  readonly responseCache?: ResponseCache;
  /** Whether X-Forwarded-For names the client (Fastify's `trustProxy`), for the rate limit. Default false. */
  readonly trustProxy?: boolean;
  /** The built web pages (`dist/web`): the landing page, the explorer and GraphiQL. Default unset: no pages are served. */
  readonly webDir?: string;
}

/** The HTTP server of the service and its shutdown. */
export interface GraphHttpServer {
  /** The Fastify instance, ready (every plugin loaded), not yet listening. */
  readonly app: FastifyInstance;
  /** Its Node server, to listen on. */
  readonly server: Server;
  /** Requests in flight: from arrival until answered and their work has ended (it can outlast a timeout reply). */
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
 * Creates the HTTP server on Fastify: GraphQL at `/graphql`, linked data at
 * `/id/<id>` (and the dumps), the web pages (the landing page at `/`, and at
 * `/graphql` for a browser; `/explore`, `/graphiql`, `/sandbox`, and their
 * assets under `/web/`) when `webDir` is given, liveness at `/healthz`,
 * readiness at `/readyz`, and
 * `POST /admin/reload` when an admin token is set. Each concern is a plugin
 * of this folder; their order matters where noted. A new route is a plugin
 * registered beside the others, with `config: { gated: true }` when it does
 * work that should count against MAX_CONCURRENT_REQUESTS.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<GraphHttpServer> {
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const app = Fastify({
    loggerInstance: (options.logger ?? pino({ level: 'silent' })) as FastifyBaseLogger,
    // One line per request, the service's own (requestLog).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: options.maxBodyBytes ?? 100_000,
    // Node's own limits only back the requestTimeout plugin up: they end a client too slow to send its headers or body, and idle connections.
    requestTimeout: timeoutMs + 2_000,
    connectionTimeout: timeoutMs + 5_000,
    keepAliveTimeout: 5_000,
    http: { headersTimeout: timeoutMs + 1_000, connectionsCheckingInterval: Math.min(1_000, timeoutMs) },
    // Closing answers are the service's own (gracefulClose), and it closes connections itself.
    return503OnClosing: false,
    forceCloseConnections: false,
    clientErrorHandler: clientErrorHandler({ requestTimeoutMs: timeoutMs }),
  });
  app.decorateRequest('record', null as never);
  app.decorateRequest('graphStore', null);
  app.decorateRequest('cacheKey', null);
  app.decorateRequest('closeCallbacks', null);

  // Hooks that add to each route as it is added (errors, rateLimit, responseCache, concurrencyGate) go before the routes.
  await app.register(errors, { maxBodyBytes: options.maxBodyBytes });
  await app.register(requestLog);
  await app.register(gracefulClose, { shutdownGraceMs: options.shutdownGraceMs, shutdownQuietMs: options.shutdownQuietMs });
  await app.register(requestTimeout, { requestTimeoutMs: timeoutMs });
  await app.register(connectionLimit, { maxConnectionsPerClient: options.maxConnectionsPerClient });
  await app.register(cors);
  await app.register(rateLimit, { perMinute: options.rateLimitPerMinute });
  // Before the gate: a repeated request is answered from the cache without waiting for a slot.
  await app.register(responseCache, { cache: options.responseCache ?? new ResponseCache({ maxBytes: 0 }), graph: options.graph });
  await app.register(concurrencyGate, { maxConcurrentRequests: options.maxConcurrentRequests });

  await app.register(healthRoutes, { graph: options.graph, closing: () => app.gracefulClose.closing });
  // Before the GraphQL route: its hook answers a browser's GET of /graphql with the landing page.
  if (options.webDir !== undefined) await app.register(webPages, { webDir: options.webDir });
  await app.register(graphqlRoute, { apollo: options.apollo, graph: options.graph, createContext: options.createContext });
  await app.register(linkedDataRoutes, { graph: options.graph, iriBase: options.iriBase });
  if (options.adminToken !== undefined) {
    await app.register(adminRoutes, {
      prefix: '/admin',
      adminToken: options.adminToken,
      graph: options.graph,
      logger: app.log as unknown as Logger,
      maxArticleBytes: options.maxArticleBytes,
    });
  }
  await app.ready();

  return {
    app,
    server: app.server,
    get inFlight() {
      return app.gracefulClose.inFlight;
    },
    get closing() {
      return app.gracefulClose.closing;
    },
    close: () => app.gracefulClose.close(),
  };
}
