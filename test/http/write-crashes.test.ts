import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGraph } from '../../src/graph';
import { send, startHttpService } from '../helpers/http-service';
import { spawnService } from '../helpers/service-process';
import { CONFORMANCE_DATA_DIR } from '../store/graph-store-conformance';

/**
 * A write is durable before its reply, and a crash at any moment of it
 * leaves every data file whole: the built service is killed (SIGKILL, by
 * NEWSGRAPH_FAULT_AT) at each step of a write that changes two files (a new
 * article and an entity it brings), then started again on the same folder
 * (in this process: starting reads the folder as main.ts does, and recovers
 * the journal before it listens).
 */
const TOKEN = 'crash-token-0123456789abcdef';

const ARTICLE = {
  id: 'article:night-ferry',
  headline: 'Sample report: a night ferry for the estuary',
  text: 'The Estuary Ferry Company will add a night ferry, its chief executive Bram Okafor said. The Pilots Guild welcomed it.',
  entities: ['organization:estuary-ferry-company', 'person:bram-okafor', 'organization:pilots-guild'],
};
const GUILD = { id: 'organization:pilots-guild', type: 'Organization', name: 'Pilots Guild', description: 'Fixture organization: the estuary pilots.' };

/** A copy of the fixture graph in a folder of its own (the cases run at once, each on its own copy). */
function copyFixture(): { dir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'newsgraph-crash-'));
  const dir = join(root, 'graph-data');
  cpSync(CONFORMANCE_DATA_DIR, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Starts the built service on `dir` as a process, and resolves with its port once it listens. */
async function start(dir: string, env: Record<string, string> = {}) {
  const service = spawnService({ GRAPH_DATA_DIR: dir, ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'info', ...env });
  const started = await service.waitFor((line) => line.event === 'start');
  return { ...service, port: started.port as number };
}

const put = (port: number) =>
  send(`http://127.0.0.1:${port}/admin/articles/night-ferry`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ article: ARTICLE, entities: [GUILD] }),
  });

/** Every file of the data folder parses (none is torn), and no staged or journal file is left visible to the loader. */
function expectWholeFiles(dir: string): void {
  for (const folder of ['articles', 'entities']) {
    for (const name of readdirSync(join(dir, folder))) {
      if (name.startsWith('.')) continue;
      expect(() => JSON.parse(readFileSync(join(dir, folder, name), 'utf8'))).not.toThrow();
    }
  }
}

describe('a write killed at each of its steps', () => {
  jest.setTimeout(60_000);

  // Each case starts the service twice: they run at once, each on its own copy of the data.
  it.concurrent.each([
    ['journal-staged', 'the graph before the write', false],
    ['journal-written', 'the write, finished', true],
    ['file-staged', 'the write, finished', true],
    ['file-replaced', 'the write, finished', true],
    ['journal-removed', 'the write', true],
  ])('at %s leaves every file whole, and the next start serves %s', async (step, _served, applied) => {
    const { dir, remove } = copyFixture();
    const before = loadGraph(dir).version;
    const dying = await start(dir, { NEWSGRAPH_FAULT_AT: step });
    const reply = await put(dying.port).catch((error: NodeJS.ErrnoException) => error.code);
    // The process was killed before it could answer.
    expect(reply).toBe('ECONNRESET');
    expect(await dying.exited).toBeNull();
    expectWholeFiles(dir);

    const again = await startHttpService({ GRAPH_DATA_DIR: dir, ADMIN_TOKEN: TOKEN });
    try {
      const answer = await send(again.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ node(id: "article:night-ferry") { id } guild: node(id: "organization:pilots-guild") { id } stats { version } }' }),
      });
      const { node, guild, stats } = answer.json.data;
      // Both files or neither: the article and the entity it brings come together.
      expect([node?.id ?? null, guild?.id ?? null]).toEqual(applied ? ['article:night-ferry', 'organization:pilots-guild'] : [null, null]);
      expect(stats.version).toBe(applied ? loadGraph(dir).version : before);
      expect(existsSync(join(dir, '.newsgraph-journal.json'))).toBe(false);
      expectWholeFiles(dir);
    } finally {
      await again.close();
      remove();
    }
  });

  it('is in the files before its reply, and served after a restart', async () => {
    const { dir, remove } = copyFixture();
    const service = await start(dir);
    const reply = await put(service.port);
    expect([reply.status, reply.json.status, reply.json.created]).toEqual([200, 'applied', true]);
    service.child.kill('SIGKILL');
    await service.exited;
    expect(JSON.parse(readFileSync(join(dir, 'articles', 'night-ferry.json'), 'utf8'))).toEqual(ARTICLE);
    const again = await startHttpService({ GRAPH_DATA_DIR: dir });
    try {
      expect(again.logs.find((line) => line.event === 'start')).toMatchObject({ articles: 4, version: reply.json.version });
    } finally {
      await again.close();
      remove();
    }
  });
});
