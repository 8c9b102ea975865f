/** A key of a sharded map: a string (an id) or a whole number (a slot). */
export type ShardKey = string | number;

/**
 * The shard of a key: a hash of the string's length and of its last 12
 * characters (ids differ most at their ends: `claim:<slug>/<key>`), or the
 * number's low bits. Cheap, since every lookup pays it.
 */
function hashOf(key: ShardKey): number {
  if (typeof key === 'number') return key;
  let hash = 0x811c9dc5 ^ key.length;
  for (let i = Math.max(0, key.length - 12); i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash ^ (hash >>> 15);
}

/** Shards for a map expected to hold `size` entries: about 128 entries each, so a write copies little. */
function shardCountFor(size: number): number {
  let count = 16;
  while (count * 128 < size && count < 1 << 16) count *= 2;
  return count;
}

/**
 * An immutable map split into shards, each a plain Map. `with` makes a new
 * map that shares every shard but those it changes, which it copies: a
 * change of a few keys costs a few small copies, not a copy of the map, so
 * each version of the graph can keep its own maps while sharing almost all
 * of their contents with the version before.
 */
export class ShardedMap<K extends ShardKey, V> {
  private constructor(
    private readonly shards: readonly Map<K, V>[],
    /** Number of entries. */
    readonly size: number,
  ) {}

  /** A map of `entries` (later entries of the same key win). */
  static of<K extends ShardKey, V>(entries: Iterable<readonly [K, V]>, expectedSize = 0): ShardedMap<K, V> {
    const list = Array.isArray(entries) ? (entries as readonly (readonly [K, V])[]) : [...entries];
    const count = shardCountFor(Math.max(expectedSize, list.length));
    const shards = Array.from({ length: count }, () => new Map<K, V>());
    for (const [key, value] of list) shards[hashOf(key) & (count - 1)].set(key, value);
    return new ShardedMap(
      shards,
      shards.reduce((n, shard) => n + shard.size, 0),
    );
  }

  /** A map of what `from` holds. */
  static from<K extends ShardKey, V>(from: ReadonlyMap<K, V>): ShardedMap<K, V> {
    return ShardedMap.of(from, from.size);
  }

  get(key: K): V | undefined {
    return this.shards[hashOf(key) & (this.shards.length - 1)].get(key);
  }

  has(key: K): boolean {
    return this.shards[hashOf(key) & (this.shards.length - 1)].has(key);
  }

  /** `with`, yielding every few thousand changes (sliced work: see time-slices.ts). */
  *withSliced(changes: Iterable<readonly [K, V | undefined]>, expectedSize = 0): Generator<void, ShardedMap<K, V>, void> {
    const list = Array.isArray(changes) ? (changes as readonly (readonly [K, V | undefined])[]) : [...changes];
    if (list.length < 4096) return this.with(list);
    // Many changes: shards sized for the result first, then filled a part at a time.
    const count = shardCountFor(Math.max(expectedSize, this.size + list.length));
    const shards = Array.from({ length: count }, () => new Map<K, V>());
    let done = 0;
    for (const [key, value] of this.entries()) {
      shards[hashOf(key) & (count - 1)].set(key, value);
      if (++done % 4096 === 0) yield;
    }
    for (const [key, value] of list) {
      const shard = shards[hashOf(key) & (count - 1)];
      if (value === undefined) shard.delete(key);
      else shard.set(key, value);
      if (++done % 4096 === 0) yield;
    }
    return new ShardedMap(
      shards,
      shards.reduce((n, shard) => n + shard.size, 0),
    );
  }

  /** A new map with `changes` applied: a value sets its key, undefined deletes it. This map is left as it is. */
  with(changes: Iterable<readonly [K, V | undefined]>): ShardedMap<K, V> {
    const mask = this.shards.length - 1;
    const shards = this.shards.slice();
    const copied = new Set<number>();
    let size = this.size;
    for (const [key, value] of changes) {
      const at = hashOf(key) & mask;
      if (!copied.has(at)) {
        shards[at] = new Map(shards[at]);
        copied.add(at);
      }
      const shard = shards[at];
      const had = shard.has(key);
      if (value === undefined) {
        if (had) {
          shard.delete(key);
          size--;
        }
      } else {
        shard.set(key, value);
        if (!had) size++;
      }
    }
    if (copied.size === 0) return this;
    const grown = new ShardedMap(shards, size);
    // A map that grew far past its shards is split again, so that copies stay small.
    return size > shards.length * 512 && shards.length < 1 << 16 ? ShardedMap.of(grown.entries(), size) : grown;
  }

  /** Every entry, shard by shard (in no particular order). */
  *entries(): IterableIterator<[K, V]> {
    for (const shard of this.shards) yield* shard.entries();
  }

  *values(): IterableIterator<V> {
    for (const shard of this.shards) yield* shard.values();
  }
}
