import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DenseMap } from '../src/graph/dense-map';

/**
 * What the search index's maps with an entry per document cost as they
 * grow (src/graph/dense-map.ts): MiniSearch keeps three (its two maps of
 * document ids and its field lengths), filled one document at a time while
 * a load or a reload builds the index. Each round fills three maps to
 * BENCH_DOCUMENTS entries (850,000: the search documents of 100,000
 * articles) as MiniSearch does, once with JavaScript Maps and once with
 * DenseMaps, in turns, beside a live heap of BENCH_BALLAST_MB (1,024) of
 * small objects (a served graph makes every young collection dearer), and
 * takes the longest step (one document's three entries: a step in which a
 * map grew, or a collection ran) and the whole time.
 */

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 850_000);
const BALLAST_MB = Number(process.env.BENCH_BALLAST_MB ?? 1024);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RESULTS_DIR = join(__dirname, 'results');

interface Round {
  kind: 'Map' | 'DenseMap';
  worstStepMs: number;
  totalMs: number;
}

/** Live small objects, about `megabytes` of them, kept until the end. */
function ballast(megabytes: number): unknown[] {
  const kept: unknown[] = [];
  // About 64 bytes an object with its slot in the list.
  for (let i = 0; i < (megabytes * 1024 * 1024) / 64; i++) kept.push({ id: i, next: null });
  return kept;
}

function fill(kind: Round['kind']): Round {
  const make = (): Map<number, unknown> => (kind === 'Map' ? new Map() : new DenseMap());
  const documentIds = make();
  const idToShortId = make();
  const fieldLength = make();
  let worst = 0;
  const started = performance.now();
  for (let id = 0; id < DOCUMENTS; id++) {
    const step = performance.now();
    idToShortId.set(id, id);
    documentIds.set(id, id);
    fieldLength.set(id, [3, 12, 0]);
    const ms = performance.now() - step;
    if (ms > worst) worst = ms;
  }
  const totalMs = performance.now() - started;
  if (documentIds.size !== DOCUMENTS || fieldLength.size !== DOCUMENTS) throw new Error(`${kind} lost entries`);
  return { kind, worstStepMs: Math.round(worst * 10) / 10, totalMs: Math.round(totalMs) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const kept = ballast(BALLAST_MB);
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const kind of (r % 2 === 0 ? ['Map', 'DenseMap'] : ['DenseMap', 'Map']) as Round['kind'][]) {
      const round = fill(kind);
      rounds.push(round);
      console.error(`round ${r + 1} ${kind}: longest step ${round.worstStepMs} ms, ${round.totalMs} ms in all`);
    }
  }
  const lines = [
    '# Maps with an entry per search document, growing',
    '',
    `node ${process.version}, ${new Date().toISOString().slice(0, 10)}, three maps filled to ${DOCUMENTS} entries each, ${ROUNDS} rounds in turns, beside ${BALLAST_MB} MB of live objects (${kept.length} kept)`,
    '',
    '| map | longest step ms (median) | longest step ms (each round) | whole fill ms (median) | whole fill ms (each round) |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const kind of ['Map', 'DenseMap'] as const) {
    const mine = rounds.filter((r) => r.kind === kind);
    lines.push(
      `| ${kind} | ${median(mine.map((r) => r.worstStepMs))} | ${mine.map((r) => r.worstStepMs).join(', ')} | ${median(mine.map((r) => r.totalMs))} | ${mine.map((r) => r.totalMs).join(', ')} |`,
    );
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'map-growth.md'), `${lines.join('\n')}\n`);
  writeFileSync(join(RESULTS_DIR, 'map-growth.json'), `${JSON.stringify({ documents: DOCUMENTS, ballastMB: BALLAST_MB, rounds }, null, 2)}\n`);
  console.log(lines.join('\n'));
}

main();
