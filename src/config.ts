import { basename, join, resolve } from 'node:path';

/** Log levels accepted by `LOG_LEVEL`, most verbose first. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** A log level accepted by `LOG_LEVEL`. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Limits on the operations the service runs, each checked before execution; an unset one keeps its default. */
export interface QueryLimits {
  /** Most lexical tokens (names, punctuation, values; not comments) in a document (`MAX_QUERY_TOKENS`). Default 1000. */
  readonly maxTokens?: number;
  /** Deepest field nesting of an operation (`{ stats { nodeCount } }` is 2); `__schema` is exempt (`MAX_QUERY_DEPTH`). Default 10. */
  readonly maxDepth?: number;
  /** Most aliases in an operation, counting a fragment at each spread; `__typename` is exempt (`MAX_QUERY_ALIASES`). Default 15. */
  readonly maxAliases?: number;
  /** Most directives in an operation, counting a fragment at each spread (`MAX_QUERY_DIRECTIVES`). Default 50. */
  readonly maxDirectives?: number;
  /** Highest estimated cost of an operation (`MAX_QUERY_COST`). Default 25000. */
  readonly maxCost?: number;
}

/** Limits of the HTTP layer; an unset one keeps its default. */
export interface HttpLimits {
  /** Largest request body accepted, in bytes; a larger one gets 413 (`MAX_BODY_BYTES`). Default 100000 (100 kB). */
  readonly maxBodyBytes?: number;
  /**
   * Time allowed to receive and answer one request, in milliseconds
   * (`REQUEST_TIMEOUT_MS`). A request whose body is still arriving then gets
   * 408, one still being served 503. Default 10000.
   */
  readonly requestTimeoutMs?: number;
  /** Most requests (GraphQL and reload) served at once; more get 503 right away (`MAX_CONCURRENT_REQUESTS`). Default 256. */
  readonly maxConcurrentRequests?: number;
  /** Time a graceful stop gives requests in flight to finish, in milliseconds, before it cuts their connections (`SHUTDOWN_GRACE_MS`). Default 10000. */
  readonly shutdownGraceMs?: number;
  /**
   * How long a graceful stop keeps the port open, once nothing is in flight and
   * nothing new has arrived, for requests already sent but not yet read, in
   * milliseconds (`SHUTDOWN_QUIET_MS`); 0 closes it at once, for an instance a
   * load balancer has drained first. Default 100.
   */
  readonly shutdownQuietMs?: number;
  /**
   * Most requests one client (by IP address, see `trustProxy`) may send in a
   * minute; more get 429 until the minute is over; 0 turns the limit off
   * (`RATE_LIMIT_PER_MINUTE`). `/healthz` and `/readyz` are not counted. Default 6000.
   */
  readonly rateLimitPerMinute?: number;
  /**
   * Most connections open at once from one address (the connection's own, not
   * X-Forwarded-For); more are closed as they open; 0 turns the cap off
   * (`MAX_CONNECTIONS_PER_CLIENT`). Default 1000.
   */
  readonly maxConnectionsPerClient?: number;
  /** Largest body of `PUT /admin/articles/<slug>`, in bytes (`MAX_ARTICLE_BYTES`). Default 2097152 (2 MiB). */
  readonly maxArticleBytes?: number;
}

/** Service configuration, read from the environment in one place. */
export interface Config {
  /** TCP port the HTTP server listens on (`PORT`, default 4000; 0 picks a free port). */
  readonly port: number;
  /** Interface to listen on (`HOST`, default every interface). */
  readonly host: string | undefined;
  /** Folder with the graph data (`GRAPH_DATA_DIR`, default the bundled `graph-data/`). */
  readonly graphDataDir: string;
  /**
   * Base that node ids are appended to for `Node.iri` and the linked data
   * (`IRI_BASE`), for a deployment behind a public host. Default unset: the
   * service's own `/id/` (`http://localhost:4000/id/`), which it serves.
   */
  readonly iriBase: string | undefined;
  /** `NODE_ENV`, default empty. */
  readonly nodeEnv: string;
  /** True when `NODE_ENV` is `production`: no stack traces or schema suggestions in errors. */
  readonly production: boolean;
  /** Whether introspection is allowed (`INTROSPECTION`, default true). */
  readonly introspection: boolean;
  /** Seconds a successful GraphQL response may be cached by clients and HTTP caches (`CACHE_MAX_AGE`, default 0: `no-store`). */
  readonly cacheMaxAge: number | undefined;
  /** Bearer token of `POST /admin/reload` (`ADMIN_TOKEN`); the route is disabled when unset. */
  readonly adminToken: string | undefined;
  /** Least level logged (`LOG_LEVEL`, default `info`). */
  readonly logLevel: LogLevel;
  /** Limits on operations (`MAX_QUERY_*`); each unset one keeps its default. */
  readonly queryLimits: QueryLimits;
  /** Limits of the HTTP layer (`MAX_BODY_BYTES`, `REQUEST_TIMEOUT_MS`, ...); each unset one keeps its default. */
  readonly httpLimits: HttpLimits;
  /**
   * Whether the service is behind a proxy whose X-Forwarded-For header names
   * the client (`TRUST_PROXY`, default false): the client address the rate
   * limit counts by is then the one the proxy saw.
   */
  readonly trustProxy: boolean;
  /** Most bytes of answers the response cache keeps (`RESPONSE_CACHE_BYTES`, default 64 MiB; 0 turns it off). */
  readonly responseCacheBytes: number | undefined;
  /** How operations are executed (`EXECUTOR`: `jit`, the default, or `graphql-js`). */
  readonly executor: 'jit' | 'graphql-js';
  /** Largest data file the loader reads, in bytes (`MAX_DATA_FILE_BYTES`); a larger one is a problem. Default 16 MiB. */
  readonly maxDataFileBytes: number | undefined;
  /** PostgreSQL connection string (`DATABASE_URL`): when set the graph is served from that database and `GRAPH_DATA_DIR` is not read. */
  readonly databaseUrl: string | undefined;
  /** Most connections to the database a process keeps (`DATABASE_POOL_SIZE`, default 10). */
  readonly databasePoolSize: number | undefined;
  /**
   * For tests of durability only (`NEWSGRAPH_FAULT_AT`): the step of a write
   * at which the process kills itself (see WriteStep). Default unset.
   */
  readonly faultAt: string | undefined;
}

/** The project root: this file is in `src/`, or in `dist/src/` once compiled. */
const PROJECT_ROOT = basename(resolve(__dirname, '..')) === 'dist' ? resolve(__dirname, '..', '..') : resolve(__dirname, '..');

/** The bundled data folder. */
export const BUNDLED_GRAPH_DATA_DIR = join(PROJECT_ROOT, 'graph-data');

/** Where `npm run build` writes the web pages (the explorer, GraphiQL, the landing page) that the service serves. */
export const BUILT_WEB_DIR = join(PROJECT_ROOT, 'dist', 'web');

/** Shortest `ADMIN_TOKEN` accepted: a short token can be guessed. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

/** Thrown when an environment variable has a value the service cannot use. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads a whole number from `env[name]`; undefined when unset or empty. */
function readInteger(env: NodeJS.ProcessEnv, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
    throw new ConfigError(`${name} must be a whole number ${range}, not ${JSON.stringify(raw)}`);
  }
  return value;
}

/** Reads `true`/`false` (also `1`/`0`, `yes`/`no`) from `env[name]`. */
function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, not ${JSON.stringify(raw)}`);
}

/** Reads `DATABASE_URL`: a postgres:// or postgresql:// URL, or unset. */
function readDatabaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL must be a URL such as postgres://user:password@localhost:5432/newsgraph');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, not ${JSON.stringify(url.protocol + '//')}`);
  }
  return raw;
}

function readExecutor(env: NodeJS.ProcessEnv): 'jit' | 'graphql-js' {
  const raw = env.EXECUTOR?.trim() || 'jit';
  if (raw === 'jit' || raw === 'graphql-js') return raw;
  throw new ConfigError(`EXECUTOR must be jit or graphql-js, not ${JSON.stringify(env.EXECUTOR)}`);
}

const WRITE_STEPS = ['journal-staged', 'journal-written', 'file-staged', 'file-replaced', 'journal-removed'];

function readFaultAt(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.NEWSGRAPH_FAULT_AT?.trim();
  if (!raw) return undefined;
  if (!WRITE_STEPS.includes(raw)) throw new ConfigError(`NEWSGRAPH_FAULT_AT must be one of ${WRITE_STEPS.join(', ')}, not ${JSON.stringify(raw)}`);
  return raw;
}

/** Reads and validates the configuration from `env`; throws a ConfigError naming the variable at fault. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = readInteger(env, 'PORT', 0, 65535) ?? 4000;
  const iriBase = env.IRI_BASE || undefined;
  if (iriBase !== undefined && !/^https?:\/\/[^/\s]+\/\S*$/i.test(iriBase)) {
    throw new ConfigError(`IRI_BASE must be an absolute http(s) IRI such as https://news.example.org/id/, not ${JSON.stringify(iriBase)}`);
  }
  const logLevel = (env.LOG_LEVEL || 'info').trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(env.LOG_LEVEL)}`);
  }
  const adminToken = env.ADMIN_TOKEN === undefined || env.ADMIN_TOKEN === '' ? undefined : env.ADMIN_TOKEN;
  if (adminToken !== undefined && (adminToken.length < MIN_ADMIN_TOKEN_LENGTH || /\s/.test(adminToken))) {
    throw new ConfigError(`ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters without spaces (or unset to disable POST /admin/reload)`);
  }
  const nodeEnv = env.NODE_ENV ?? '';
  return {
    port,
    host: env.HOST || undefined,
    graphDataDir: env.GRAPH_DATA_DIR ? resolve(env.GRAPH_DATA_DIR) : BUNDLED_GRAPH_DATA_DIR,
    iriBase,
    nodeEnv,
    production: nodeEnv === 'production',
    introspection: readBoolean(env, 'INTROSPECTION', true),
    cacheMaxAge: readInteger(env, 'CACHE_MAX_AGE', 0, 31_536_000),
    adminToken,
    logLevel: logLevel as LogLevel,
    queryLimits: {
      maxTokens: readInteger(env, 'MAX_QUERY_TOKENS', 1),
      maxDepth: readInteger(env, 'MAX_QUERY_DEPTH', 1),
      maxAliases: readInteger(env, 'MAX_QUERY_ALIASES', 0),
      maxDirectives: readInteger(env, 'MAX_QUERY_DIRECTIVES', 0),
      maxCost: readInteger(env, 'MAX_QUERY_COST', 1),
    },
    httpLimits: {
      maxBodyBytes: readInteger(env, 'MAX_BODY_BYTES', 1),
      requestTimeoutMs: readInteger(env, 'REQUEST_TIMEOUT_MS', 1, 3_600_000),
      maxConcurrentRequests: readInteger(env, 'MAX_CONCURRENT_REQUESTS', 1),
      shutdownGraceMs: readInteger(env, 'SHUTDOWN_GRACE_MS', 0, 3_600_000),
      shutdownQuietMs: readInteger(env, 'SHUTDOWN_QUIET_MS', 0, 60_000),
      rateLimitPerMinute: readInteger(env, 'RATE_LIMIT_PER_MINUTE', 0),
      maxConnectionsPerClient: readInteger(env, 'MAX_CONNECTIONS_PER_CLIENT', 0),
      maxArticleBytes: readInteger(env, 'MAX_ARTICLE_BYTES', 1),
    },
    trustProxy: readBoolean(env, 'TRUST_PROXY', false),
    responseCacheBytes: readInteger(env, 'RESPONSE_CACHE_BYTES', 0),
    executor: readExecutor(env),
    databaseUrl: readDatabaseUrl(env),
    databasePoolSize: readInteger(env, 'DATABASE_POOL_SIZE', 1, 1000),
    faultAt: readFaultAt(env),
    maxDataFileBytes: readInteger(env, 'MAX_DATA_FILE_BYTES', 1),
  };
}
