/**
 * Long work on the graph (a load, a reload, a write) is written as a
 * generator that yields now and then; `runToEnd` runs it at once, and
 * `runInSlices` runs it a slice at a time between other work, so that the
 * event loop is never held for long (requests keep being answered while a
 * large graph is built).
 */
export type Sliced<T> = Generator<void, T, void>;

/** Runs sliced work to its end, without yielding to anything. */
export function runToEnd<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Options of `runInSlices`. */
export interface SliceOptions {
  /** Longest a slice runs before the event loop gets a turn, in milliseconds. Default 10. */
  readonly sliceMs?: number;
  /** Called between slices; throwing from it stops the work (a shutdown, say). */
  readonly between?: () => void;
}

/** Runs sliced work a slice at a time, giving the event loop a turn (setImmediate) between slices. */
export async function runInSlices<T>(work: Sliced<T>, options: SliceOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? 10;
  for (;;) {
    const until = performance.now() + sliceMs;
    for (;;) {
      const step = work.next();
      if (step.done) return step.value;
      if (performance.now() >= until) break;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    options.between?.();
  }
}

/** Yields once every `every` calls: put in loops of sliced work, so that checking the clock costs little. */
export class Ticker {
  private count = 0;

  constructor(private readonly every = 256) {}

  /** True when the loop should yield now; `cost` counts one step of a loop whose steps differ in size (the edges of one node, say) as that many. */
  due(cost = 1): boolean {
    this.count += cost;
    if (this.count < this.every) return false;
    this.count = 0;
    return true;
  }
}

/** Sorts `list` in place by `compare`, a chunk at a time, merging the sorted chunks (yielding between steps). */
export function* sortSliced<T>(list: T[], compare: (a: T, b: T) => number): Sliced<T[]> {
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) {
    if (compare(list[i - 1], list[i]) > 0) sorted = false;
    if ((i & 0x3fff) === 0) yield;
  }
  if (sorted) return list;
  const chunk = 8192;
  if (list.length <= chunk) return list.sort(compare);
  let runs: T[][] = [];
  for (let at = 0; at < list.length; at += chunk) {
    runs.push(list.slice(at, at + chunk).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      if (r + 1 === runs.length) {
        next.push(runs[r]);
        continue;
      }
      const [a, b] = [runs[r], runs[r + 1]];
      const merged: T[] = new Array(a.length + b.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < a.length && j < b.length) {
        merged[k++] = compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
        if ((k & 0xffff) === 0) yield;
      }
      while (i < a.length) merged[k++] = a[i++];
      while (j < b.length) merged[k++] = b[j++];
      next.push(merged);
      yield;
    }
    runs = next;
  }
  for (let i = 0; i < list.length; i++) {
    list[i] = runs[0][i];
    if ((i & 0xffff) === 0xffff) yield;
  }
  return list;
}

/** `items` mapped by `map` into a new list, yielding every 256 items (for lists as long as the graph). */
export function* mapSliced<T, U>(items: Iterable<T>, map: (item: T) => U, into: U[] = []): Sliced<U[]> {
  let n = 0;
  for (const item of items) {
    into.push(map(item));
    if ((++n & 0xff) === 0) yield;
  }
  return into;
}

/** The lists of `items` (each item's `listOf`) one after another in a new list, yielding every 64 items. */
export function* flatMapSliced<T, U>(items: Iterable<T>, listOf: (item: T) => readonly U[], into: U[] = []): Sliced<U[]> {
  let n = 0;
  for (const item of items) {
    for (const value of listOf(item)) into.push(value);
    if ((++n & 0x3f) === 0) yield;
  }
  return into;
}
