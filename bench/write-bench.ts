import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_GRAPH_DATA_DIR } from '../src/config';
import { CORPUS_VERSION, generateCorpus } from './generate-corpus';
import { startScriptNodeFlags } from './start-script-flags';

/**
 * What the living graph costs the requests around it: the service runs in
 * its own process (with the flags of `npm start`), a probe asks `/healthz`
 * every 20 ms, and the benchmark measures, at each corpus size, the time of
 * each write (PUT of a new article) and the probe's worst wait during the
 * writes; the time of a full reload and the probe's worst wait during it;
 * and the heaviest operations a client may send (many searches of short
 * words, a deep neighbourhood of the busiest entity, a long path between
 * busy entities): their time, their answer, and the probe's worst wait,
 * once after the writes and once right after the reload (when the collector
 * has the whole old graph to free).
 *
 * Environment: BENCH_SIZES (default "1,12500"; 1 is the seed article; add
 * 100000 for the large tier: minutes and about 6 GB), BENCH_WRITES (10), BENCH_RELOAD (0 leaves the reload out),
 * BENCH_RESULTS (default "writes": the name of the files under bench/results/).
 */

const CORPUS_DIR = join(__dirname, '.corpus');
const RESULTS_DIR = join(__dirname, 'results');
const TOKEN = 'bench-admin-token-0123456789';
const WRITES = Number(process.env.BENCH_WRITES ?? 10);
const RELOAD = process.env.BENCH_RELOAD !== '0';

interface Reply {
  status: number;
  body: string;
  ms: number;
}

function send(port: number, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { ...(body && { 'content-type': 'application/json' }), ...headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** What the probe saw: its worst wait, how many probes it sent, and how many waited longer than 50 and 100 ms. */
interface Probed {
  worstMs: number;
  probes: number;
  over50: number;
  over100: number;
}

/**
 * Asks /healthz every 20 ms until stopped; a wait is the time from a probe's
 * send to its answer. The worst wait alone is whichever pause fell within a
 * probe, so the counts of long waits are kept beside it.
 */
function probe(port: number): { stop(): Promise<Probed> } {
  let running = true;
  let worst = 0;
  let probes = 0;
  let over50 = 0;
  let over100 = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const reply = await send(port, 'GET', '/healthz');
      if (reply.status !== 200) throw new Error(`/healthz answered ${reply.status}`);
      const waited = performance.now() - started;
      worst = Math.max(worst, waited);
      if (waited > 50) over50++;
      if (waited > 100) over100++;
      probes++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { worstMs: Math.round(worst), probes, over50, over100 };
    },
  };
}

function startService(dir: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [...startScriptNodeFlags(), '-r', join(__dirname, 'transpile-typescript.cjs'), join(__dirname, 'serve-target.ts'), 'ours', dir],
    {
      env: { ...process.env, ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0', TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /listening (\d+)/.exec(err);
      if (match) resolve({ port: Number(match[1]), child });
    });
    child.on('exit', (code) => reject(new Error(`service exited with ${code}: ${err}`)));
  });
}

function corpus(size: number): string {
  if (size === 1) return BUNDLED_GRAPH_DATA_DIR;
  const dir = join(CORPUS_DIR, `articles-${size}-seed-42-v${CORPUS_VERSION}`);
  if (!existsSync(join(dir, 'articles'))) generateCorpus(dir, { articles: size, seed: 42 });
  return dir;
}

/** A new sample article for the seed graph, the `n`th. */
function seedArticle(n: number): unknown {
  return {
    id: `article:bench-sample-${n}`,
    headline: `Sample report ${n}: Meta and DeepSeek`,
    text: `Mark Zuckerberg said on day ${n} that Meta watches DeepSeek closely.`,
    entities: ['person:mark-zuckerberg', 'organization:meta', 'organization:deepseek'],
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface HeavyOperation {
  operation: string;
  when: string;
  status: number;
  ms: number;
  worstProbeMs: number;
  answer: string;
}

/** The heaviest operations a client may send, each with the probe's worst wait while it runs. */
async function heavyOperations(port: number, when: string): Promise<HeavyOperation[]> {
  const stats = JSON.parse(
    (await send(port, 'POST', '/graphql', JSON.stringify({ query: '{ people(first: 100) { nodes { id mentions(first: 0) { totalCount } } } }' }))).body,
  );
  const busiest = (stats.data.people.nodes as { id: string; mentions: { totalCount: number } }[])
    .sort((a, b) => b.mentions.totalCount - a.mentions.totalCount)
    .map((n) => n.id);
  const syllables = 'ka lo mi ra ven tor sel dan bri cor el fin gar hal is jor lun mar nor pel quin ros sta tem ul var wen yor zel';
  const typos = 'expandd pausd doubld reviewd defendd questiond announcd regulaton privacey satelite revenu modls suply pricng exprts batery';
  const heavy: Record<string, string> = {
    'search: 15 aliases of 29 short words': `{ ${Array.from({ length: 15 }, (_, i) => `s${i}: search(query: "${syllables}", first: 100) { totalCount }`).join(' ')} }`,
    // Near spellings of the corpus's own words: each expands to many words, each with its postings.
    'search: 15 aliases of 16 misspelt words': `{ ${Array.from({ length: 15 }, (_, i) => `t${i}: search(query: "${typos}", first: 100) { totalCount }`).join(' ')} }`,
    'neighborhood: depth 3, limit 500, busiest person': `{ neighborhood(id: "${busiest[0]}", depth: 3, limit: 500) { truncated edgesTruncated nodes { id } edges { id } } }`,
    'path: 6 hops between the two busiest people': `{ path(from: "${busiest[0]}", to: "${busiest[1] ?? busiest[0]}", maxHops: 6) { hops } }`,
  };
  const operations: HeavyOperation[] = [];
  for (const [operation, query] of Object.entries(heavy)) {
    const p = probe(port);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const reply = await send(port, 'POST', '/graphql', JSON.stringify({ query }));
    const answered = await p.stop();
    const json = JSON.parse(reply.body);
    const answer = json.errors ? `error ${json.errors[0].extensions?.code}: ${String(json.errors[0].message).slice(0, 80)}` : 'ok';
    operations.push({ operation, when, status: reply.status, ms: Math.round(reply.ms), worstProbeMs: answered.worstMs, answer });
  }
  return operations;
}

async function measure(size: number) {
  const root = mkdtempSync(join(tmpdir(), 'newsgraph-write-bench-'));
  const dir = join(root, 'graph-data');
  cpSync(corpus(size), dir, { recursive: true });
  // The articles to write are taken out of the corpus first (for the seed, samples are made).
  const held: unknown[] = [];
  if (size > 1) {
    mkdirSync(join(root, 'held'));
    for (const name of readdirSync(join(dir, 'articles')).sort().slice(-WRITES)) {
      renameSync(join(dir, 'articles', name), join(root, 'held', name));
      held.push(JSON.parse(readFileSync(join(root, 'held', name), 'utf8')));
    }
  } else {
    for (let n = 0; n < WRITES; n++) held.push(seedArticle(n));
  }
  const startedAt = performance.now();
  const { port, child } = await startService(dir);
  const startMs = Math.round(performance.now() - startedAt);
  const auth = { authorization: `Bearer ${TOKEN}` };
  try {
    // Writes.
    let p = probe(port);
    const writeMs: number[] = [];
    for (const article of held) {
      const slug = (article as { id: string }).id.slice('article:'.length);
      const reply = await send(port, 'PUT', `/admin/articles/${slug}`, JSON.stringify({ article }), auth);
      if (reply.status !== 200) throw new Error(`PUT ${slug}: ${reply.status} ${reply.body}`);
      writeMs.push(reply.ms);
    }
    const writes = await p.stop();

    // The heaviest operations, in the service as loaded and written to, then again right after a full reload
    // (when the garbage collector has the whole old graph to collect).
    const operations = await heavyOperations(port, 'after writes');
    // A full reload (BENCH_RELOAD=0 leaves it out: at 100,000 articles it takes minutes).
    let reload: Reply | undefined;
    let reloadProbe: Probed | undefined;
    if (RELOAD) {
      p = probe(port);
      reload = await send(port, 'POST', '/admin/reload', undefined, auth);
      if (reload.status !== 200) throw new Error(`reload: ${reload.status} ${reload.body}`);
      reloadProbe = await p.stop();
    }

    if (RELOAD) operations.push(...(await heavyOperations(port, 'right after the reload')));
    return {
      size: size === 1 ? 'seed' : String(size),
      startMs,
      writes: writeMs.length,
      writeMedianMs: Math.round(median(writeMs)),
      writeMaxMs: Math.round(Math.max(...writeMs)),
      writeWorstProbeMs: writes.worstMs,
      writeProbes: `${writes.over50}/${writes.over100}/${writes.probes}`,
      reloadMs: reload ? Math.round(reload.ms) : 'not run',
      reloadWorstProbeMs: reloadProbe ? reloadProbe.worstMs : 'not run',
      reloadProbes: reloadProbe ? `${reloadProbe.over50}/${reloadProbe.over100}/${reloadProbe.probes}` : 'not run',
      operations,
    };
  } finally {
    child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '1,12500').split(',').map(Number);
  const rows = [];
  for (const size of sizes) {
    const row = await measure(size);
    console.log(JSON.stringify(row));
    rows.push(row);
  }
  const name = process.env.BENCH_RESULTS ?? 'writes';
  const lines = [
    '# Writes, reloads and heavy operations, with a probe of /healthz every 20 ms',
    '',
    `node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${WRITES} writes per size (PUT of a new article, one at a time)`,
    '',
    '| size | start ms | write median ms | write max ms | worst probe during writes ms | probes over 50/100 ms of all, writes | reload ms | worst probe during reload ms | probes over 50/100 ms of all, reload |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.size} | ${r.startMs} | ${r.writeMedianMs} | ${r.writeMaxMs} | ${r.writeWorstProbeMs} | ${r.writeProbes} | ${r.reloadMs} | ${r.reloadWorstProbeMs} | ${r.reloadProbes} |`,
    ),
    '',
    '| size | operation | when | status | ms | worst probe ms | answer |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.flatMap((r) => r.operations.map((o) => `| ${r.size} | ${o.operation} | ${o.when} | ${o.status} | ${o.ms} | ${o.worstProbeMs} | ${o.answer} |`)),
    '',
  ];
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.md`), lines.join('\n'));
  writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(rows, null, 2)}\n`);
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
