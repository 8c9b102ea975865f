import { LIGHTHOUSE_FIXTURES } from '../fixtures/lighthouse-fixtures';
import { fixtureFolders } from '../helpers/graph-fixture';
import { join } from 'node:path';
import { InMemoryGraphStore, loadGraph } from '../../src/graph';
import type { PostgresLiveGraph } from '../../src/postgres';
import { errorCodes, type HttpTestService, postGraphQL, send, startHttpService } from '../helpers/http-service';
import { createTestDatabase, databaseUrl, TEST_DATABASE_URL, type TestDatabase } from '../helpers/postgres-test-database';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { CONFORMANCE_DATA_DIR } from './graph-store-conformance';

const LIGHTHOUSE_DATA_DIR = join(__dirname, '..', 'fixtures', 'valid-lighthouse');
const NODES = 'query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id label } }';
const IDS = ['person:ada-quill', 'organization:marrow-bay-council'];

/** Waits for `ready` to hold, checking every 50 ms for at most `timeoutMs`; fails saying what it waited for. */
async function until(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('PostgreSQL replicas', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('replicas', CONFORMANCE_DATA_DIR);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('all learn of an import by NOTIFY and serve its version, while a store of the old version still answers the old graph', async () => {
    const [first, second] = [await database.open(), await database.open()];
    const before = first.current;
    const lighthouse = new InMemoryGraphStore(loadGraph(LIGHTHOUSE_DATA_DIR));
    await database.import(LIGHTHOUSE_DATA_DIR);
    await until('both replicas switching', () => first.current.version === lighthouse.version && second.current.version === lighthouse.version, 1000);
    expect((await before.getNodes(IDS)).map((node) => node?.id ?? null)).toEqual(IDS);
    expect((await first.current.getNodes(IDS)).map((node) => node?.id ?? null)).toEqual([null, null]);
    expect(await first.current.getStats()).toEqual(await lighthouse.getStats());
    await database.import(CONFORMANCE_DATA_DIR);
    await until('both replicas switching back', () => first.current.version === before.version && second.current.version === before.version, 1000);
  });

  it('refuses an import whose data has problems, and changes nothing', async () => {
    const graph = await database.open();
    const version = graph.current.version;
    const fixtures = fixtureFolders(LIGHTHOUSE_FIXTURES);
    try {
      await expect(database.import(fixtures.dir('several-problems'))).rejects.toMatchObject({
        name: 'GraphDataError',
        problems: expect.arrayContaining([expect.objectContaining({ file: 'articles/festival.json' })]),
      });
      expect((await graph.reload()).version).toBe(version);
    } finally {
      fixtures.remove();
    }
  });

  describe('when the database goes away and comes back', () => {
    let proxy: TcpProxy;
    let service: HttpTestService;

    beforeAll(async () => {
      const target = new URL(TEST_DATABASE_URL);
      proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
      const url = new URL(databaseUrl(database.name));
      url.host = `127.0.0.1:${proxy.port}`;
      service = await startHttpService({ DATABASE_URL: url.toString(), RESPONSE_CACHE_BYTES: '0', LOG_LEVEL: 'silent' });
    });

    afterAll(async () => {
      await service?.close();
      await proxy?.close();
    });

    it('answers 503 DATABASE_UNAVAILABLE and /readyz 503 while it is away, and serves again by itself once it is back', async () => {
      const answer = await postGraphQL(service.url, { query: NODES, variables: { ids: IDS } });
      expect([answer.status, answer.json.data.nodes.map((n: { id: string }) => n.id)]).toEqual([200, IDS]);

      await proxy.cut();
      const refused = await postGraphQL(service.url, { query: NODES, variables: { ids: IDS } });
      expect([refused.status, refused.headers['retry-after'], errorCodes(refused)]).toEqual([503, '1', ['DATABASE_UNAVAILABLE']]);
      expect(refused.json.errors[0].message).toBe('The graph database cannot be reached; retry in a moment.');
      const notReady = await send(`${service.origin}/readyz`);
      expect([notReady.status, notReady.json.status]).toEqual([503, 'database unavailable']);

      await proxy.restore();
      await until('readiness coming back', async () => (await send(`${service.origin}/readyz`)).status === 200, 10_000);
      const again = await postGraphQL(service.url, { query: NODES, variables: { ids: IDS } });
      expect([again.status, again.json]).toEqual([answer.status, answer.json]);
    });

    it('listens again once it is back, so that the next import reaches the service by NOTIFY', async () => {
      await proxy.cut();
      await proxy.restore();
      const lighthouse = new InMemoryGraphStore(loadGraph(LIGHTHOUSE_DATA_DIR));
      // The state is checked when the listening connection is made again; only a NOTIFY tells of an import after that.
      await until('the listening connection coming back', () => (service.service.graph as PostgresLiveGraph).listening, 10_000);
      await database.import(LIGHTHOUSE_DATA_DIR);
      await until('the service switching', () => service.service.graph.current.version === lighthouse.version, 2000);
    });
  });
});
