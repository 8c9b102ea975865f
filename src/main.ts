import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ConfigError, readConfig } from './config';
import { GraphDataError } from './graph';
import { buildGraphSchema } from './schema';
import { createApolloServer } from './server/create-apollo-server';
import { createHttpServer } from './server/create-http-server';
import { LiveGraph } from './server/live-graph';

/** Starts the service: load and validate the graph, then serve it over HTTP. */
async function main(): Promise<void> {
  const config = readConfig();
  const graph = LiveGraph.load(config.graphDataDir);
  const apollo = createApolloServer(await buildGraphSchema());
  await apollo.start();
  const server = createHttpServer({ apollo, graph, iriBase: config.iriBase });
  server.listen(config.port, () => {
    const { port } = server.address() as AddressInfo;
    const { snapshot } = graph.current;
    console.log(
      `newsgraph listening on http://localhost:${port}/graphql, serving ${snapshot.nodesByKind.get('ARTICLE')!.length} article(s), ` +
        `${snapshot.nodes.size} nodes and ${snapshot.edges.length} edges (version ${snapshot.version}) from ${config.graphDataDir}`,
    );
  });
}

main().catch((error: unknown) => {
  if (error instanceof GraphDataError || error instanceof ConfigError) console.error(`newsgraph cannot start: ${error.message}`);
  else console.error('newsgraph cannot start:', error);
  process.exit(1);
});
