import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type MiniSearch from 'minisearch';
import { generateCorpus } from '../../bench/generate-corpus';
import { type GraphSnapshot, InMemoryGraphStore, loadGraph, type NodeKind } from '../../src/graph';
import { bestPositions, searchTerm } from '../../src/graph/search-index';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

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
  const names = snap.nodesByKind
    .get('PERSON')!
    .slice(0, 6)
    .map((p) => ('name' in p ? p.name : ''));
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
  ['the seed article', () => loadGraph(SEED_GRAPH_DIR)],
  ['150 generated articles', () => snapshot],
])('search over %s', (_name, load) => {
  it('finds the documents, scores and terms MiniSearch finds, in its order', () => {
    const snap = load();
    const { index, match } = internals(snap);
    let matchedSomething = 0;
    for (const query of queries(snap)) {
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
      const found = match.call(snap.search, terms);
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

describe('search ranking', () => {
  it('ranks as the ranking before direct reads of the postings did, bonuses and kind filters included', () => {
    // Written by the earlier implementation (MiniSearch's search(), then weighing and sorting every hit)
    // over this same generated corpus (150 articles, seed 5).
    const expected = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'search-ranking-150-articles.json'), 'utf8')) as {
      query: string;
      kinds: NodeKind[] | null;
      count: number;
      top: [string, number][];
      aroundRescored: string[];
      digest: string;
    }[];
    expect(expected.filter((e) => e.count > 200)).toHaveLength(6);
    for (const { query, kinds, count, top, aroundRescored, digest } of expected) {
      const hits = snapshot.search.search(query, kinds ?? undefined);
      const all = hits.slice(0, hits.count);
      expect([query, hits.count]).toEqual([query, count]);
      expect(all.slice(0, 25).map((h) => [h.node.id, h.score])).toEqual(top);
      expect(all.slice(190, 215).map((h) => h.node.id)).toEqual(aroundRescored);
      expect(
        createHash('sha256')
          .update(all.map((h) => `${h.node.id} ${h.score}`).join('\n'))
          .digest('hex'),
      ).toBe(digest);
      // A page cut out of the middle is that part of the whole ranking.
      expect(
        snapshot.search
          .search(query, kinds ?? undefined)
          .slice(150, 160)
          .map((h) => h.node.id),
      ).toEqual(all.slice(150, 160).map((h) => h.node.id));
    }
  });
});

describe('search pages', () => {
  it('pages through every hit of a common word by cursor, in the order of one whole ranking', async () => {
    const store = new InMemoryGraphStore(snapshot);
    const whole = snapshot.search.search('billion');
    expect(whole.count).toBeGreaterThan(100);
    const all = whole.slice(0, whole.count);
    // Best first (scores are rounded to 3 decimals, so equal shown scores may come in either node order).
    for (let i = 1; i < all.length; i++) expect(all[i - 1].score).toBeGreaterThanOrEqual(all[i].score);
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
    expect(
      snapshot.search
        .search('billion')
        .slice(90, 100)
        .map((hit) => hit.node.id),
    ).toEqual(all.slice(90, 100).map((hit) => hit.node.id));
  });

  it('refuses a cursor past the last hit', async () => {
    const store = new InMemoryGraphStore(snapshot);
    const page = await store.search({ text: 'billion', page: { first: 100_000 } });
    expect(page.hasNextPage).toBe(false);
    const last = page.cursorAt(page.items.length - 1);
    await expect(store.search({ text: 'billion', page: { first: 5, after: last } })).resolves.toMatchObject({
      items: [],
      hasNextPage: false,
      hasPreviousPage: true,
    });
    const past = Buffer.from(
      Buffer.from(last, 'base64url')
        .toString()
        .replace(/:(\d+)$/, (_, n) => `:${Number(n) + 1}`),
    ).toString('base64url');
    await expect(store.search({ text: 'billion', page: { first: 5, after: past } })).rejects.toThrow('"after" is not a cursor of this list');
  });
});

describe('bestPositions', () => {
  // Values with long runs of equal values; the tie key is the position's reverse, so ties come last position first.
  const values = [5, 3, 3, 3, 3, 9, 3, 1, 3, 5, 9, 0];
  const tieKey = (i: number) => values.length - i;
  const full = [10, 5, 9, 0, 8, 6, 4, 3, 2, 1, 7, 11];

  it.each([1, 2, 3, 4, 5, 6, 9, 11, 12, 20])('gives the %i best, ties by least key, as a full sort does', (k) => {
    expect(bestPositions(values.length, (i) => values[i], k, tieKey)).toEqual(full.slice(0, k));
  });

  it('cuts inside a run of 10,000 equal values', () => {
    const many = Array.from({ length: 10_003 }, (_, i) => (i === 17 ? 2 : i === 9_000 ? 3 : 1));
    expect(
      bestPositions(
        many.length,
        (i) => many[i],
        5,
        (i) => i,
      ),
    ).toEqual([9_000, 17, 0, 1, 2]);
  });
});
