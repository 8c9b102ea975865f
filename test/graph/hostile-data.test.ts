import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataProblem, GraphDataError, loadGraph, MemoryLiveGraph } from '../../src/graph';
import { CONFORMANCE_DATA_DIR } from '../store/graph-store-conformance';

/**
 * A data folder can hold what no editor would put there: a named pipe, links
 * that loop or lead out, bytes that are not UTF-8, a huge file. Each is a
 * problem naming the file, found without hanging, and the graph served
 * before keeps being served.
 */
let root: string;
let dir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'newsgraph-hostile-'));
  dir = join(root, 'graph-data');
  cpSync(CONFORMANCE_DATA_DIR, dir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function problemsOf(folder: string): readonly DataProblem[] {
  try {
    loadGraph(folder);
  } catch (error) {
    if (error instanceof GraphDataError) return error.problems;
    throw error;
  }
  throw new Error(`expected ${folder} to be refused, but it loaded`);
}

describe('the loader, given hostile files', () => {
  it('reports a named pipe as a problem without opening it', async () => {
    execFileSync('mkfifo', [join(dir, 'articles', 'pipe.json')]);
    expect(problemsOf(dir)).toEqual([
      { file: 'articles/pipe.json', path: '$', message: 'a named pipe, not a regular file: only regular files ending in ".json" belong here; remove it' },
    ]);
    // The same through a reload of a graph being served: refused, and the graph kept.
    rmSync(join(dir, 'articles', 'pipe.json'));
    const graph = await MemoryLiveGraph.open(dir);
    const version = graph.current.version;
    execFileSync('mkfifo', [join(dir, 'articles', 'pipe.json')]);
    await expect(graph.reload()).rejects.toMatchObject({ problems: [{ file: 'articles/pipe.json', path: '$' }] });
    expect(graph.current.version).toBe(version);
  });

  it('reports folder links that loop, naming each link, and reads every real file once', () => {
    symlinkSync('.', join(dir, 'articles', 'a'));
    symlinkSync('.', join(dir, 'articles', 'b'));
    expect(problemsOf(dir)).toEqual([
      { file: 'articles/a', path: '$', message: 'a link to a folder already read (articles): it makes a loop; remove the link' },
      { file: 'articles/b', path: '$', message: 'a link to a folder already read (articles): it makes a loop; remove the link' },
    ]);
  });

  it('reports a link that leads out of the data directory, and follows one that stays inside', () => {
    writeFileSync(join(root, 'outside.json'), readFileSync(join(dir, 'articles', 'harbor-budget.json')));
    symlinkSync(join(root, 'outside.json'), join(dir, 'articles', 'outside.json'));
    expect(problemsOf(dir)).toEqual([
      {
        file: 'articles/outside.json',
        path: '$',
        message: `a link to ${join(root, 'outside.json')}, outside the data directory: links must point inside it; copy the file in instead`,
      },
    ]);
    rmSync(join(dir, 'articles', 'outside.json'));
    symlinkSync(join(dir, 'entities'), join(dir, 'articles', 'elsewhere'));
    // A link inside the folder is read as what it points to: here entity files where articles belong, each refused by the article schema.
    expect(problemsOf(dir).map((p) => p.file)).toEqual(expect.arrayContaining(['articles/elsewhere/people.json']));
  });

  it('reports bytes that are not UTF-8 with the file and the byte offset', () => {
    const file = join(dir, 'entities', 'people.json');
    const text = readFileSync(file, 'utf8');
    const at = Buffer.byteLength(text.slice(0, text.indexOf('Okafor') + 3));
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe]), bytes.subarray(at)]));
    expect(problemsOf(dir)).toContainEqual({
      file: 'entities/people.json',
      path: '$',
      message: `not valid UTF-8: the byte at offset ${at} (0xFF) does not begin or continue a character; save the file as UTF-8`,
    });
  });

  it('reports a file over the size limit without reading it', async () => {
    writeFileSync(join(dir, 'articles', 'huge.json'), Buffer.alloc(5000, 0x20));
    const { readGraphData } = await import('../../src/graph/read-graph-data');
    expect(readGraphData(dir, { maxFileBytes: 4000 }).problems).toEqual([
      { file: 'articles/huge.json', path: '$', message: 'the file has 5000 bytes; a data file may have at most 4000 (MAX_DATA_FILE_BYTES)' },
    ]);
  });
});
