import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// autocannon ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;
import { BUNDLED_GRAPH_DATA_DIR } from '../src/config';
import { loadGraph } from '../src/graph';
import { CORPUS_VERSION, generateCorpus } from './generate-corpus';
import { type BenchOperation, benchOperations } from './operations';
import { startScriptNodeFlags } from './start-script-flags';

/**
 * Side-by-side HTTP benchmark: the same operations, data and answers served
 * by each target (see serve-target.ts), measured with autocannon from this
 * process while the target runs in its own. A round with any non-2xx answer,
 * transport error, or an answer that differs from the target's first checked
 * answer (GraphQL errors included) makes the whole run invalid.
 *
 * Environment: BENCH_SIZES (default "1,1000"; 1 is the seed article),
 * BENCH_TARGETS (default "B0,B1,P1,P2,ours,ours-cached"; "before" and
 * "before-cached" are the service of the checkout in BENCH_BEFORE), BENCH_OPERATIONS
 * (default: all five), BENCH_CONNECTIONS (20), BENCH_SECONDS (3),
 * BENCH_ROUNDS (5), BENCH_TOGETHER (how many targets run side by side:
 * all of them up to 1,000 articles, one above), BENCH_RESULTS (default
 * "http": the name of the files written under bench/results/).
 */

const CORPUS_DIR = join(__dirname, '.corpus');
const RESULTS_DIR = join(__dirname, 'results');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** The parts of autocannon's result that are read here. */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  mismatches: number;
  timeouts: number;
}

export interface Cell {
  size: string;
  operation: string;
  target: string;
  requestsPerSecond: number;
  /** Requests per second of each round, in the order run (the table gives their median). */
  roundsPerSecond: number[];
  /** Which group of targets run side by side (and round by round, interleaved) this target was measured in. */
  group: number;
  p50Ms: number;
  p99Ms: number;
  bytesPerResponse: number;
  /** CPU time of the target's process (every thread, kernel included) per request, median of the rounds, in microseconds. */
  cpuMicrosPerRequest: number;
}

function dataDir(size: number): string {
  if (size === 1) return BUNDLED_GRAPH_DATA_DIR;
  const dir = join(CORPUS_DIR, `articles-${size}-seed-42-v${CORPUS_VERSION}`);
  if (!existsSync(join(dir, 'articles'))) generateCorpus(dir, { articles: size, seed: 42 });
  return dir;
}

/** Starts a target process and resolves with its port once it says it listens. */
function startTarget(target: string, dir: string): Promise<{ port: number; child: ChildProcess }> {
  // "before" and "before-cached" are the service of another checkout (BENCH_BEFORE), measured beside this one.
  const before = target.startsWith('before');
  const root = before ? process.env.BENCH_BEFORE : join(__dirname, '..');
  if (!root) throw new Error(`target ${target} needs BENCH_BEFORE: the folder of another checkout of the project, with its node_modules`);
  // The service runs as deployed, with npm start's flags; the other targets with Node's defaults, as their users would run them.
  const flags = target.startsWith('ours') || before ? startScriptNodeFlags() : [];
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=8192',
      ...flags,
      // Plain Node, each file transpiled as tsc would (see transpile-typescript.cjs), for every target alike.
      '-r',
      join(__dirname, 'transpile-typescript.cjs'),
      join(root, 'bench', 'serve-target.ts'),
      before ? target.replace('before', 'ours') : target,
      dir,
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_ENV: 'production', TS_NODE_PROJECT: join(root, 'tsconfig.json') } },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      if (out.includes('listening ')) {
        process.stderr.write(chunk);
        return;
      }
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) resolve({ port: Number(match[1]), child });
      else if (out.includes('\n')) process.stderr.write(out);
    });
    child.on('exit', (code) => reject(new Error(`target ${target} exited with ${code} before listening`)));
  });
}

async function post(port: number, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, text: await response.text() };
}

/**
 * Accepts a response when its bytes are ones already accepted, or when it
 * parses to the reference answer (then its bytes are remembered): a target
 * may vary key order or number formatting between its first and later
 * answers, but never the data.
 */
function answerCheck(reference: unknown): (body: string) => boolean {
  const accepted = new Set<string>();
  const expected = JSON.stringify(reference);
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

function run(port: number, operation: BenchOperation, seconds: number, verifyBody: (body: string) => boolean): Promise<AutocannonResult> {
  return autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: operation.body,
    connections: CONNECTIONS,
    duration: seconds,
    verifyBody,
  });
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time a process has used so far, user and kernel, in microseconds (Linux: /proc/<pid>/stat). */
function cpuMicros(pid: number): number {
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface RunningTarget {
  readonly target: string;
  readonly port: number;
  readonly child: ChildProcess;
}

/**
 * Measures every operation on every target. The targets run side by side
 * (`together` at a time; idle ones use no CPU) and the rounds of one
 * operation are interleaved, target after target, so that a drift in the
 * machine's speed during the run falls on all of them alike rather than on
 * whichever target happened to run then.
 */
async function measureSize(
  size: number,
  targets: readonly string[],
  operations: BenchOperation[],
  reference: Map<string, unknown>,
  together: number,
): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (let group = 0; group < targets.length; group += together) {
    const running: RunningTarget[] = [];
    try {
      for (const target of targets.slice(group, group + together)) running.push({ target, ...(await startTarget(target, dataDir(size))) });
      for (const operation of operations) {
        const checks = new Map<string, (body: string) => boolean>();
        const rounds = new Map<string, AutocannonResult[]>(running.map((t) => [t.target, []]));
        const cpu = new Map<string, number[]>(running.map((t) => [t.target, []]));
        const bytes = new Map<string, number>();
        for (const { target, port } of running) {
          const first = await post(port, operation.body);
          const data = JSON.parse(first.text);
          if (first.status !== 200 || data.errors || JSON.stringify(data) !== JSON.stringify(reference.get(operation.name))) {
            throw new Error(`${target} answers ${operation.name} differently (status ${first.status}): ${first.text.slice(0, 300)}`);
          }
          bytes.set(target, Buffer.byteLength(first.text));
          checks.set(target, answerCheck(reference.get(operation.name)));
          await run(port, operation, 1, checks.get(target)!);
        }
        for (let r = 0; r < ROUNDS; r++) {
          for (const { target, port, child } of running) {
            const cpuBefore = cpuMicros(child.pid!);
            const result = await run(port, operation, SECONDS, checks.get(target)!);
            cpu.get(target)!.push((cpuMicros(child.pid!) - cpuBefore) / result.requests.total);
            if (result.non2xx || result.errors || result.mismatches || result.timeouts) {
              throw new Error(
                `${target} ${operation.name}: invalid round (non2xx ${result.non2xx}, errors ${result.errors}, mismatches ${result.mismatches}, timeouts ${result.timeouts})`,
              );
            }
            rounds.get(target)!.push(result);
          }
        }
        for (const { target } of running) {
          const mine = rounds.get(target)!;
          cells.push({
            size: size === 1 ? 'seed' : String(size),
            operation: operation.name,
            target,
            requestsPerSecond: Math.round(median(mine.map((r) => r.requests.average))),
            roundsPerSecond: mine.map((r) => Math.round(r.requests.average)),
            group: group / together,
            p50Ms: median(mine.map((r) => r.latency.p50)),
            p99Ms: median(mine.map((r) => r.latency.p99)),
            bytesPerResponse: bytes.get(target)!,
            cpuMicrosPerRequest: Math.round(median(cpu.get(target)!)),
          });
          console.error(
            `${cells.at(-1)!.size} ${operation.name} ${target}: ${cells.at(-1)!.requestsPerSecond} req/s (rounds ${mine.map((r) => Math.round(r.requests.average)).join(', ')}), ${cells.at(-1)!.cpuMicrosPerRequest} us CPU/request`,
          );
        }
      }
    } finally {
      for (const { child } of running) child.kill('SIGTERM');
    }
  }
  return cells;
}

function ratio(cells: readonly Cell[], size: string, operation: string, a: string, b: string): string {
  const find = (t: string) => cells.find((c) => c.size === size && c.operation === operation && c.target === t)?.requestsPerSecond;
  const x = find(a);
  const y = find(b);
  return x && y ? (x / y).toFixed(2) : '';
}

/**
 * The median of the per-round ratios of `a` to `b`: round i of one against
 * round i of the other, which ran seconds apart. Empty unless the two were
 * measured side by side, in interleaved rounds.
 */
function pairedRatio(cells: readonly Cell[], size: string, operation: string, a: string, b: string): string {
  const find = (t: string) => cells.find((c) => c.size === size && c.operation === operation && c.target === t);
  const x = find(a);
  const y = find(b);
  if (!x || !y || x.group !== y.group) return '';
  return median(x.roundsPerSecond.map((rate, i) => rate / y.roundsPerSecond[i])).toFixed(2);
}

/** The table of paired ratios, for the operations whose targets were measured side by side. */
export function pairedTable(cells: readonly Cell[]): string {
  const pairs: [string, string][] = [
    ['ours', 'B1'],
    ['ours', 'P1'],
    ['ours', 'P2'],
    ['ours-cached', 'P2'],
    ['ours-cached', 'B1'],
    // With BENCH_BEFORE: the other checkout against the same alternatives, and this one against it.
    ['before', 'P2'],
    ['before-cached', 'B1'],
    ['ours', 'before'],
    ['ours-cached', 'before-cached'],
  ].filter(([a, b]) => cells.some((c) => c.target === a) && cells.some((c) => c.target === b)) as [string, string][];
  const rows = cells
    .filter((c) => c.target === 'ours')
    .map((c) => [c.size, c.operation, ...pairs.map(([a, b]) => pairedRatio(cells, c.size, c.operation, a, b))])
    .filter((row) => row.slice(2).some((value) => value !== ''));
  if (rows.length === 0) return '';
  const header = `| size | operation | ${pairs.map(([a, b]) => `${a === 'ours-cached' ? 'cached' : a}/${b === 'ours-cached' ? 'cached' : b}`).join(' | ')} |`;
  return [
    '',
    '## Ratios of interleaved rounds',
    '',
    'The median, over the rounds, of the ratio of two targets in the same round. Round i of each target runs seconds apart from round i of the others, so a drift of the machine over the minutes of a run falls on both sides of each ratio, and the median of the ratios moves less with it than the ratio of the medians above; a slow burst shorter than a round still falls on one target only. With a quiet machine the two agree.',
    '',
    header,
    `| ${header
      .split('|')
      .slice(1, -1)
      .map(() => '---')
      .join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n');
}

/**
 * The operations for a corpus size. The graph loaded to choose their variables
 * is let go of, and collected, before anything is measured: autocannon runs in
 * this process, and a load generator holding a 4 GB heap (100,000 articles)
 * spends its time in full collections, slowing every target alike.
 */
function operationsFor(size: number): BenchOperation[] {
  const operations = benchOperations(loadGraph(dataDir(size)));
  (globalThis as { gc?: () => void }).gc?.();
  return operations;
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '1,1000').split(',').map(Number);
  const targets = (process.env.BENCH_TARGETS ?? 'B0,B1,P1,P2,ours,ours-cached').split(',');
  const only = process.env.BENCH_OPERATIONS?.split(',');
  const resultsName = process.env.BENCH_RESULTS ?? 'http';
  const cells: Cell[] = [];
  for (const size of sizes) {
    const operations = operationsFor(size).filter((op) => !only || only.includes(op.name));
    // The reference answers: what stock Apollo returns, compared by parsed value.
    const reference = new Map<string, unknown>();
    const { port, child } = await startTarget('P1', dataDir(size));
    try {
      for (const op of operations) reference.set(op.name, JSON.parse((await post(port, op.body)).text));
    } finally {
      child.kill('SIGTERM');
    }
    // Every target at once up to 1,000 articles; one at a time above (a process holding 100,000 articles takes 4 GB).
    const together = Number(process.env.BENCH_TOGETHER ?? (size <= 1000 ? targets.length : 1));
    cells.push(...(await measureSize(size, targets, operations, reference, together)));
  }
  const header = '| size | operation | target | req/s | p50 ms | p99 ms | bytes | CPU us/req | ours/B1 | ours/P1 | ours/P2 | cached/P2 | cached/B1 |';
  const lines = cells.map((c) => {
    const mine = c.target === 'ours';
    return `| ${c.size} | ${c.operation} | ${c.target} | ${c.requestsPerSecond} | ${c.p50Ms} | ${c.p99Ms} | ${c.bytesPerResponse} | ${c.cpuMicrosPerRequest} | ${mine ? ratio(cells, c.size, c.operation, 'ours', 'B1') : ''} | ${mine ? ratio(cells, c.size, c.operation, 'ours', 'P1') : ''} | ${mine ? ratio(cells, c.size, c.operation, 'ours', 'P2') : ''} | ${c.target === 'ours-cached' ? ratio(cells, c.size, c.operation, 'ours-cached', 'P2') : ''} | ${c.target === 'ours-cached' ? ratio(cells, c.size, c.operation, 'ours-cached', 'B1') : ''} |`;
  });
  const markdown = `# HTTP benchmark\n\nnode ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s (median), after a 1 s warm-up. CPU us/req is the target process's CPU time (all its threads, kernel included) per request served, median of the rounds: unlike req/s it does not depend on whether the target or the load generator, on the other core, was the bottleneck.\n\n${header}\n| ${header
    .split('|')
    .slice(1, -1)
    .map(() => '---')
    .join(' | ')} |\n${lines.join('\n')}\n${pairedTable(cells)}`;
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${resultsName}.md`), markdown);
  writeFileSync(join(RESULTS_DIR, `${resultsName}.json`), `${JSON.stringify(cells, null, 2)}\n`);
  console.log(markdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
