import 'reflect-metadata';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { execute, parse } from 'graphql';
import { contextFactory, graphSchema, startService } from '../src/app';
import { DEFAULT_IRI_BASE, readConfig } from '../src/config';
import { InMemoryGraphStore, loadGraph } from '../src/graph';
import type { GraphContext } from '../src/schema';
import { benchOperations } from './operations';

/**
 * One benchmark target, run in its own process so that the load generator
 * does not share its event loop. Prints `listening <port>` when ready.
 *
 *   B0  node:http answering with the pre-serialized response bytes
 *   B1  node:http answering with JSON.stringify of the response object
 *   P1  stock Apollo Server (standalone, default settings), same schema and store
 *   P2  fastify + mercurius with graphql-jit (jit: 1), same schema and store
 *   ours  the newsgraph service itself (src/server), with or without its response cache
 */
async function main(): Promise<void> {
  const [target, dataDir] = process.argv.slice(2);
  let port: number;
  if (target === 'ours' || target === 'ours-cached') {
    // The service as deployed, request logs included (the benchmark sends its standard output to /dev/null).
    // It loads the graph itself: no other copy is held in this process.
    const config = readConfig({
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      GRAPH_DATA_DIR: dataDir,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      RESPONSE_CACHE_BYTES: target === 'ours' ? '0' : '',
      // One load generator sends thousands of requests a second: the per-client rate limit would refuse nearly all.
      RATE_LIMIT_PER_MINUTE: '0',
    });
    port = (await startService(config)).port;
    console.error(`listening ${port}`);
    return;
  }
  const snapshot = loadGraph(dataDir);
  const store = new InMemoryGraphStore(snapshot);
  const schema = await graphSchema();
  const createContext = contextFactory({ iriBase: DEFAULT_IRI_BASE });
  const context = (): GraphContext => createContext(store);
  const operations = benchOperations(snapshot);

  if (target === 'B0' || target === 'B1') {
    // The answers, computed once by graphql-js over the same schema and store.
    const answers = new Map<string, unknown>();
    for (const op of operations) {
      answers.set(op.body, await execute({ schema, document: parse(op.query), variableValues: op.variables, contextValue: context() }));
    }
    const bytes = new Map([...answers].map(([body, result]) => [body, Buffer.from(JSON.stringify(result))]));
    const readBody = (req: IncomingMessage) =>
      new Promise<string>((resolve) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => resolve(Buffer.concat(chunks).toString()));
      });
    const server = createServer(async (req, res) => {
      const body = await readBody(req);
      const payload = target === 'B0' ? bytes.get(body) : Buffer.from(JSON.stringify(answers.get(body)));
      res.writeHead(payload ? 200 : 404, { 'content-type': 'application/json' });
      res.end(payload ?? '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  } else if (target === 'P1') {
    const apollo = new ApolloServer<GraphContext>({ schema });
    const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' }, context: async () => context() });
    port = Number(new URL(url).port);
  } else if (target === 'P2') {
    const { default: Fastify } = await import('fastify');
    const { default: mercurius } = await import('mercurius');
    const app = Fastify();
    await app.register(mercurius, { schema, jit: 1, context: () => context() } as never);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  } else {
    throw new Error(`unknown target ${target}`);
  }
  // The ready line goes to standard error: standard output carries the service's logs.
  console.error(`listening ${port}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
