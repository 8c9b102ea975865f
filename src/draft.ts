import { readFileSync } from 'node:fs';
import { ConfigError, readConfig } from './config';
import { draftArticle, formatProblem, InMemoryGraphStore, loadGraph, readDraftGraph, reportDraft, undraftableText } from './graph';
import { isPlan, planArticlePut } from './graph/graph-writes';

/**
 * `npm run draft -- <file.txt>`: drafts the graph data of an article from
 * its raw text (first line the headline, the rest the body) against the
 * graph in GRAPH_DATA_DIR, and prints the draft, its review notes and the
 * write API's problems as JSON. Exit code 0 when the body would be
 * accepted as it is, 1 when it has problems, 2 when it cannot be drafted.
 */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) throw new ConfigError('name the text file to draft: npm run draft -- <file.txt> (first line the headline, the rest the body)');
  const raw = readFileSync(file, 'utf8');
  const undraftable = undraftableText(raw);
  if (undraftable !== undefined) throw new Error(`${file}: ${undraftable}`);
  const snapshot = loadGraph(readConfig().graphDataDir);
  const draft = draftArticle(raw, await readDraftGraph(new InMemoryGraphStore(snapshot)));
  const planned = planArticlePut(snapshot, draft.slug, draft.body);
  const report = reportDraft(draft, isPlan(planned) ? { ok: true, created: planned.created } : { ok: false, ...planned });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  for (const problem of report.problems) process.stderr.write(`problem: ${formatProblem(problem)}\n`);
  return report.valid ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`draft failed: ${(error as Error).message}`);
    process.exit(2);
  },
);
