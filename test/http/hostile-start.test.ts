import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/generate-corpus';
import { spawnService } from '../helpers/service-process';
import { CONFORMANCE_DATA_DIR } from '../store/graph-store-conformance';

/**
 * Start-up always ends: the service serves, or exits 1 naming every problem
 * of the data, whatever the data folder holds; and a signal during a long
 * first load stops it.
 */
let root: string;
let dir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'newsgraph-hostile-start-'));
  dir = join(root, 'graph-data');
  cpSync(CONFORMANCE_DATA_DIR, dir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the service started on a hostile data folder', () => {
  jest.setTimeout(60_000);

  it('exits 1 naming a named pipe and a looping link, without hanging', async () => {
    execFileSync('mkfifo', [join(dir, 'articles', 'pipe.json')]);
    symlinkSync('.', join(dir, 'articles', 'again'));
    const service = spawnService({ GRAPH_DATA_DIR: dir });
    expect(await service.exited).toBe(1);
    const fatal = service.lines.find((line) => line.level === 'fatal');
    expect(fatal?.problems).toEqual([
      { file: 'articles/again', path: '$', message: 'a link to a folder already read (articles): it makes a loop; remove the link' },
      { file: 'articles/pipe.json', path: '$', message: 'a named pipe, not a regular file: only regular files ending in ".json" belong here; remove it' },
    ]);
  });

  it('stops, exit code 0, on SIGTERM while it is still loading a large graph', async () => {
    generateCorpus(dir, { articles: 1000, seed: 9 });
    const service = spawnService({ GRAPH_DATA_DIR: dir });
    // Signal handlers are in place before the load starts, which is logged.
    await service.waitFor((line) => line.event === 'load');
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(service.lines.map((line) => line.event)).toEqual(['load', 'stop']);
  });
});
