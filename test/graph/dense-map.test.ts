import MiniSearch from 'minisearch';
import { DenseMap } from '../../src/graph/dense-map';

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

  it('refuses keys that are not whole numbers from 0, and undefined as a value', () => {
    const map = new DenseMap<string>();
    expect(() => map.set(-1, 'x')).toThrow('a DenseMap key is a whole number from 0 to 2^31 - 1, not -1');
    expect(() => map.set(1.5, 'x')).toThrow('not 1.5');
    expect(() => map.set(2 ** 31, 'x')).toThrow(`not ${2 ** 31}`);
    expect(() => map.set(0, undefined as unknown as string)).toThrow('a DenseMap cannot hold undefined');
    expect(map.size).toBe(0);
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
    const internals = dense as unknown as Record<'_documentIds' | '_idToShortId' | '_fieldLength', Map<number, unknown>>;
    internals._documentIds = new DenseMap();
    internals._idToShortId = new DenseMap();
    internals._fieldLength = new DenseMap();
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
});
