import MiniSearch from 'minisearch';
import { loadGraph } from '../../src/graph';
import { DenseMap } from '../../src/graph/dense-map';
import { PER_DOCUMENT_MAPS, type SearchDocument, useDenseDocumentMaps } from '../../src/graph/search-index';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

describe('DenseMap', () => {
  it('keeps, replaces and deletes entries, counting them, and iterates in key order', () => {
    const map = new DenseMap<string>();
    map.set(3, 'c').set(0, 'a').set(5, 'e');
    map.set(3, 'C');
    expect(map.size).toBe(3);
    expect([map.get(0), map.get(1), map.get(3), map.get(5), map.get(6)]).toEqual(['a', undefined, 'C', 'e', undefined]);
    expect([map.has(0), map.has(1), map.has(5), map.has(99)]).toEqual([true, false, true, false]);
    expect(map.delete(0)).toBe(true);
    expect(map.delete(0)).toBe(false);
    expect(map.delete(42)).toBe(false);
    expect(map.size).toBe(2);
    expect([...map]).toEqual([
      [3, 'C'],
      [5, 'e'],
    ]);
    expect([...map.keys()]).toEqual([3, 5]);
    expect([...map.values()]).toEqual(['C', 'e']);
    const seen: string[] = [];
    map.forEach((value, key, whole) => seen.push(`${key}=${value}:${whole === map}`));
    expect(seen).toEqual(['3=C:true', '5=e:true']);
    expect(Object.fromEntries(map)).toEqual({ 3: 'C', 5: 'e' });
    map.clear();
    expect([map.size, map.get(3), [...map]]).toEqual([0, undefined, []]);
  });

  it('holds falsy values, counts a key set again after a delete or a clear, and grows past many keys', () => {
    const map = new DenseMap<unknown>();
    map.set(0, 0).set(1, null).set(2, '').set(3, false);
    expect([map.size, map.has(0), map.has(1), map.has(2), map.has(3), map.get(0), map.get(1), map.get(2), map.get(3)]).toEqual([
      4,
      true,
      true,
      true,
      true,
      0,
      null,
      '',
      false,
    ]);
    map.delete(1);
    map.set(1, 'again');
    expect([map.size, map.get(1)]).toEqual([4, 'again']);
    map.clear();
    map.set(2, 'after');
    expect([map.size, [...map]]).toEqual([1, [[2, 'after']]]);
    for (let key = 0; key < 100_000; key++) map.set(key, key * 2);
    expect([map.size, map.get(0), map.get(77_777), map.get(99_999), map.get(100_000)]).toEqual([100_000, 0, 155_554, 199_998, undefined]);
  });

  it('refuses keys that are not whole numbers from 0, keys far past its end, and undefined as a value; reads of such keys find nothing', () => {
    const map = new DenseMap<string>();
    expect(() => map.set(-1, 'x')).toThrow('a DenseMap key is a whole number from 0, not -1');
    expect(() => map.set(1.5, 'x')).toThrow('not 1.5');
    expect(() => map.set(DenseMap.MAX_GAP + 1, 'x')).toThrow(
      `a DenseMap holds dense keys: ${DenseMap.MAX_GAP + 1} is more than ${DenseMap.MAX_GAP} past its end (0)`,
    );
    expect(() => map.set(0, undefined as unknown as string)).toThrow('a DenseMap cannot hold undefined');
    expect(map.size).toBe(0);
    const asAny = map as unknown as Map<unknown, string>;
    expect([asAny.has('length'), asAny.get('length'), asAny.has('constructor'), asAny.delete('length'), map.has(-1)]).toEqual([
      false,
      undefined,
      false,
      false,
      false,
    ]);
  });

  it("serves as MiniSearch's per-document maps: the same hits and scores as with its own Maps", () => {
    const documents = [
      { id: 0, text: 'harbour cranes unloaded grain' },
      { id: 1, text: 'grain prices rose at the harbour' },
      { id: 2, text: 'cranes and more cranes' },
      { id: 3, text: 'prices of grain' },
    ];
    const plain = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    const dense = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    useDenseDocumentMaps(dense as unknown as MiniSearch<SearchDocument>);
    const internals = dense as unknown as Record<(typeof PER_DOCUMENT_MAPS)[number], Map<number, unknown>>;
    for (const index of [plain, dense]) {
      index.addAll(documents);
      index.discard(2);
    }
    const results = (index: MiniSearch<{ id: number; text: string }>) =>
      index.search('grain harbour cranes', { prefix: true, fuzzy: 0.2 }).map((r) => [r.id, r.score]);
    expect(results(dense)).toEqual(results(plain));
    expect(results(dense).map(([id]) => id)).toEqual([0, 1, 3]);
    expect(internals._documentIds.size).toBe(3);
  });

  it("is what a graph's search index holds MiniSearch's per-document maps in, one entry per document", () => {
    const snapshot = loadGraph(SEED_GRAPH_DIR);
    const index = snapshot.searchIndex.index as unknown as Record<(typeof PER_DOCUMENT_MAPS)[number], Map<number, unknown>>;
    expect(snapshot.nodes.size).toBe(42);
    for (const field of PER_DOCUMENT_MAPS) {
      expect(index[field]).toBeInstanceOf(DenseMap);
      expect(index[field].size).toBe(snapshot.nodes.size);
    }
  });

  it('refuses a MiniSearch whose per-document maps are not empty Maps', () => {
    const used = new MiniSearch<SearchDocument>({ fields: ['title'] });
    used.add({ id: 0, title: 'a', body: '', text: '' });
    expect(() => useDenseDocumentMaps(used)).toThrow('MiniSearch has no empty map _documentIds: the index is written for MiniSearch 7.2');
  });
});
