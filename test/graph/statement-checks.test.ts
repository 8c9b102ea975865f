import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphDataError, loadGraph } from '../../src/graph';
import { LIGHTHOUSE_FIXTURES } from '../fixtures/lighthouse-fixtures';
import { fixtureFolders, FIXTURES_DIR } from '../helpers/graph-fixture';

const fixtures = fixtureFolders(LIGHTHOUSE_FIXTURES);
afterAll(() => fixtures.remove());

/** The problems of the graph data in `dir`. */
function problemsOf(dir: string) {
  try {
    loadGraph(dir);
  } catch (error) {
    if (error instanceof GraphDataError) return error.problems;
    throw error;
  }
  throw new Error(`${dir} loaded, but it should not`);
}

describe('loadGraph: who says what', () => {
  it('refuses a quote whose words the article does not put in quotation marks', () => {
    expect(problemsOf(fixtures.dir('quote-outside-quotation-marks'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.quotes[1].text',
        message: 'quote is not within quotation marks: the words at offsets 78-131 are not inside a quotation in the article text',
      },
    ]);
  });

  it('refuses a claimant that is not a person or an organization', () => {
    expect(problemsOf(fixtures.dir('claimant-not-an-actor'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.claims[0].claimant',
        message: 'entity "place:port-ellery" is of kind PLACE; expected PERSON or ORGANIZATION',
      },
    ]);
  });
});

describe('loadGraph: files that cannot be read', () => {
  it('reports a data file that cannot be read, with the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-unreadable-'));
    try {
      cpSync(join(FIXTURES_DIR, 'valid-lighthouse'), dir, { recursive: true });
      symlinkSync(join(dir, 'nowhere.json'), join(dir, 'entities', 'missing.json'));
      expect(problemsOf(dir)).toEqual([{ file: 'entities/missing.json', path: '$', message: 'the file cannot be read (ENOENT)' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
