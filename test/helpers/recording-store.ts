import type { GraphStore } from '../../src/graph';

/** A store that records every call made to it, as `method(number of keys)`. */
export function recordingStore(inner: GraphStore): { store: GraphStore; calls: string[] } {
  const calls: string[] = [];
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(`${String(property)}(${Array.isArray(args[0]) ? args[0].length : 1})`);
        return value.apply(target, args);
      };
    },
  });
  return { store, calls };
}
