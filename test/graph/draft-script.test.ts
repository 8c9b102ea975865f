import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FIXTURES_DIR } from '../helpers/graph-fixture';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';
import { builtService } from '../helpers/service-process';

/** `src/draft.ts` as the tests' global setup built it beside the service (dist/src/draft.js): the code `npm run draft` runs, without compiling it at each run. */
const SCRIPT = join(dirname(builtService()), 'draft.js');

/** Runs the draft script with `args`, against the seed graph. */
const run = (...args: string[]) =>
  spawnSync(process.execPath, [SCRIPT, ...args], {
    env: { ...process.env, GRAPH_DATA_DIR: SEED_GRAPH_DIR },
    encoding: 'utf8',
  });

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'newsgraph-draft-script-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run draft', () => {
  it('prints the draft of a text file as JSON, valid against the graph, and exits 0', () => {
    const result = run(join(FIXTURES_DIR, 'seed-article.txt'));
    expect([result.status, result.stderr]).toEqual([0, '']);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(['slug', 'valid', 'body', 'review', 'problems']);
    expect([printed.slug, printed.valid, printed.problems, Object.keys(printed.body)]).toEqual([
      'zuckerberg-advocates-american-open-source-ai-standards',
      true,
      [],
      ['article', 'entities'],
    ]);
    expect(printed.body.article.quotes.map((q: { key: string }) => q.key)).toEqual([
      'have-advances-will-hope',
      'probably-too-early-really',
      'if-anything-some-recent',
      'theres-going-open-source',
      'am-optimistic-about-progress',
    ]);
    expect(printed.review.length).toBe(9);
    expect(result.stdout.endsWith('}\n')).toBe(true);
  });

  it('prints the problems of a draft the write API would refuse, and exits 1', () => {
    const file = join(root, 'no-headline.txt');
    writeFileSync(
      file,
      `\n${readFileSync(join(FIXTURES_DIR, 'drafts', 'corvane-quarter.txt'), 'utf8')
        .split('\n')
        .slice(1)
        .join('\n')}`,
    );
    const result = run(file);
    expect([result.status, result.stderr]).toEqual([1, 'problem: articles/untitled.json $.headline: must NOT have fewer than 1 characters\n']);
    expect(JSON.parse(result.stdout).valid).toBe(false);
  });

  it('says what to give when no file is named, or the file cannot be read, and exits 2', () => {
    const none = run();
    const missing = run(join(root, 'missing.txt'));
    expect([none.status, none.stdout, none.stderr]).toEqual([
      2,
      '',
      'draft failed: name the text file to draft: npm run draft -- <file.txt> (first line the headline, the rest the body)\n',
    ]);
    expect([missing.status, missing.stderr.startsWith(`draft failed: ENOENT: no such file or directory, open '${join(root, 'missing.txt')}'`)]).toEqual([
      2,
      true,
    ]);
  });

  it('refuses a text with no body, as POST /admin/drafts does, and exits 2', () => {
    const headlineOnly = join(root, 'headline-only.txt');
    writeFileSync(headlineOnly, 'A headline and nothing else\n\n');
    const empty = join(root, 'empty.txt');
    writeFileSync(empty, '  \n');
    expect([run(headlineOnly).status, run(headlineOnly).stdout, run(headlineOnly).stderr]).toEqual([
      2,
      '',
      `draft failed: ${headlineOnly}: The text has a headline and no body: send the body on the lines after the headline.\n`,
    ]);
    expect(run(empty).stderr).toBe(`draft failed: ${empty}: The text is empty: send the headline on the first line, then the body.\n`);
  });
});
