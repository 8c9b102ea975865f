import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { resolvers } from '../resolvers';
import { BUILT_WEB_DIR, type Config } from './config';
import { type GraphStore, type LiveGraph, MemoryLiveGraph, type WriteStep } from './graph';
import { PostgresLiveGraph } from './postgres';
import { buildGraphSchema, createGraphContext, type GraphContext } from './schema';
import type { ApolloServerOptions } from './server/create-apollo-server';
import { createLogger } from './server/create-logger';
import { type Service, startServer } from './server/start-server';

/**
 * The composition root: the one place that knows every layer and wires
 * them, graph ← loaders ← schema and resolvers ← server. `main.ts`, the
 * tests and the benchmarks build the service through it.
 */

let schema: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built from the resolvers once per process (it does not depend on the data). */
export function graphSchema(): Promise<GraphQLSchema> {
  schema ??= buildGraphSchema(resolvers);
  return schema;
}

/** The context of one request over the store it reads: fresh DataLoaders, and node IRIs under `iriBase`. */
export function createContext(store: GraphStore, iriBase: string): GraphContext {
  return createGraphContext(store, { iriBase });
}

/** The request context factory for a fixed IRI base (in-process tests and benchmarks, which listen nowhere). */
export function contextFactory(options: { readonly iriBase: string }): (store: GraphStore) => GraphContext {
  return (store) => createContext(store, options.iriBase);
}

/**
 * Opens the graph the configuration names: the PostgreSQL database of
 * `DATABASE_URL` when it is set (nothing is loaded; throws when the database
 * cannot be reached, is not migrated or holds no graph), else the
 * graph-data folder, read into memory a slice at a time (`between` runs
 * between slices, and may throw to stop: a signal during a long load;
 * throws a GraphDataError listing every problem).
 */
export async function openLiveGraph(
  config: Pick<Config, 'graphDataDir'> & Partial<Pick<Config, 'faultAt' | 'maxDataFileBytes' | 'databaseUrl' | 'databasePoolSize'>>,
  options: { readonly between?: () => void; readonly logger?: Logger } = {},
): Promise<LiveGraph> {
  if (config.databaseUrl) {
    const logger = options.logger;
    return PostgresLiveGraph.open({
      connectionString: config.databaseUrl,
      maxConnections: config.databasePoolSize,
      onEvent: ({ event, message }) => (event === 'listen-lost' ? logger?.warn({ event: 'database' }, message) : logger?.info({ event: 'database' }, message)),
    });
  }
  return MemoryLiveGraph.open(config.graphDataDir, {
    slices: { between: options.between },
    read: { maxFileBytes: config.maxDataFileBytes },
    onWriteStep: config.faultAt ? stopAt(config.faultAt) : undefined,
  });
}

/** A write-step hook that kills the process outright at one step (`NEWSGRAPH_FAULT_AT`, for tests of durability). */
function stopAt(step: string): (done: WriteStep) => void {
  return (done) => {
    if (done === step) process.kill(process.pid, 'SIGKILL');
  };
}

/**
 * Collects, in one full collection before the service listens, the garbage
 * a load leaves behind (the files' bytes and parsed JSON: gigabytes at
 * 100,000 articles), when Node.js exposes `gc` (`npm start` runs it with
 * `--expose-gc`). Otherwise V8 marks that heap a step at a time on the main
 * thread while the first requests are answered: after a load of 100,000
 * articles, 10.5 s of marking steps over 12.5 s (README, "Node.js").
 */
export function settleHeap(logger: Logger, gc = (globalThis as { gc?: () => void }).gc): void {
  if (!gc) return;
  const started = performance.now();
  gc();
  const ms = Math.round(performance.now() - started);
  logger.info({ event: 'load', settleMs: ms }, `newsgraph collected the load's garbage in ${ms} ms`);
}

/** Options of `startService`, beside the configuration. */
export interface ServiceOptions {
  /** Where the service logs. Default: a logger at `config.logLevel` writing to standard output. */
  readonly logger?: Logger;
  /** Extra Apollo plugins, run after the service's own. Default none. */
  readonly plugins?: ApolloServerOptions['plugins'];
  /** Called between slices of the first load; throwing from it stops the start (main.ts stops on a signal). Default: nothing. */
  readonly between?: () => void;
  /** The built web pages. Default: `dist/web`, where `npm run build` writes them. */
  readonly webDir?: string;
}

/**
 * Starts the service the configuration describes: opens the graph (throwing
 * a GraphDataError listing every problem when it is not valid), builds the
 * schema, and starts the server. Signals are left to the caller.
 */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<Service> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  logger.info({ event: 'load', dataDir: config.graphDataDir }, `newsgraph loading the graph from ${config.databaseUrl ? 'the database' : config.graphDataDir}`);
  const graph = await openLiveGraph(config, { between: options.between, logger });
  settleHeap(logger);
  return startServer(config, {
    graph,
    schema: await graphSchema(),
    createContext,
    logger,
    plugins: options.plugins,
    webDir: options.webDir ?? BUILT_WEB_DIR,
  });
}

export type { Service } from './server/start-server';
