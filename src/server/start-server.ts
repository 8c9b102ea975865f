import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { GraphStore, LiveGraph } from '../graph';
import type { GraphContext } from '../schema';
import { type ApolloServerOptions, createApolloServer } from './create-apollo-server';
import { createHttpServer } from './http';
import { type ReloadOutcome, reloadGraph } from './reload-graph';
import { ResponseCache } from './response-cache';

/** What the server serves and how, beside the configuration: given by the composition root. */
export interface ServerParts {
  /** The graph being served. */
  readonly graph: LiveGraph;
  /** The GraphQL schema, built from the resolvers. */
  readonly schema: GraphQLSchema;
  /** The context of one request over the store of the graph version current at its start, with node IRIs under `iriBase`. */
  readonly createContext: (store: GraphStore, iriBase: string) => GraphContext;
  /** Where the service logs. */
  readonly logger: Logger;
  /** Extra Apollo plugins, run after the service's own. Default none. */
  readonly plugins?: ApolloServerOptions['plugins'];
  /** The built web pages (`dist/web`). Default unset: no pages are served. */
  readonly webDir?: string;
}

/** A running service. */
export interface Service {
  /** The GraphQL endpoint, such as `http://localhost:4000/graphql`. */
  readonly url: string;
  /** The port listened on (useful with `PORT=0`). */
  readonly port: number;
  /** Base of node IRIs: IRI_BASE, or the service's own `/id/` (`http://localhost:4000/id/`). */
  readonly iriBase: string;
  /** The graph being served. */
  readonly graph: LiveGraph;
  /** Requests being served now. */
  readonly inFlight: number;
  /** Re-reads, validates and swaps in the graph data; on any problem keeps the graph served and says why. */
  reload(trigger?: string): Promise<ReloadOutcome>;
  /**
   * Stops taking requests, lets those in flight finish within the grace
   * period, and stops. Resolves with the number of requests cut off; calling
   * it again returns the same promise.
   */
  close(): Promise<{ unfinished: number }>;
}

/** The origin clients use for an address the server listens on. */
function originOf(host: string | undefined, port: number): string {
  const name = host === undefined || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/**
 * Starts Apollo over the schema and the HTTP server over the graph, and
 * listens. Signals are left to the caller (see `main.ts`).
 */
export async function startServer(config: Config, parts: ServerParts): Promise<Service> {
  const { graph, logger } = parts;
  const apollo = createApolloServer(parts.schema, {
    production: config.production,
    introspection: config.introspection,
    cacheMaxAge: config.cacheMaxAge,
    executor: config.executor,
    limits: config.queryLimits,
    logger: logger.child({ component: 'apollo' }),
    plugins: parts.plugins,
  });
  await apollo.start();
  const responseCache = new ResponseCache({ maxBytes: config.responseCacheBytes });
  // The default base is the service's own /id/, known once it listens (PORT=0 picks the port); no request comes before.
  let iriBase = config.iriBase ?? '';
  const http = await createHttpServer({
    apollo,
    graph,
    createContext: (store) => parts.createContext(store, iriBase),
    iriBase: () => iriBase,
    logger,
    adminToken: config.adminToken,
    responseCache,
    trustProxy: config.trustProxy,
    webDir: parts.webDir,
    ...config.httpLimits,
  });
  try {
    // Node's own listen rather than app.listen: with no host Node binds every interface (Fastify would bind localhost), and the start line is the service's own.
    await new Promise<void>((resolve, reject) => {
      http.server.once('error', reject);
      http.server.listen({ port: config.port, host: config.host }, () => {
        http.server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await http.app.close();
    await apollo.stop();
    throw error;
  }
  const { port } = http.server.address() as AddressInfo;
  const origin = originOf(config.host, port);
  const url = `${origin}/graphql`;
  iriBase = config.iriBase ?? `${origin}/id/`;
  const summary = await graph.summary();
  logger.info(
    {
      event: 'start',
      url,
      port,
      iriBase,
      dataDir: graph.origin,
      ...summary,
      production: config.production,
      introspection: config.introspection,
      reloadRoute: config.adminToken !== undefined,
    },
    `newsgraph listening on ${url}, serving ${summary.articles} article(s), ${summary.nodes} nodes and ${summary.edges} edges (version ${summary.version}) from ${graph.origin}`,
  );

  let closing: Promise<{ unfinished: number }> | undefined;
  return {
    url,
    port,
    iriBase,
    graph,
    get inFlight() {
      return http.inFlight;
    },
    reload: (trigger = 'call') => reloadGraph(graph, logger, trigger),
    close() {
      closing ??= (async () => {
        logger.info({ event: 'stop', inFlight: http.inFlight }, `newsgraph stopping: finishing ${http.inFlight} request(s) in flight`);
        const result = await http.close();
        await apollo.stop();
        await graph.close?.();
        if (result.unfinished > 0)
          logger.warn({ event: 'stopped', ...result }, `newsgraph stopped; ${result.unfinished} request(s) did not finish within the grace period`);
        else logger.info({ event: 'stopped', ...result }, 'newsgraph stopped');
        return result;
      })();
      return closing;
    },
  };
}
