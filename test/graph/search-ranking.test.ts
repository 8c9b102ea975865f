import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type MiniSearch from 'minisearch';
import { generateCorpus } from '../../bench/generate-corpus';
import { type GraphSnapshot, InMemoryGraphStore, loadGraph } from '../../src/graph';
import { searchTerm } from '../../src/graph/search-index';

/**
 * Search ranks matches by reading MiniSearch's postings directly (its own
 * `search()` builds an object per match). Here the documents, scores, query
 * terms and index terms it finds are compared with MiniSearch's own
 * `search()` with the same options, so that a MiniSearch upgrade that
 * changes its index cannot change rankings unnoticed.
 */
let dir: string;
let snapshot: GraphSnapshot;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-search-'));
  generateCorpus(dir, { articles: 150, seed: 5 });
  snapshot = loadGraph(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Matched {
  documents: Uint32Array;
  scores: Float64Array;
  matched: Uint16Array;
  termsAt(at: number): string[];
}

/** The private parts compared: the MiniSearch index and the direct reading of its postings. */
function internals(snap: GraphSnapshot): { index: MiniSearch; match(query: string): Matched } {
  return snap.search as unknown as { index: MiniSearch; match(query: string): Matched };
}

function queries(snap: GraphSnapshot): string[] {
  const names = snap.nodesByKind.get('PERSON')!.slice(0, 6).map((p) => ('name' in p ? p.name : ''));
  return [
    ...names,
    ...names.map((n) => n.split(' ')[1]),
    ...names.map((n) => `${n.split(' ')[1].slice(0, -1)}x`),
    ...names.map((n) => n.slice(0, 3)),
    'open source',
    'capital expenditure plans',
    'invest invest',
    'billion plans billion plans',
    'chip exports',
    'billion',
    '2025',
    'percent of revenue',
    'Zuckerberg DeepSeek Meta',
  ];
}

describe.each([
  ['the seed article', () => loadGraph(join(__dirname, '..', '..', 'graph-data'))],
  ['150 generated articles', () => snapshot],
])('search over %s', (_name, snap) => {
  it('finds the documents, scores and terms MiniSearch finds, in its order', () => {
    const { index, match } = internals(snap());
    let matchedSomething = 0;
    for (const query of queries(snap())) {
      const terms = query
        .split(/[^\p{L}\p{N}]+/u)
        .map(searchTerm)
        .filter((t): t is string => !!t)
        .join(' ');
      if (!terms) continue;
      const expected = index.search(terms, {
        boost: { title: 4, body: 2, text: 0.5 },
        prefix: (term) => term.length >= 3,
        fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
        maxFuzzy: 2,
      });
      const found = match.call(snap().search, terms);
      // MiniSearch sorts by score, keeping the order found for equal scores.
      const order = [...found.documents.keys()].sort((a, b) => found.scores[b] - found.scores[a] || a - b);
      expect(order.map((at) => found.documents[at])).toEqual(expected.map((r) => r.id));
      expect(order.map((at) => found.scores[at])).toEqual(expected.map((r) => r.score));
      expect(order.map((at) => found.matched[at])).toEqual(expected.map((r) => r.queryTerms.length));
      expect(order.map((at) => found.termsAt(at).sort())).toEqual(expected.map((r) => [...r.terms].sort()));
      if (expected.length > 0) matchedSomething++;
    }
    expect(matchedSomething).toBeGreaterThan(10);
  });
});

describe('search pages', () => {
  it('pages through every hit of a common word by cursor, in the order of one whole ranking', async () => {
    const store = new InMemoryGraphStore(snapshot);
    const whole = snapshot.search.search('billion');
    expect(whole.count).toBeGreaterThan(100);
    const all = whole.slice(0, whole.count);
    // Best first, ties by node order.
    for (let i = 1; i < all.length; i++) {
      expect(all[i - 1].score > all[i].score || (all[i - 1].score === all[i].score && all[i - 1].node.ordinal < all[i].node.ordinal)).toBe(true);
    }
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await store.search({ text: 'billion', page: { first: 37, after } });
      expect(page.totalCount).toBe(whole.count);
      seen.push(...page.items.map((hit) => hit.node.id));
      if (!page.hasNextPage) break;
      after = page.cursorAt(page.items.length - 1);
    }
    expect(seen).toEqual(all.map((hit) => hit.node.id));
    // A slice far down the list is the same as that part of the whole ranking.
    expect(snapshot.search.search('billion').slice(90, 100).map((hit) => hit.node.id)).toEqual(all.slice(90, 100).map((hit) => hit.node.id));
  });

  it('refuses a cursor past the last hit', async () => {
    const store = new InMemoryGraphStore(snapshot);
    const page = await store.search({ text: 'billion', page: { first: 1000 } });
    const last = page.cursorAt(page.items.length - 1);
    await expect(store.search({ text: 'billion', page: { first: 5, after: last } })).resolves.toMatchObject({ items: [], hasNextPage: false, hasPreviousPage: true });
    const past = Buffer.from(Buffer.from(last, 'base64url').toString().replace(/:(\d+)$/, (_, n) => `:${Number(n) + 1}`)).toString('base64url');
    await expect(store.search({ text: 'billion', page: { first: 5, after: past } })).rejects.toThrow('"after" is not a cursor of this list');
  });
});
