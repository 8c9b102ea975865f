import { HeaderMap } from '@apollo/server';
import { type EdgeQuery, type GraphStore, InMemoryGraphStore, loadGraph, type MentionQuery, type RelatedQuery } from '../../src/graph';
import { createLoaders } from '../../src/loaders';
import { dropServedResponse } from '../../src/server/newsgraph-release-request-plugin';
import { type RequestRecord, withRequestRecord } from '../../src/server/request-record';
import { createTestContext, type GraphTestServer, startGraphTestServer } from '../helpers/graph-test-server';
import { recordingStore } from '../helpers/recording-store';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

let server: GraphTestServer;
beforeAll(async () => {
  server = await startGraphTestServer(SEED_GRAPH_DIR);
});
afterAll(() => server.stop());

describe('DataLoader batching', () => {
  it('loads the speakers of five quotes with one store call', async () => {
    const { store, calls } = recordingStore(new InMemoryGraphStore(loadGraph(SEED_GRAPH_DIR)));
    const result = await server.run('{ quotes(first: 5) { nodes { id speaker { id name } } } }', undefined, store);
    expect(result.errors).toBeUndefined();
    expect(result.data!.quotes.nodes.map((q: any) => q.speaker.id)).toEqual(Array(5).fill('person:mark-zuckerberg'));
    expect(calls).toEqual(['listNodes(1)', 'getRelated(5)']);
  });

  it('loads the claimants and subjects of 23 claims (46 lookups) in one batched call', async () => {
    const { store, calls } = recordingStore(new InMemoryGraphStore(loadGraph(SEED_GRAPH_DIR)));
    const result = await server.run('{ claims(first: 50) { nodes { claimant { id } subjects { id } } } }', undefined, store);
    expect(result.errors).toBeUndefined();
    expect(result.data!.claims.nodes).toHaveLength(23);
    // 23 claimant lookups and 23 subject lookups, batched into a single call.
    expect(calls).toEqual(['listNodes(1)', 'getRelated(46)']);
  });

  it('counts the distinct facts of every entity listed, and finds the facts of every figure, in one store call each', async () => {
    const { store, calls } = recordingStore(new InMemoryGraphStore(loadGraph(SEED_GRAPH_DIR)));
    const result = await server.run(
      '{ entities(first: 12) { nodes { distinctFigureCount distinctQuoteCount } } quotes { nodes { alsoReportedIn { id } reportingArticleCount } } }',
      undefined,
      store,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.entities.nodes).toHaveLength(12);
    // 12 entities by two kinds in one call; 5 quotes' facts in another.
    expect([...calls].sort()).toEqual(['countEntityFacts(24)', 'getFactReports(5)', 'listNodes(1)', 'listNodes(1)']);
  });

  it('serves a repeated node from the request cache', async () => {
    const { store, calls } = recordingStore(new InMemoryGraphStore(loadGraph(SEED_GRAPH_DIR)));
    const result = await server.run(
      '{ a: node(id: "organization:meta") { id } b: node(id: "organization:meta") { id } c: node(id: "place:china") { id } }',
      undefined,
      store,
    );
    expect(result.data).toEqual({ a: { id: 'organization:meta' }, b: { id: 'organization:meta' }, c: { id: 'place:china' } });
    expect(calls).toEqual(['getNodes(2)']);
  });
});

/** A store that records the queries of each batched call. */
function queryRecordingStore(inner: GraphStore): { store: GraphStore; batches: unknown[][] } {
  const batches: unknown[][] = [];
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (queries: unknown[]) => {
        batches.push([...queries]);
        return value.call(target, queries);
      };
    },
  });
  return { store, batches };
}

describe('request cache keys', () => {
  const meta = 'organization:meta';
  const claims = { direction: 'OUT', predicate: 'CLAIMS' } as const;
  const about = { direction: 'IN', predicate: 'ABOUT' } as const;

  it('sends each distinct related query to the store once, however its parts could run together', async () => {
    const { store, batches } = queryRecordingStore(new InMemoryGraphStore(loadGraph(SEED_GRAPH_DIR)));
    const loaders = createLoaders(store);
    const distinct: RelatedQuery[] = [
      { nodeId: meta, via: [about] },
      { nodeId: meta, via: [claims] },
      { nodeId: meta, via: [about, claims] },
      { nodeId: meta, via: [claims, about] },
      { nodeId: meta, via: [about], kinds: ['CLAIM'] },
      { nodeId: meta, via: [about], kinds: [] },
      { nodeId: meta, via: [about], page: { first: 3 } },
      { nodeId: meta, via: [about], page: { first: 30 } },
      // Ids and cursors that hold what other queries' parts look like.
      { nodeId: `${meta}|IN:ABOUT`, via: [] },
      { nodeId: meta, via: [about], page: { first: 3, after: 'x|IN:ABOUT|*|all' } },
      { nodeId: `${meta}|IN:ABOUT|*|3>x`, via: [about] },
      { nodeId: meta, via: [about, { direction: 'OUT', predicate: '' }] },
    ];
    const same: RelatedQuery[] = [
      { nodeId: meta, via: [{ direction: 'IN', predicate: 'ABOUT' }] },
      { nodeId: meta, via: [about], page: { first: 3, after: null } },
      // The store reads an empty cursor as none.
      { nodeId: meta, via: [about], page: { first: 3, after: '' } },
      { nodeId: meta, via: [about], kinds: ['CLAIM'], page: undefined },
    ];
    const settled = await Promise.allSettled([...distinct, ...same].map((q) => loaders.related.load(q)));
    const pages = settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : outcome.reason));
    expect(batches).toEqual([distinct]);
    expect(pages[distinct.length]).toBe(pages[0]);
    expect(pages[distinct.length + 1]).toBe(pages[6]);
    expect(pages[distinct.length + 2]).toBe(pages[6]);
    expect(pages[distinct.length + 3]).toBe(pages[4]);
    expect(pages.slice(0, 7).map((p) => p.items.length)).toEqual([9, 0, 9, 9, 9, 0, 3]);
    expect(pages[9].message).toBe('"after" is not a cursor of this list: pass a cursor from its edges or pageInfo.endCursor');
  });

  it('tells edge and mention queries apart the same way', async () => {
    const { store, batches } = queryRecordingStore(new InMemoryGraphStore(loadGraph(SEED_GRAPH_DIR)));
    const loaders = createLoaders(store);
    const edges: EdgeQuery[] = [
      { nodeId: meta, direction: 'OUT' },
      { nodeId: meta, direction: 'BOTH' },
      { nodeId: meta, direction: 'OUT', predicates: [] },
      { nodeId: meta, direction: 'OUT', predicates: ['CLAIMS', 'SAID'] },
      { nodeId: meta, direction: 'OUT', predicates: ['SAID', 'CLAIMS'] },
      { nodeId: meta, direction: 'OUT', page: { first: 2 } },
      { nodeId: meta, direction: 'OUT', page: { first: 2, after: 'z|OUT|*|all' } },
      { nodeId: `${meta}|OUT|*|2>z`, direction: 'OUT' },
    ];
    const mentions: MentionQuery[] = [
      { entityId: meta },
      { articleId: meta },
      { entityId: meta, articleId: 'article:x' },
      { entityId: `${meta}|-`, page: { first: 1 } },
      { entityId: meta, page: { first: 1 } },
      { entityId: meta, page: { first: 1, after: 'z|-|all' } },
      { entityId: `${meta}|-|1>z` },
    ];
    await Promise.allSettled([...edges, ...edges].map((q) => loaders.edges.load(q)));
    await Promise.allSettled([...mentions, ...mentions].map((q) => loaders.mentions.load(q)));
    expect(batches).toEqual([edges, mentions]);
  });
});

describe("releasing a request's loaders", () => {
  it('drops the cached loads, and later loads go to the store again on fresh loaders', async () => {
    const { store, calls } = recordingStore(new InMemoryGraphStore(loadGraph(SEED_GRAPH_DIR)));
    const loaders = createLoaders(store);
    const first = loaders.node;
    expect((await loaders.node.load('organization:meta'))?.id).toBe('organization:meta');
    expect((await loaders.node.load('organization:meta'))?.id).toBe('organization:meta');
    expect(calls).toEqual(['getNodes(1)']);
    loaders.release();
    expect(loaders.node).not.toBe(first);
    expect((await loaders.node.load('organization:meta'))?.id).toBe('organization:meta');
    expect(calls).toEqual(['getNodes(1)', 'getNodes(1)']);
  });

  it('is done by the server once the response is ready, after every load of the request', async () => {
    const { store, calls } = recordingStore(new InMemoryGraphStore(loadGraph(SEED_GRAPH_DIR)));
    const contextValue = createTestContext(store);
    const during = { related: contextValue.loaders.related, edges: contextValue.loaders.edges };
    const response = await server.apollo.executeOperation({ query: '{ quotes(first: 5) { nodes { speaker { id } } } }' }, { contextValue });
    expect(response.body.kind === 'single' && response.body.singleResult.errors).toBeUndefined();
    expect(calls).toEqual(['listNodes(1)', 'getRelated(5)']);
    expect(contextValue.loaders.related).not.toBe(during.related);
    expect(contextValue.loaders.edges).not.toBe(during.edges);
  });

  it('keeps the response Apollo built for the HTTP layer, which drops it once it has the bytes', async () => {
    const store = new InMemoryGraphStore(loadGraph(SEED_GRAPH_DIR));
    const record: RequestRecord = {};
    const context = withRequestRecord(createTestContext(store), record);
    const reply = await server.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: { query: '{ stats { nodeCount } }' },
      },
      context: async () => context,
    });
    expect(reply.body.kind === 'complete' && JSON.parse(reply.body.string)).toEqual({ data: { stats: { nodeCount: 42 } } });
    const response = record.response as { body?: { kind: string; singleResult?: unknown } };
    expect(response.body).toEqual({ kind: 'single', singleResult: { data: { stats: { nodeCount: 42 } } } });
    dropServedResponse(record);
    expect(record.response).toBeUndefined();
    expect(response.body).toBeUndefined();
  });
});
