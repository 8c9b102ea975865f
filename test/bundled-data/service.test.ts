import { loadGraph } from '../../src/graph';
import { bundledDataDir } from '../helpers/bundled-data';
import { type HttpTestService, postGraphQL, send, startHttpService } from '../helpers/http-service';

/** The service over the bundled data, as `npm start` serves it. */
let service: HttpTestService;
beforeAll(async () => {
  service = await startHttpService({ GRAPH_DATA_DIR: bundledDataDir() });
});
afterAll(() => service.close());

describe('the service over the bundled data', () => {
  it('is ready with every article, node and edge of the data, and says so when it starts', async () => {
    const snapshot = loadGraph(bundledDataDir());
    const loaded = { articles: snapshot.nodesByKind.get('ARTICLE')!.length, nodes: snapshot.nodes.size, edges: snapshot.edgesById.size };
    expect((await send(`${service.origin}/readyz`)).json).toEqual({ status: 'ready', version: snapshot.version, ...loaded });
    expect(service.logs.find((l) => l.event === 'start')).toMatchObject({ ...loaded, version: snapshot.version, dataDir: bundledDataDir() });
  });

  it('answers GraphQL over HTTP with the counts of the loaded graph', async () => {
    const snapshot = loadGraph(bundledDataDir());
    const reply = await postGraphQL(service.url, { query: '{ stats { nodeCount edgeCount } }' });
    expect([reply.status, reply.json]).toEqual([200, { data: { stats: { nodeCount: snapshot.nodes.size, edgeCount: snapshot.edgesById.size } } }]);
  });
});
