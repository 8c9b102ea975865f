import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphContext } from '../../src/schema';

/** A plugin that holds operations of one name once every limit has passed, just before execution, until released. */
export interface GatePlugin {
  readonly plugin: ApolloServerPlugin<GraphContext>;
  /** Operations held now. */
  readonly held: number;
  /** Resolves once `count` operations are held. */
  waitForHeld(count: number): Promise<void>;
  /** Lets every held operation (and every later one) run. */
  release(): void;
}

/** Creates a gate for operations named `operationName` (default `Slow`). */
export function createGatePlugin(operationName = 'Slow'): GatePlugin {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  let waiters: { count: number; resolve: () => void }[] = [];
  return {
    plugin: {
      async requestDidStart() {
        return {
          // Apollo asks the plugins for an answer, in order, once the operation passed every limit;
          // the service's own (compiled) execution comes after those of added plugins.
          async responseForOperation(requestContext) {
            if (requestContext.operationName !== operationName) return null;
            held++;
            waiters = waiters.filter((w) => (held >= w.count ? (w.resolve(), false) : true));
            await gate;
            held--;
            return null;
          },
        };
      },
    },
    get held() {
      return held;
    },
    waitForHeld(count) {
      return held >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }));
    },
    release: () => release(),
  };
}
