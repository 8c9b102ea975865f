/**
 * A Map whose keys are small whole numbers (0, 1, 2, ...), held in an
 * array. A JavaScript Map grows by rehashing every entry it holds in one
 * step: a map with an entry per search document (850,000 at 100,000
 * articles) held the event loop for hundreds of milliseconds each time it
 * grew. An array grows by one copy of its slots, a few milliseconds.
 * Iteration is in key order, not insertion order.
 */
export class DenseMap<V> implements Map<number, V> {
  private slots: (V | undefined)[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  get [Symbol.toStringTag](): string {
    return 'DenseMap';
  }

  private static check(key: number): number {
    if (!Number.isInteger(key) || key < 0 || key > 0x7fffffff) throw new RangeError(`a DenseMap key is a whole number from 0 to 2^31 - 1, not ${String(key)}`);
    return key;
  }

  get(key: number): V | undefined {
    return this.slots[key];
  }

  has(key: number): boolean {
    return this.slots[key] !== undefined;
  }

  /** Sets `key` to `value` (which may not be undefined: that is how an empty slot is told). */
  set(key: number, value: V): this {
    DenseMap.check(key);
    if (value === undefined) throw new TypeError('a DenseMap cannot hold undefined');
    // Fill up to the key first, so that the array stays one packed block (setting past its end would make V8 keep it as a dictionary).
    while (this.slots.length < key) this.slots.push(undefined);
    if (this.slots[key] === undefined) this.count++;
    this.slots[key] = value;
    return this;
  }

  delete(key: number): boolean {
    if (this.slots[key] === undefined) return false;
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
