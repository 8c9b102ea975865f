import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphDataCopy } from '../helpers/http-graph-data';
import { errorCodes, type HttpTestService, logLines, postGraphQL, startHttpService } from '../helpers/http-service';
import { copySeedGraph, SEED_GRAPH_DIR } from '../helpers/seed-graph';

const STATS = { operationName: 'Stats', query: 'query Stats { stats { nodeCount edgeCount } }' };

describe('the response cache', () => {
  let data: GraphDataCopy;
  let service: HttpTestService;
  beforeEach(async () => {
    data = copySeedGraph();
    service = await startHttpService({ GRAPH_DATA_DIR: data.dir });
  });
  afterEach(async () => {
    await service.close();
    data.remove();
  });

  it('answers a repeated request from the cache with the same bytes, and logs it the same way', async () => {
    const first = await postGraphQL(service.url, STATS);
    const second = await postGraphQL(service.url, STATS);
    expect([first.status, first.headers['x-newsgraph-cache']]).toEqual([200, 'miss']);
    expect([second.status, second.headers['x-newsgraph-cache']]).toEqual([200, 'hit']);
    expect(second.text).toBe(first.text);
    expect(first.json).toEqual({ data: { stats: { nodeCount: 42, edgeCount: 120 } } });
    expect(second.headers.etag).toBe(first.headers.etag);
    const lines = await logLines(service, (l) => l.event === 'request' && l.path === '/graphql', 2);
    expect(lines.map((l) => [l.operationName, l.status, l.cost])).toEqual([
      ['Stats', 200, 3],
      ['Stats', 200, 3],
    ]);
  });

  it('answers 304 without a body when the client holds the same bytes', async () => {
    const first = await postGraphQL(service.url, STATS);
    const again = await postGraphQL(service.url, STATS, { headers: { 'if-none-match': first.headers.etag as string } });
    expect([again.status, again.text]).toEqual([304, '']);
  });

  it('keeps no answer that has errors, and refuses an operation over a limit every time', async () => {
    const bad = { query: '{ people(first: 101) { totalCount } }' };
    // 11 fields deep, over the default depth limit of 10.
    const deep = {
      query:
        '{ people(first: 1) { nodes { articles(first: 1) { nodes { entities(first: 1) { nodes { articles(first: 1) { nodes { entities(first: 1) { nodes { id } } } } } } } } } } }',
    };
    for (let i = 0; i < 2; i++) {
      const reply = await postGraphQL(service.url, bad);
      expect([reply.status, errorCodes(reply), reply.headers['x-newsgraph-cache']]).toEqual([200, ['BAD_USER_INPUT'], undefined]);
      const refused = await postGraphQL(service.url, deep);
      expect([refused.status, errorCodes(refused), refused.headers['x-newsgraph-cache']]).toEqual([400, ['QUERY_TOO_DEEP'], undefined]);
    }
  });

  it('keys answers by variables', async () => {
    const query = 'query One($id: ID!) { node(id: $id) { id } }';
    const meta = await postGraphQL(service.url, { query, variables: { id: 'organization:meta' } });
    const china = await postGraphQL(service.url, { query, variables: { id: 'place:china' } });
    expect([meta.json.data.node.id, china.json.data.node.id]).toEqual(['organization:meta', 'place:china']);
    expect(china.headers['x-newsgraph-cache']).toBe('miss');
  });

  it.each([
    ['authorization', 'Bearer a-client-token'],
    ['cookie', 'session=a-client-session'],
  ])('neither answers from the cache nor keeps the answer of a request with %s', async (header, value) => {
    // Kept before: a request with the header is executed all the same.
    await postGraphQL(service.url, STATS);
    const personal = [
      await postGraphQL(service.url, STATS, { headers: { [header]: value } }),
      await postGraphQL(service.url, STATS, { headers: { [header]: value } }),
    ];
    for (const reply of personal) {
      expect([reply.status, reply.headers['x-newsgraph-cache'], reply.headers.etag]).toEqual([200, undefined, undefined]);
      expect(reply.json).toEqual({ data: { stats: { nodeCount: 42, edgeCount: 120 } } });
    }
    // Not kept: a request without the header, of a kind not asked for before, is executed too.
    const query = 'query Nodes { stats { nodeCount } }';
    await postGraphQL(service.url, { query }, { headers: { [header]: value } });
    expect((await postGraphQL(service.url, { query })).headers['x-newsgraph-cache']).toBe('miss');
    const lines = await logLines(service, (l) => l.event === 'request' && l.path === '/graphql', 5);
    expect(lines.map((l) => l.operationName)).toEqual(['Stats', 'Stats', 'Stats', 'Nodes', 'Nodes']);
  });

  it('answers from the new graph once a reload brought different data', async () => {
    await postGraphQL(service.url, STATS);
    expect((await postGraphQL(service.url, STATS)).headers['x-newsgraph-cache']).toBe('hit');
    writeFileSync(
      join(data.dir, 'articles', 'second.json'),
      JSON.stringify({
        id: 'article:meta-keeps-plan',
        headline: 'Meta keeps its plan',
        text: 'Mark Zuckerberg said Meta keeps its plan.',
        entities: ['person:mark-zuckerberg', 'organization:meta'],
      }),
    );
    expect((await service.service.reload('test')).ok).toBe(true);
    const after = await postGraphQL(service.url, STATS);
    expect([after.headers['x-newsgraph-cache'], after.json]).toEqual(['miss', { data: { stats: { nodeCount: 43, edgeCount: 122 } } }]);
  });
});

describe('RESPONSE_CACHE_BYTES=0', () => {
  it('turns the cache off', async () => {
    const service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR, RESPONSE_CACHE_BYTES: '0' });
    try {
      const first = await postGraphQL(service.url, STATS);
      const second = await postGraphQL(service.url, STATS);
      expect([first.headers['x-newsgraph-cache'], second.headers['x-newsgraph-cache'], second.headers.etag]).toEqual([undefined, undefined, undefined]);
      expect(second.text).toBe(first.text);
    } finally {
      await service.close();
    }
  });
});
