import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print } from 'graphql';
import { Client, Pool } from 'pg';
// autocannon ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;
import { CORPUS_VERSION, generateCorpus } from './generate-corpus';
import { scriptNodeFlags, startScriptNodeFlags } from './start-script-flags';

/**
 * The in-memory and the PostgreSQL store side by side, each behind the
 * service as deployed (`node dist/src/main.js` with `npm start`'s flags):
 * import time, replica start time, and EntityProfile, ArticleSummary,
 * Search and Connection over HTTP, uncached (RESPONSE_CACHE_BYTES=0) and
 * from the response cache. Every answer of the PostgreSQL service is
 * checked against the in-memory service's (Search against its own first
 * answer: the two rank differently).
 *
 * Environment: BENCH_SIZES (default "1000"), BENCH_DATABASE_URL (default
 * the role and server .ci/run makes; a database `newsgraph_bench_<size>` is
 * made there), BENCH_REUSE_DATABASE (1: serve a size's database as an
 * earlier run left it, without importing again), BENCH_CONNECTIONS (20),
 * BENCH_SECONDS (3), BENCH_ROUNDS (3), BENCH_RESULTS (default "postgres").
 */

const ROOT = join(__dirname, '..');
const CORPUS_DIR = join(__dirname, '.corpus');
const RESULTS_DIR = join(__dirname, 'results');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://newsgraph:newsgraph@127.0.0.1:5432/newsgraph';
const OPERATIONS = ['EntityProfile', 'ArticleSummary', 'Search', 'Connection'] as const;

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  mismatches: number;
  timeouts: number;
}

/** One measured operation on one service. */
interface Row {
  size: number;
  operation: string;
  store: 'memory' | 'postgres';
  cached: boolean;
  requestsPerSecond: number;
  roundsPerSecond: number[];
  p50Ms: number;
  p99Ms: number;
}

function corpus(size: number): string {
  const dir = join(CORPUS_DIR, `articles-${size}-seed-42-v${CORPUS_VERSION}`);
  if (!existsSync(join(dir, 'articles'))) generateCorpus(dir, { articles: size, seed: 42 });
  return dir;
}

/** Starts `dist/src/main.js` with `env`; resolves once it logs its start line, with the time that took. */
function startService(env: Record<string, string>): Promise<{ port: number; child: ChildProcess; startMs: number }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...startScriptNodeFlags(), join(ROOT, 'dist', 'src', 'main.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '0',
      MAX_CONNECTIONS_PER_CLIENT: '0',
      // One IRI base for both stores: by default each service names its nodes under its own port, and the answers would differ.
      IRI_BASE: 'https://newsgraph.example/id/',
      ...env,
    },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"event":"start"[^\n]*"port":(\d+)/.exec(out);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({ port: Number(match[1]), child, startMs: Number(process.hrtime.bigint() - started) / 1e6 });
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the service exited with ${code} before listening: ${out.slice(-2000)}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function post(port: number, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, text: await response.text() };
}

/** The benchmarked operations with variables that fit the corpus, chosen as bench/operations.ts chooses them, from the database. */
async function operationBodies(databaseUrl: string): Promise<Map<string, string>> {
  const document = parse(readFileSync(join(ROOT, 'test', 'contract', 'operations.graphql'), 'utf8'));
  const text = new Map(document.definitions.flatMap((d) => (d.kind === 'OperationDefinition' && d.name ? [[d.name.value, print(d)] as const] : [])));
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ schema_name: s }] = (await client.query<{ schema_name: string }>('SELECT schema_name FROM newsgraph.graph_state')).rows;
    // The most mentioned person (the first in node order among equals), the first article, its first organization.
    const person = (
      await client.query<{ id: string; name: string }>(
        `SELECT n.id, n.node->>'name' AS name FROM ${s}.nodes n LEFT JOIN ${s}.list_counts c ON c.list = 'mentions-of|' || n.id
         WHERE n.kind = 'PERSON' ORDER BY coalesce(c.count, 0) DESC, n.ord LIMIT 1`,
      )
    ).rows[0];
    const article = (await client.query<{ id: string }>(`SELECT id FROM ${s}.nodes WHERE kind = 'ARTICLE' ORDER BY ord LIMIT 1`)).rows[0];
    const organization = (
      await client.query<{ id: string }>(
        `SELECT n.id FROM ${s}.incidences x JOIN ${s}.nodes n ON n.id = split_part(x.ord, E'\\x01', 3) COLLATE "default"
         WHERE x.node_id = $1 AND x.direction = 'OUT' AND x.predicate = 'MENTIONS' AND n.kind = 'ORGANIZATION' ORDER BY x.ord LIMIT 1`,
        [article.id],
      )
    ).rows[0];
    const variables: Record<string, Record<string, unknown>> = {
      EntityProfile: { id: person.id },
      ArticleSummary: { id: article.id },
      Search: { text: person.name.split(' ').slice(-1)[0], first: 10 },
      Connection: { from: person.id, to: organization.id, maxHops: 4 },
    };
    return new Map(OPERATIONS.map((name) => [name, JSON.stringify({ operationName: name, query: text.get(name)!, variables: variables[name] })]));
  } finally {
    await client.end();
  }
}

/** Accepts the bytes of `reference` or any answer that parses to it. */
function sameAnswer(reference: string): (body: string) => boolean {
  const expected = JSON.stringify(JSON.parse(reference));
  const accepted = new Set([reference]);
  return (body) => {
    if (accepted.has(body)) return true;
    try {
      if (JSON.stringify(JSON.parse(body)) !== expected) return false;
    } catch {
      return false;
    }
    accepted.add(body);
    return true;
  };
}

async function measure(port: number, body: string, check: (body: string) => boolean): Promise<Omit<Row, 'size' | 'operation' | 'store' | 'cached'>> {
  // A warm-up second: prepared statements, compiled operations, the response cache's first answer.
  await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: 1,
  });
  const rounds: AutocannonResult[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections: CONNECTIONS,
      duration: SECONDS,
      verifyBody: check,
    });
    if (result.non2xx || result.errors || result.mismatches || result.timeouts) {
      throw new Error(`invalid round (non2xx ${result.non2xx}, errors ${result.errors}, mismatches ${result.mismatches}, timeouts ${result.timeouts})`);
    }
    rounds.push(result);
  }
  const perSecond = rounds.map((r) => r.requests.average);
  const middle = [...rounds].sort((a, b) => a.requests.average - b.requests.average)[Math.floor(rounds.length / 2)];
  return {
    requestsPerSecond: Math.round(middle.requests.average),
    roundsPerSecond: perSecond.map(Math.round),
    p50Ms: middle.latency.p50,
    p99Ms: middle.latency.p99,
  };
}

/** The URL of the benchmark's database for one size, `newsgraph_bench_<size>`. */
function benchDatabaseUrl(size: number): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/newsgraph_bench_${size}`;
  return url.toString();
}

/** True when the database for `size` exists and serves a graph (BENCH_REUSE_DATABASE: an earlier run imported it). */
async function holdsGraph(size: number): Promise<boolean> {
  const client = new Client({ connectionString: benchDatabaseUrl(size) });
  try {
    await client.connect();
    return (await client.query(`SELECT 1 FROM newsgraph.graph_state`)).rows.length === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Makes a fresh `newsgraph_bench_<size>` database and migrates it; returns its URL. */
async function freshDatabase(size: number): Promise<string> {
  const name = `newsgraph_bench_${size}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  // Autovacuum may be working on the last run's database (as a superuser, whose backend this role cannot end): try again.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== '42501' || attempt >= 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = benchDatabaseUrl(size);
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', 'db-migrate.ts')], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'inherit',
  });
  return url;
}

/** The database's size on disk, in bytes. */
async function databaseBytes(databaseUrl: string): Promise<number> {
  const pool = new Pool({ connectionString: databaseUrl });
  try {
    return Number((await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes')).rows[0].bytes);
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '1000').split(',').map(Number);
  const name = process.env.BENCH_RESULTS ?? 'postgres';
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const rows: Row[] = [];
  const sizesMeasured: Record<string, unknown>[] = [];
  for (const size of sizes) {
    const dir = corpus(size);
    const reuse = process.env.BENCH_REUSE_DATABASE === '1' && (await holdsGraph(size));
    const databaseUrl = reuse ? benchDatabaseUrl(size) : await freshDatabase(size);
    const importStarted = Date.now();
    if (!reuse) {
      execFileSync(
        process.execPath,
        [...scriptNodeFlags('db:import', 'src/db-import.ts'), '-r', 'ts-node/register/transpile-only', join(ROOT, 'src', 'db-import.ts'), dir],
        {
          env: { ...process.env, DATABASE_URL: databaseUrl },
          stdio: 'inherit',
        },
      );
    }
    // Not measured when the database was imported by an earlier run.
    const importSeconds = reuse ? null : (Date.now() - importStarted) / 1000;
    const bodies = await operationBodies(databaseUrl);
    const references = new Map<string, string>();
    const starts: Record<string, number> = {};
    for (const store of ['memory', 'postgres'] as const) {
      for (const cached of [false, true]) {
        const env: Record<string, string> = store === 'memory' ? { GRAPH_DATA_DIR: dir } : { DATABASE_URL: databaseUrl };
        if (!cached) env.RESPONSE_CACHE_BYTES = '0';
        // A service stopped before it listened (a signal from outside the benchmark) is started once more.
        const service = await startService(env).catch(() => startService(env));
        if (!cached) starts[store] = service.startMs;
        try {
          for (const operation of OPERATIONS) {
            const body = bodies.get(operation)!;
            const first = await post(service.port, body);
            if (first.status !== 200 || JSON.parse(first.text).errors) throw new Error(`${store} ${operation}: ${first.status} ${first.text.slice(0, 500)}`);
            if (store === 'memory') references.set(operation, first.text);
            const reference = operation === 'Search' || store === 'memory' ? first.text : references.get(operation)!;
            const measured = await measure(service.port, body, sameAnswer(reference));
            rows.push({ size, operation, store, cached, ...measured });
            console.error(`${size} ${operation} ${store}${cached ? ' cached' : ''}: ${measured.requestsPerSecond} req/s`);
          }
        } finally {
          await stop(service.child);
        }
      }
    }
    sizesMeasured.push({ size, importSeconds, startMs: starts, databaseBytes: await databaseBytes(databaseUrl) });
  }

  const at = (size: number, operation: string, store: string, cached: boolean) =>
    rows.find((r) => r.size === size && r.operation === operation && r.store === store && r.cached === cached);
  const lines = [
    '# The in-memory and the PostgreSQL store',
    '',
    `node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s (median), after a 1 s warm-up; PostgreSQL on the same 2 cores`,
    '',
    '| size | operation | cache | memory req/s | postgres req/s | postgres/memory | memory p50/p99 ms | postgres p50/p99 ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const size of sizes) {
    for (const cached of [false, true]) {
      for (const operation of OPERATIONS) {
        const [m, p] = [at(size, operation, 'memory', cached)!, at(size, operation, 'postgres', cached)!];
        lines.push(
          `| ${size} | ${operation} | ${cached ? 'cached' : 'uncached'} | ${m.requestsPerSecond} | ${p.requestsPerSecond} | ${(p.requestsPerSecond / m.requestsPerSecond).toFixed(2)} | ${m.p50Ms}/${m.p99Ms} | ${p.p50Ms}/${p.p99Ms} |`,
        );
      }
    }
  }
  lines.push('', '| size | import (s) | memory start (ms) | postgres start (ms) | database size (MB) |', '| --- | --- | --- | --- | --- |');
  for (const s of sizesMeasured as { size: number; importSeconds: number | null; startMs: Record<string, number>; databaseBytes: number }[]) {
    lines.push(
      `| ${s.size} | ${s.importSeconds === null ? 'not measured (imported before)' : s.importSeconds.toFixed(1)} | ${Math.round(s.startMs.memory)} | ${Math.round(s.startMs.postgres)} | ${Math.round(s.databaseBytes / 1e6)} |`,
    );
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.md`), `${lines.join('\n')}\n`);
  writeFileSync(
    join(RESULTS_DIR, `${name}.json`),
    `${JSON.stringify({ node: process.version, connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, sizes: sizesMeasured, rows }, null, 2)}\n`,
  );
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
