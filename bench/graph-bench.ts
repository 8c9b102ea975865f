import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUNDLED_GRAPH_DATA_DIR } from '../src/config';
import { type GraphSnapshot, loadGraph } from '../src/graph';
import { findPath } from '../src/graph/find-path';
import { neighborhood } from '../src/graph/neighborhood';
import { CORPUS_VERSION, generateCorpus } from './generate-corpus';

/**
 * Measures the graph layer on corpora of growing size: load and validation
 * time, heap, bytes per node, and the time of search, path and neighbourhood
 * queries. Run with `npm run bench`; BENCH_FULL=1 adds 100,000 articles.
 */

const CORPUS_DIR = join(__dirname, '.corpus');
const RESULTS_DIR = join(__dirname, 'results');

interface Row {
  corpus: string;
  articles: number;
  nodes: number;
  edges: number;
  loadMs: number;
  loadMsPer1000Articles: number;
  heapMB: number;
  bytesPerNode: number;
  searchTerms: number;
  searchP50Us: number;
  searchP99Us: number;
  pathP50Us: number;
  pathP99Us: number;
  pathsFound: string;
  neighborhoodP50Us: number;
}

function heapUsed(): number {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

/** Times `run` on each input after a warm-up pass; returns sorted microseconds. */
function time<T>(inputs: readonly T[], run: (input: T) => unknown): number[] {
  for (const input of inputs) run(input);
  const micros = inputs.map((input) => {
    const start = performance.now();
    run(input);
    return (performance.now() - start) * 1000;
  });
  return micros.sort((a, b) => a - b);
}

function corpus(articles: number): string {
  const dir = join(CORPUS_DIR, `articles-${articles}-seed-42-v${CORPUS_VERSION}`);
  if (!existsSync(join(dir, 'articles'))) {
    const started = performance.now();
    generateCorpus(dir, { articles, seed: 42 });
    console.error(`generated ${articles} articles in ${Math.round(performance.now() - started)} ms`);
  }
  return dir;
}

function measure(name: string, dir: string): Row {
  const before = heapUsed();
  const started = performance.now();
  const snapshot: GraphSnapshot = loadGraph(dir);
  const loadMs = performance.now() - started;
  // The adjacency's typed arrays live outside the JS heap.
  const { start, edge, other } = snapshot.adjacency;
  let heap = heapUsed() - before + start.byteLength + edge.byteLength + other.byteLength;
  if (snapshot.nodes.size < 1000) {
    // A small graph's heap is within the noise of one measurement (code compiled, caches): hold 20 more copies and average.
    const more = heapUsed();
    const copies = Array.from({ length: 20 }, () => loadGraph(dir));
    heap = (heapUsed() - more) / copies.length + start.byteLength + edge.byteLength + other.byteLength;
  }
  const articles = snapshot.nodesByKind.get('ARTICLE')!.length;

  const people = snapshot.nodesByKind.get('PERSON')!;
  const queries = [
    ...people.slice(0, 20).map((p) => ('name' in p ? p.name.split(' ')[1] : '')),
    ...people.slice(0, 20).map((p) => ('name' in p ? `${p.name.split(' ')[1].slice(0, -1)}x` : '')),
    'open source',
    'capital expenditure',
    'invest',
    'chip exports plans',
    'data privacy regulators',
  ];
  const search = time(queries, (q) =>
    snapshot.search
      .search(q)
      .slice(0, 10)
      .map((hit) => snapshot.search.withSnippet(hit)),
  );

  // Pairs of entities chosen evenly through the list, so the same pairs each run.
  const entities = [...people, ...snapshot.nodesByKind.get('ORGANIZATION')!, ...snapshot.nodesByKind.get('PLACE')!];
  const pairs = Array.from({ length: 50 }, (_, i) => [entities[(i * 7919) % entities.length].id, entities[(i * 104729 + 13) % entities.length].id] as const);
  let found = 0;
  const path = time(pairs, ([from, to]) => findPath(snapshot, from, to, 6));
  for (const [from, to] of pairs) if (findPath(snapshot, from, to, 6)) found++;
  const hood = time(entities.slice(0, 50), (e) => neighborhood(snapshot, e.id, 2, 500));

  return {
    corpus: name,
    articles,
    nodes: snapshot.nodes.size,
    edges: snapshot.edgesById.size,
    loadMs: Math.round(loadMs),
    loadMsPer1000Articles: Math.round((loadMs / Math.max(1, articles)) * 1000),
    heapMB: Math.round(heap / 1e5) / 10,
    bytesPerNode: Math.round(heap / snapshot.nodes.size),
    searchTerms: snapshot.search.termCount,
    searchP50Us: Math.round(percentile(search, 0.5)),
    searchP99Us: Math.round(percentile(search, 0.99)),
    pathP50Us: Math.round(percentile(path, 0.5)),
    pathP99Us: Math.round(percentile(path, 0.99)),
    pathsFound: `${found}/${pairs.length}`,
    neighborhoodP50Us: Math.round(percentile(hood, 0.5)),
  };
}

function table(rows: readonly Row[]): string {
  const columns = Object.keys(rows[0]) as (keyof Row)[];
  return [`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${columns.map((c) => r[c]).join(' | ')} |`)].join(
    '\n',
  );
}

function main(): void {
  if (!global.gc) console.error('note: run with --expose-gc for exact heap figures (npm run bench does)');
  const sizes = [1000, 12_500, ...(process.env.BENCH_FULL === '1' ? [100_000] : [])];
  // A first, discarded load warms the loader up, so that the seed row measures the graph and not the code.
  measure('warm-up', BUNDLED_GRAPH_DATA_DIR);
  const rows = [measure('seed article', BUNDLED_GRAPH_DATA_DIR), ...sizes.map((n) => measure(`synthetic ${n}`, corpus(n)))];
  const markdown = `# Graph layer benchmark\n\nnode ${process.version}, ${new Date().toISOString().slice(0, 10)}\n\n${table(rows)}\n`;
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'graph.md'), markdown);
  writeFileSync(join(RESULTS_DIR, 'graph.json'), `${JSON.stringify(rows, null, 2)}\n`);
  console.log(markdown);
}

main();
