import { Client, type ClientConfig, Pool, type PoolConfig } from 'pg';
import {
  type GraphStore,
  GraphStoreUnavailableError,
  type GraphSummary,
  type LiveGraph,
  type CheckOutcome,
  type ReloadResult,
  summarizeStore,
  type WriteOutcome,
} from '../graph';
import { isConnectionError, reachingDatabase } from './database-errors';
import { GRAPH_CHANNEL } from './import-graph';
import { appliedMigration, latestMigration } from './migrate-database';
import { PostgresGraphStore } from './postgres-store';
import { checkArticleWrite, writeArticle } from './write-article';

/** Options of a live graph over PostgreSQL. */
export interface PostgresLiveGraphOptions {
  /** The connection string (`DATABASE_URL`). */
  readonly connectionString: string;
  /** Most connections of the pool. Default 10. */
  readonly maxConnections?: number;
  /** How long a query waits for a connection, in milliseconds, before it fails as unavailable. Default 2000. */
  readonly connectionTimeoutMs?: number;
  /** Least time between two attempts to listen again after the listening connection is lost, in milliseconds. Default 500. */
  readonly relistenDelayMs?: number;
  /** Called when the listening connection fails or comes back, for logs. */
  readonly onEvent?: (event: { readonly event: 'listen-lost' | 'listen-restored' | 'version-changed'; readonly message: string }) => void;
}

/** The served generation as the database states it. */
interface GraphState {
  readonly generation: number;
  readonly schema_name: string;
  readonly version: string;
}

/** The connection string with its password hidden, for logs and messages. */
export function describeDatabase(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'the database of DATABASE_URL';
  }
}

/**
 * The graph served from PostgreSQL: nothing of it is loaded, so a replica
 * is ready as soon as it has read which generation is served. The store of
 * each version lasts while requests read it; a new version is learnt by
 * LISTEN (the import's NOTIFY) and checked again on every (re)connection of
 * the listening connection, and becomes `current` for the requests that
 * start after it.
 */
export class PostgresLiveGraph implements LiveGraph {
  readonly origin: string;
  private store: PostgresGraphStore;
  private listener: Client | undefined;
  private closed = false;
  private relistenTimer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;

  private constructor(
    readonly pool: Pool,
    store: PostgresGraphStore,
    private readonly options: PostgresLiveGraphOptions,
  ) {
    this.store = store;
    this.origin = describeDatabase(options.connectionString);
  }

  /**
   * Connects, checks the migrations and reads the served generation; throws
   * when the database cannot be reached, is not migrated or holds no graph.
   */
  static async open(options: PostgresLiveGraphOptions): Promise<PostgresLiveGraph> {
    const pool = new Pool(poolConfig(options));
    // An idle connection the server dropped is an error of the pool, not of a query: without a listener it would end the process.
    pool.on('error', () => undefined);
    try {
      const needed = latestMigration();
      const applied = await reachingDatabase(() => appliedMigration(pool));
      if (applied < needed)
        throw new Error(
          `the database ${describeDatabase(options.connectionString)} is at migration ${applied}, the service needs ${needed}: run npm run db:migrate`,
        );
      const state = await readState(pool);
      if (!state)
        throw new Error(`the database ${describeDatabase(options.connectionString)} holds no graph yet: run npm run db:import -- <graph-data folder>`);
      const graph = new PostgresLiveGraph(pool, new PostgresGraphStore(pool, state.version, state.schema_name), options);
      await graph.listen();
      return graph;
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  /** True while the listening connection is up: a new version is then learnt at its commit. */
  get listening(): boolean {
    return this.listener !== undefined;
  }

  get current(): GraphStore {
    return this.store;
  }

  /** What the served version holds; asks the database each time, so that readiness fails while it cannot be reached. */
  async summary(): Promise<GraphSummary> {
    await this.checkState();
    return summarizeStore(this.store);
  }

  /** Reads the served generation again and makes it current (what a NOTIFY does by itself). */
  async reload(): Promise<ReloadResult> {
    const previousVersion = this.store.version;
    await this.checkState();
    return { previousVersion, version: this.store.version };
  }

  putArticle(slug: string, body: unknown): Promise<WriteOutcome> {
    return this.write(slug, body);
  }

  deleteArticle(slug: string): Promise<WriteOutcome> {
    return this.write(slug, undefined);
  }

  checkArticle(slug: string, body: unknown): Promise<CheckOutcome> {
    return reachingDatabase(() => checkArticleWrite(this.pool, slug, body));
  }

  /** One write in one transaction; once it is committed, this replica serves it at once (the others at its NOTIFY). */
  private async write(slug: string, body: unknown | undefined): Promise<WriteOutcome> {
    const outcome = await reachingDatabase(() => writeArticle(this.pool, slug, body));
    if (outcome.ok) await this.checkState();
    return outcome;
  }

  /** Stops listening and closes the pool. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.relistenTimer);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  /** Reads graph_state and switches to its generation when it is another one; one check at a time. */
  private checkState(): Promise<void> {
    this.checking ??= (async () => {
      try {
        const state = await readState(this.pool);
        if (state && (state.schema_name !== this.store.schema || state.version !== this.store.version)) {
          const previous = this.store.version;
          this.store = new PostgresGraphStore(this.pool, state.version, state.schema_name);
          this.options.onEvent?.({ event: 'version-changed', message: `serving version ${state.version} (was ${previous})` });
        }
      } finally {
        this.checking = undefined;
      }
    })();
    return this.checking;
  }

  /** Opens the listening connection, then checks the state (a NOTIFY sent while it was down is not replayed). */
  private async listen(): Promise<void> {
    const client = new Client(clientConfig(this.options));
    const lost = (error?: Error) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      client.end().catch(() => undefined);
      this.options.onEvent?.({ event: 'listen-lost', message: `stopped listening for new versions: ${error?.message ?? 'connection ended'}` });
      this.scheduleRelisten();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === GRAPH_CHANNEL) this.checkState().catch(() => this.scheduleRelisten());
    });
    await reachingDatabase(() => client.connect());
    try {
      await reachingDatabase(() => client.query(`LISTEN ${GRAPH_CHANNEL}`));
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.listener = client;
    await this.checkState();
  }

  private scheduleRelisten(): void {
    if (this.closed || this.relistenTimer) return;
    this.relistenTimer = setTimeout(() => {
      this.relistenTimer = undefined;
      if (this.closed || this.listener) return;
      this.listen().then(
        () => this.options.onEvent?.({ event: 'listen-restored', message: 'listening for new versions again' }),
        (error: unknown) => {
          if (!(error instanceof GraphStoreUnavailableError) && !isConnectionError(error))
            this.options.onEvent?.({ event: 'listen-lost', message: String(error) });
          this.scheduleRelisten();
        },
      );
    }, this.options.relistenDelayMs ?? 500);
    this.relistenTimer.unref();
  }
}

function clientConfig(options: PostgresLiveGraphOptions): ClientConfig {
  return { connectionString: options.connectionString, connectionTimeoutMillis: options.connectionTimeoutMs ?? 2000, application_name: 'newsgraph' };
}

function poolConfig(options: PostgresLiveGraphOptions): PoolConfig {
  return {
    ...clientConfig(options),
    max: options.maxConnections ?? 10,
    // Near spellings from the trigram index: 0.3 (the default) misses many one-letter typos of short words.
    // Generic plans: each statement is planned once per connection, not at every run (planning cost more than running);
    // and no JIT: a generic plan's estimates (arrays of unknown length) pass jit_above_cost, and compiling took longer than the statements.
    options: '-c pg_trgm.similarity_threshold=0.2 -c plan_cache_mode=force_generic_plan -c jit=off',
  };
}

/** The served generation, or undefined when none was imported. */
async function readState(pool: Pool): Promise<GraphState | undefined> {
  const { rows } = await reachingDatabase(() => pool.query<GraphState>('SELECT generation, schema_name, version FROM newsgraph.graph_state'));
  return rows[0];
}
