/**
 * A Map whose keys are dense whole numbers (0, 1, 2, ...), held in an array
 * as long as the largest key. A JavaScript Map grows by rehashing every
 * entry it holds in one step; an array grows by one copy of its slots
 * (bench/results/map-growth.md: three maps filled to 850,000 entries, the
 * search documents of 100,000 articles). Iteration is in key order, not
 * insertion order. A key more than MAX_GAP past the end is refused, so that
 * one stray key cannot make the array huge.
 */
export class DenseMap<V> implements Map<number, V> {
  /** Most empty places a `set` may add before its key. */
  static readonly MAX_GAP = 1 << 20;

  private slots: (V | undefined)[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  get [Symbol.toStringTag](): string {
    return 'DenseMap';
  }

  private static isKey(key: number): boolean {
    return Number.isInteger(key) && key >= 0;
  }

  get(key: number): V | undefined {
    return DenseMap.isKey(key) ? this.slots[key] : undefined;
  }

  has(key: number): boolean {
    return DenseMap.isKey(key) && this.slots[key] !== undefined;
  }

  /** Sets `key` to `value` (which may not be undefined: that is how an empty slot is told). */
  set(key: number, value: V): this {
    if (!DenseMap.isKey(key)) throw new RangeError(`a DenseMap key is a whole number from 0, not ${String(key)}`);
    if (key - this.slots.length > DenseMap.MAX_GAP)
      throw new RangeError(`a DenseMap holds dense keys: ${key} is more than ${DenseMap.MAX_GAP} past its end (${this.slots.length})`);
    if (value === undefined) throw new TypeError('a DenseMap cannot hold undefined');
    // Fill up to the key first, so that the array stays one packed block (setting past its end would make V8 keep it as a dictionary).
    while (this.slots.length < key) this.slots.push(undefined);
    if (this.slots[key] === undefined) this.count++;
    this.slots[key] = value;
    return this;
  }

  delete(key: number): boolean {
    if (!this.has(key)) return false;
    this.slots[key] = undefined;
    this.count--;
    return true;
  }

  clear(): void {
    this.slots = [];
    this.count = 0;
  }

  forEach(callback: (value: V, key: number, map: Map<number, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  *entries(): MapIterator<[number, V]> {
    for (let key = 0; key < this.slots.length; key++) {
      const value = this.slots[key];
      if (value !== undefined) yield [key, value];
    }
  }

  *keys(): MapIterator<number> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[number, V]> {
    return this.entries();
  }
}
