import { type GraphStore, NODE_KINDS } from '../graph';
import { jsonLdContext, terms } from './context';
import { describeNodes, type JsonLdNode } from './describe-nodes';
import { toNTriples } from './to-ntriples';
import { vocabularyOf } from './vocabulary';

/** Options of the dumps. */
export interface DumpOptions {
  /** Base of node IRIs. */
  readonly iriBase: string;
  /** Nodes described per batch; between batches the event loop gets a turn. Default 200. */
  readonly batchSize?: number;
}

/** Lets the event loop run whatever is waiting (other requests) before the next batch. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The JSON-LD node objects of every node of `store`, kind by kind in node
 * order, a batch at a time (see DumpOptions): what each node states itself
 * (describeNodes' `dump` mode), so every link is in the dump once.
 */
export async function* dumpNodes(store: GraphStore, options: DumpOptions): AsyncGenerator<JsonLdNode[]> {
  const first = options.batchSize ?? 200;
  for (const kind of NODE_KINDS) {
    let after: string | undefined;
    for (;;) {
      const page = await store.listNodes({ kinds: [kind], page: { first, after } });
      if (page.items.length > 0) {
        yield await describeNodes(store, page.items, { iriBase: options.iriBase, mode: 'dump' });
        await turn();
      }
      if (!page.hasNextPage) break;
      after = page.cursorAt(page.items.length - 1);
    }
  }
}

/** The whole graph as one JSON-LD document (`@context` inline, every node in `@graph`), in pieces of text as they are made. */
export async function* dumpJsonLd(store: GraphStore, options: DumpOptions): AsyncGenerator<string> {
  yield `{"@context":${JSON.stringify(jsonLdContext(vocabularyOf(options.iriBase)))},\n"@graph":[`;
  let first = true;
  for await (const batch of dumpNodes(store, options)) {
    yield batch.map((node) => `${first ? ((first = false), '\n') : ',\n'}${JSON.stringify(node)}`).join('');
  }
  yield '\n]}\n';
}

/** The whole graph as N-Triples, the same statements as dumpJsonLd, in pieces of text as they are made. */
export async function* dumpNTriples(store: GraphStore, options: DumpOptions): AsyncGenerator<string> {
  const table = terms(vocabularyOf(options.iriBase));
  let blanks = 0;
  const blank = () => `b${blanks++}`;
  for await (const batch of dumpNodes(store, options)) {
    yield batch.map((node) => `${toNTriples(node, table, blank).join('\n')}\n`).join('');
  }
}
