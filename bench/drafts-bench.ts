import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DraftGraph, draftArticle, InMemoryGraphStore, loadGraph, readDraftGraph } from '../src/graph';
import type { RawArticle } from '../src/graph/raw-data';
import { addTallies, type DraftScore, type ExpectedDraft, precisionRecall, scoreDraft, type Tally } from './draft-scores';

/**
 * `npm run bench:drafts`: drafts the seed article (its raw text, against the
 * seed graph) and the sample reports of test/fixtures/drafts (against their
 * graph), compares each with what is expected of it (the seed's hand-made
 * file; each sample's expected file), and writes precision and recall for
 * quotes, speakers and money figures to bench/results/drafts.md and .json.
 */
const ROOT = join(__dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const DRAFTS = join(FIXTURES, 'drafts');
const RESULTS_DIR = join(__dirname, 'results');
/** Samples written after the rules were settled, and not used to tune them. */
const HELD_OUT = new Set(['saltmere-port']);

/** What the seed's hand-made file says: its quotes and speakers, and its money figures. */
function expectedOfSeed(article: RawArticle): ExpectedDraft {
  return {
    quotes: (article.quotes ?? []).map((q) => ({ text: q.text, speaker: q.speaker })),
    money: (article.figures ?? [])
      .filter((f) => /^[A-Z]{3}$/.test(f.unit))
      .map((f) => ({ words: f.source.exact, value: f.value, minValue: f.minValue, maxValue: f.maxValue, unit: f.unit })),
  };
}

async function main(): Promise<void> {
  const runs: { name: string; score: DraftScore }[] = [];
  const seedDir = join(FIXTURES, 'seed-graph');
  const seedGraph = await readDraftGraph(new InMemoryGraphStore(loadGraph(seedDir)));
  const [seedFile] = readdirSync(join(seedDir, 'articles'));
  const handMade = JSON.parse(readFileSync(join(seedDir, 'articles', seedFile), 'utf8')) as RawArticle;
  runs.push({
    name: 'seed article',
    score: scoreDraft(draftArticle(readFileSync(join(FIXTURES, 'seed-article.txt'), 'utf8'), seedGraph), expectedOfSeed(handMade)),
  });

  const sampleGraph = JSON.parse(readFileSync(join(DRAFTS, 'graph.json'), 'utf8')) as DraftGraph;
  for (const file of readdirSync(DRAFTS)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const name = file.replace(/\.txt$/, '');
    const expected = JSON.parse(readFileSync(join(DRAFTS, `${name}.expected.json`), 'utf8')) as ExpectedDraft;
    runs.push({
      name: `sample ${name}${HELD_OUT.has(name) ? ' (held out)' : ''}`,
      score: scoreDraft(draftArticle(readFileSync(join(DRAFTS, file), 'utf8'), sampleGraph), expected),
    });
  }

  const kinds = ['quotes', 'speakers', 'money'] as const;
  const total = (kind: (typeof kinds)[number], rows = runs) => addTallies(rows.map((r) => r.score[kind]));
  const cell = (t: Tally) => {
    const { precision, recall } = precisionRecall(t);
    return `${t.matched}/${t.found} = ${precision.toFixed(2)} | ${t.matched}/${t.expected} = ${recall.toFixed(2)}`;
  };
  const samples = runs.filter((r) => r.name.startsWith('sample'));
  const heldOut = runs.filter((r) => r.name.endsWith('(held out)'));
  const lines = [
    '# Drafts from raw text: precision and recall',
    '',
    'Written by `npm run bench:drafts` (bench/drafts-bench.ts). Each cell is precision (matched / found) | recall (matched / expected).',
    'Quotes match by their exact words; a speaker counts over the quotes with one (the same speaker of the same quote);',
    'a money figure matches by its unit, value or range and words. The seed and the samples other than the held-out one were',
    'read while the rules were written: their scores show the rules at work, not how they do on unseen text.',
    '',
    '| text | quotes P | quotes R | speakers P | speakers R | money P | money R |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map((r) => `| ${r.name} | ${kinds.map((k) => cell(r.score[k])).join(' | ')} |`),
    `| all samples | ${kinds.map((k) => cell(total(k, samples))).join(' | ')} |`,
    `| held-out samples | ${kinds.map((k) => cell(total(k, heldOut))).join(' | ')} |`,
    `| all | ${kinds.map((k) => cell(total(k))).join(' | ')} |`,
    '',
    '## Misses',
    '',
    ...runs.flatMap((r) => r.score.misses.map((m) => `- ${r.name}: ${m}`)),
    '',
  ];
  const json = {
    runs: runs.map((r) => ({ name: r.name, ...r.score })),
    total: Object.fromEntries(kinds.map((k) => [k, { ...total(k), ...precisionRecall(total(k)) }])),
    heldOut: Object.fromEntries(kinds.map((k) => [k, { ...total(k, heldOut), ...precisionRecall(total(k, heldOut)) }])),
    samples: Object.fromEntries(kinds.map((k) => [k, { ...total(k, samples), ...precisionRecall(total(k, samples)) }])),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'drafts.md'), lines.join('\n'));
  writeFileSync(join(RESULTS_DIR, 'drafts.json'), `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
