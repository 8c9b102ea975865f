import assert from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type MiniSearch from 'minisearch';
import { generateCorpus } from '../../bench/generate-corpus';
import { GraphQueryError, type GraphSnapshot, InMemoryGraphStore, loadGraph, type SearchAllowance } from '../../src/graph';
import { SearchTooBroadError, searchTerm, TERM_ENTRIES } from '../../src/graph/search-index';
import { graphSchema } from '../../src/app';
import { TEST_IRI_BASE } from '../helpers/graph-test-server';
import { createGraphContext } from '../../src/schema';
import { createApolloServer } from '../../src/server/create-apollo-server';
import { recordInterpreted } from '../helpers/graph-test-server';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

/**
 * A search reads one index entry per document and field that a word of the
 * query, a longer word it begins or a near spelling of it appears in. The
 * searches of one operation share an allowance of entries, so that a query
 * of many common words cannot hold the service for seconds.
 */
let dir: string;
let snapshot: GraphSnapshot;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-allowance-'));
  generateCorpus(dir, { articles: 150, seed: 5 });
  snapshot = loadGraph(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QUERIES = ['open source', 'capital expenditure plans', 'chip exports', 'billion', 'pla inv dat reg', 'Zuckerberg DeepSeek Meta'];

describe('the entries a search reads', () => {
  it('are one per document, field and index term that MiniSearch itself finds the query matching, and eight per index term', () => {
    const index = (snapshot.search as unknown as { index: MiniSearch }).index;
    for (const query of QUERIES) {
      const terms = query
        .split(/[^\p{L}\p{N}]+/u)
        .map(searchTerm)
        .filter((t): t is string => !!t)
        .join(' ');
      const results = index.search(terms, { prefix: (term) => term.length >= 3, fuzzy: (term) => (term.length >= 4 ? 0.2 : false), maxFuzzy: 2 });
      const indexTerms = new Set(results.flatMap((result) => Object.keys(result.match)));
      const expected =
        results.reduce((sum, result) => sum + Object.values(result.match).reduce((n, fields) => n + fields.length, 0), 0) + TERM_ENTRIES * indexTerms.size;
      expect([query, snapshot.search.search(query).entriesRead]).toEqual([query, expected]);
    }
  });

  it('stop the search as soon as they would pass its limit', () => {
    const read = snapshot.search.search('chip exports').entriesRead;
    expect(read).toBeGreaterThan(100);
    expect(snapshot.search.search('chip exports', undefined, read).entriesRead).toBe(read);
    expect(() => snapshot.search.search('chip exports', undefined, read - 1)).toThrow(new SearchTooBroadError(read - 1));
    // The scratch state of a stopped search does not leak into the next one.
    const whole = snapshot.search.search('chip exports');
    expect(whole.slice(0, 5)).toEqual(snapshot.search.search('chip exports').slice(0, 5));
    expect(whole.count).toBe(snapshot.search.search('chip exports', undefined, read).count);
  });
});

describe("a store's search with an allowance", () => {
  it('takes what each search read, and refuses the search that would pass what is left, naming the query', async () => {
    const store = new InMemoryGraphStore(snapshot);
    const a = snapshot.search.search('open source').entriesRead;
    const b = snapshot.search.search('billion').entriesRead;
    const allowance: SearchAllowance = { limit: a + b, remaining: a + b };
    const page = { first: 3 };
    await store.search({ text: 'open source', page, allowance });
    expect(allowance.remaining).toBe(b);
    const second = await store.search({ text: 'billion', page, allowance });
    expect(allowance.remaining).toBe(0);
    expect(second.totalCount).toBe(snapshot.search.search('billion').count);
    // Once it is spent, no search runs, not even one of a word the index does not hold (finding that out walks the index too).
    expect(snapshot.search.search('qqqxzz').entriesRead).toBe(0);
    await expect(store.search({ text: 'qqqxzz', page, allowance })).rejects.toMatchObject({ argument: 'query' });
    // A query of no words (stop words alone) reads nothing and is answered.
    await expect(store.search({ text: 'the', page, allowance })).resolves.toMatchObject({ totalCount: 0 });

    const refused = store.search({ text: 'billion', page, allowance: { limit: b - 1, remaining: b - 1 } });
    await expect(refused).rejects.toThrow(GraphQueryError);
    await expect(refused).rejects.toMatchObject({
      argument: 'query',
      message:
        `"query" matches too much of the index: this search would read more than ${b - 1} index entries (one per document and field that a word of the query, ` +
        `a longer word it begins or a near spelling of it appears in), over the ${b - 1} one request may read. Search for fewer, longer or rarer words, or split the searches over several requests.`,
    });

    const shared: SearchAllowance = { limit: a + b - 1, remaining: a + b - 1 };
    await store.search({ text: 'open source', page, allowance: shared });
    await expect(store.search({ text: 'billion', page, allowance: shared })).rejects.toMatchObject({
      message: expect.stringContaining(
        `would read more than ${b - 1} index entries (one per document and field that a word of the query, a longer word it begins or a near spelling of it appears in), which with the ${a} read by this request's other searches is over the ${a + b - 1} one request may read.`,
      ),
    });
    expect(shared.remaining).toBe(0);
  });
});

describe('the searches of one operation', () => {
  const store = new InMemoryGraphStore(loadGraph(SEED_GRAPH_DIR));
  const seedRead = (text: string) => store.snapshot.search.search(text).entriesRead;
  // The operations graphql-js ran, for the last `run`.
  let interpreted: string[] = [];
  const run = async (maxSearchIndexEntries: number, query: string) => {
    interpreted = [];
    // Compiled at the first request, so that an operation with errors runs twice (compiled, then with graphql-js).
    const apollo = createApolloServer(await graphSchema(), {
      jit: { compileAtUse: 1 },
      plugins: [recordInterpreted(interpreted)],
    });
    await apollo.start();
    try {
      const contextValue = createGraphContext(store, { iriBase: TEST_IRI_BASE, maxSearchIndexEntries });
      const response = await apollo.executeOperation({ query }, { contextValue });
      assert(response.body.kind === 'single');
      return response.body.singleResult;
    } finally {
      await apollo.stop();
    }
  };

  it('share one allowance: the search that would pass it is refused with BAD_USER_INPUT on query', async () => {
    const open = seedRead('open source');
    const meta = seedRead('Meta');
    expect(open).toBeGreaterThan(0);
    expect(meta).toBeGreaterThan(0);
    const query = '{ a: search(query: "open source", first: 1) { totalCount } b: search(query: "Meta", first: 1) { totalCount } }';

    const enough = await run(open + meta, query);
    expect(enough.errors).toBeUndefined();

    const short = await run(open + meta - 1, query);
    // search is non-null, so the refusal nulls the whole answer; the first search itself read within the allowance.
    expect(short.data).toBeNull();
    expect(short.errors).toHaveLength(1);
    expect(short.errors![0]).toMatchObject({ path: ['b'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'query' } });
    expect(short.errors![0].message).toContain(
      `which with the ${open} read by this request's other searches is over the ${open + meta - 1} one request may read`,
    );
  });

  it('start afresh when an operation with errors runs again with graphql-js', async () => {
    const open = seedRead('open source');
    // The stale cursor makes the compiled answer fail, so the operation runs a second time.
    const result = await run(open, '{ search(query: "open source", first: 1) { totalCount } claims(first: 1, after: "bogus") { totalCount } }');
    expect(result.data).toBeNull();
    // Only the cursor's error: the search read its whole allowance in each run.
    expect(result.errors!.map((e) => [e.path, e.extensions?.code, e.extensions?.argumentName])).toEqual([[['claims'], 'BAD_USER_INPUT', 'after']]);
    // The compiled run came first, and graphql-js ran it once more.
    expect(interpreted).toEqual(['']);
  });
});
