import { Client, Pool } from 'pg';
import { importGraph, migrateDatabase, PostgresLiveGraph, type PostgresLiveGraphOptions } from '../../src/postgres';

/**
 * The PostgreSQL server the tests use: `TEST_DATABASE_URL`, or the role and
 * database `.ci/run` creates. Each test file makes databases of its own on
 * it and drops them at its end.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://newsgraph:newsgraph@127.0.0.1:5432/newsgraph';

/** What to do when the server cannot be reached: said by the failing test, never skipped. */
const START_IT =
  'start it with `pg_ctlcluster 15 main start` and create the role as .ci/run does ' +
  '(`su postgres -c "psql -c \\"CREATE ROLE newsgraph LOGIN PASSWORD \'newsgraph\' CREATEDB\\""` and `createdb -O newsgraph newsgraph`), or set TEST_DATABASE_URL';

/** The URL of database `name` on the test server. */
export function databaseUrl(name: string, base: string = TEST_DATABASE_URL): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `the PostgreSQL tests need a server at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}, which cannot be reached (${(error as Error).message}): ${START_IT}`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database on the test server, migrated, with `dataDir` imported when given. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Opens a live graph (a replica) over the database. */
  open(options?: Omit<PostgresLiveGraphOptions, 'connectionString'> & { readonly connectionString?: string }): Promise<PostgresLiveGraph>;
  /** Imports a graph-data folder, as `npm run db:import` does. */
  import(dataDir: string): Promise<void>;
  drop(): Promise<void>;
}

let made = 0;

/** Creates a database named after this process and `label`, dropping one of that name first. */
export async function createTestDatabase(label: string, dataDir?: string): Promise<TestDatabase> {
  const name = `newsgraph_test_${label}_${process.pid}_${made++}`;
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const url = databaseUrl(name);
  const pool = new Pool({ connectionString: url, max: 2 });
  const graphs: PostgresLiveGraph[] = [];
  try {
    await migrateDatabase(pool);
    if (dataDir) await importGraph(pool, dataDir);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    name,
    url,
    async open(options = {}) {
      const graph = await PostgresLiveGraph.open({ connectionString: url, ...options });
      graphs.push(graph);
      return graph;
    },
    async import(dir) {
      await importGraph(pool, dir);
    },
    async drop() {
      await Promise.all(graphs.map((g) => g.close()));
      await pool.end();
      await admin(async (client) => {
        // pg-pool's end() resolves before its connections have closed, and a pool errors (unhandled) if FORCE cuts one still closing: wait for them first.
        for (let waited = 0; waited < 5_000; waited += 20) {
          const { rows } = await client.query<{ open: number }>('SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1', [name]);
          if (rows[0].open === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}
