import { Pool, type QueryConfig } from 'pg';
import { BUNDLED_GRAPH_DATA_DIR } from '../../src/config';
import { CONTRACT_VARIABLES, contractOperations, type GraphTestServer, startGraphTestServer } from '../helpers/graph-test-server';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres-test-database';
import { CONFORMANCE_DATA_DIR } from './graph-store-conformance';

describe('the dashboard operations on the in-memory and the PostgreSQL store', () => {
  let database: TestDatabase;
  let memory: GraphTestServer;
  let postgres: GraphTestServer;

  beforeAll(async () => {
    database = await createTestDatabase('contract', BUNDLED_GRAPH_DATA_DIR);
    memory = await startGraphTestServer(BUNDLED_GRAPH_DATA_DIR);
    postgres = await startGraphTestServer(BUNDLED_GRAPH_DATA_DIR, await database.open());
  });

  afterAll(async () => {
    await memory?.stop();
    await postgres?.stop();
    await database?.drop();
  });

  it('give the same answer to every operation but Search, through Apollo', async () => {
    const compared: string[] = [];
    for (const [name, query] of contractOperations()) {
      if (name === 'Search') continue;
      const [fromMemory, fromPostgres] = [await memory.run(query, CONTRACT_VARIABLES[name]), await postgres.run(query, CONTRACT_VARIABLES[name])];
      expect(fromPostgres.errors).toBeUndefined();
      expect([name, fromPostgres]).toEqual([name, fromMemory]);
      compared.push(name);
    }
    expect(compared).toEqual([...contractOperations().keys()].filter((name) => name !== 'Search'));
  });

  it('give Search the same hit count, the same best hit, and the same snippet for a hit both pages show; each store scores its own way', async () => {
    const query = contractOperations().get('Search')!;
    const [fromMemory, fromPostgres] = [await memory.run(query, CONTRACT_VARIABLES.Search), await postgres.run(query, CONTRACT_VARIABLES.Search)];
    expect(fromPostgres.errors).toBeUndefined();
    type Hit = { score: number; snippet: string; node: { id: string } };
    const [memoryHits, postgresHits] = [fromMemory.data!.search, fromPostgres.data!.search].map((search) => search.nodes as Hit[]);
    expect(fromPostgres.data!.search.totalCount).toBe(fromMemory.data!.search.totalCount);
    expect(postgresHits[0].node).toEqual(memoryHits[0].node);
    const snippets = new Map(memoryHits.map((hit) => [hit.node.id, hit.snippet]));
    const shared = postgresHits.filter((hit) => snippets.has(hit.node.id));
    expect(shared.length).toBeGreaterThanOrEqual(3);
    for (const hit of shared) expect([hit.node.id, hit.snippet]).toEqual([hit.node.id, snippets.get(hit.node.id)]);
    const scores = postgresHits.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('serve the version of the same files, so that the response cache keys both alike', () => {
    expect(postgres.graph.current.version).toBe(memory.graph.current.version);
  });
});

describe('the dashboard operations on the PostgreSQL store, over the tests’ own fixture', () => {
  let database: TestDatabase;
  let fixture: GraphTestServer;
  const FIXTURE_VARIABLES: Readonly<Record<string, Record<string, unknown>>> = {
    EntityProfile: { id: 'person:ada-quill' },
    ArticleSummary: { id: 'article:harbor-budget' },
    ClaimsAbout: { entityId: 'organization:marrow-bay-council' },
  };

  beforeAll(async () => {
    database = await createTestDatabase('waves', CONFORMANCE_DATA_DIR);
    fixture = await startGraphTestServer(CONFORMANCE_DATA_DIR, await database.open());
  });

  afterAll(async () => {
    await fixture?.stop();
    await database?.drop();
  });

  it('send the DataLoader batches of one turn of the event loop as one statement', async () => {
    const original = Pool.prototype.query;
    const statements: string[][] = [];
    // Each statement as the names of the batches it holds (a combined one names none: its parts are counted by their columns).
    const spy = jest.spyOn(Pool.prototype, 'query').mockImplementation(function (this: Pool, ...args: unknown[]) {
      const config = args[0] as QueryConfig;
      const name = config.name?.split('@')[0] ?? '(unnamed)';
      statements.push(name.startsWith('wave-') ? config.text.match(/\) r\) AS r\d+/g)!.map(() => 'part') : [name]);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    try {
      const counts: Record<string, [statements: number, batches: number]> = {};
      for (const name of ['EntityProfile', 'ArticleSummary', 'ClaimsAbout']) {
        statements.length = 0;
        const result = await fixture.run(contractOperations().get(name)!, FIXTURE_VARIABLES[name]);
        expect(result.errors).toBeUndefined();
        counts[name] = [statements.length, statements.flat().length];
        if (name === 'EntityProfile') expect(result.data!.node.mentions.totalCount).toBe(4);
      }
      // [statements, batches]: the profile's node; then its mentions, related lists, edges and roles; then the words and nodes these name.
      expect(counts).toEqual({ EntityProfile: [3, 7], ArticleSummary: [3, 6], ClaimsAbout: [2, 2] });
    } finally {
      spy.mockRestore();
    }
  });
});
