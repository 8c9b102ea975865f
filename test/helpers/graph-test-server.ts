import 'reflect-metadata';
import assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { parse, print } from 'graphql';
import { contextFactory, graphSchema, openLiveGraph } from '../../src/app';
import { BUNDLED_GRAPH_DATA_DIR } from '../../src/config';
import type { GraphStore, LiveGraph } from '../../src/graph';
import type { GraphContext } from '../../src/schema';
import { createApolloServer } from '../../src/server/create-apollo-server';

/** The IRI base of the in-process tests, which listen nowhere (a service's own is its `/id/`). */
export const TEST_IRI_BASE = 'https://newsgraph.example/id/';

/** The context of one request over `store`, as the service makes it, with the tests' IRI base. */
export const createTestContext: (store: GraphStore) => GraphContext = contextFactory({ iriBase: TEST_IRI_BASE });

/** The seed article's id. */
export const SEED_ARTICLE_ID = 'article:zuckerberg-american-open-source-ai-standards';

/** Variables for the contract operations that need them, on the bundled graph-data. */
export const CONTRACT_VARIABLES: Readonly<Record<string, Record<string, unknown>>> = {
  ArticleSummary: { id: SEED_ARTICLE_ID },
  FindPeople: { name: 'a', first: 2 },
  FindOrganizations: { name: 'us' },
  EntityProfile: { id: 'person:mark-zuckerberg' },
  ClaimsByClaimant: { entityId: 'person:mark-zuckerberg', first: 3 },
  ClaimsAbout: { entityId: 'organization:meta' },
  QuotesBySpeaker: { speakerId: 'person:mark-zuckerberg' },
  Search: { text: 'open source', first: 5 },
  Connection: { from: 'person:yann-lecun', to: 'place:china' },
  Neighborhood: { id: 'organization:deepseek', depth: 2 },
  Refetch: { ids: ['place:china', 'nobody', SEED_ARTICLE_ID] },
};

/**
 * A plugin that records, in `names`, the name ('' for none) of every
 * operation graphql-js runs: Apollo's execution hooks run only when Apollo
 * executes an operation itself, not when the compiled executor answers it.
 */
export function recordInterpreted(names: string[]): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operationName }) {
          names.push(operationName ?? '');
        },
      };
    },
  };
}

/** Result of one operation: data and errors of a single (non-incremental) response. */
export interface OperationResult {
  readonly data?: Record<string, any> | null;
  readonly errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, any> }[];
}

/** An Apollo server over a graph-data folder, run in-process through the real pipeline. */
export interface GraphTestServer {
  readonly apollo: ApolloServer<GraphContext>;
  readonly graph: LiveGraph;
  /** Runs an operation against a given store, or the current one. */
  run(query: string, variables?: Record<string, unknown>, store?: GraphStore): Promise<OperationResult>;
  stop(): Promise<void>;
}

/** Starts an Apollo server over `dataDir` (the bundled graph-data by default), or over `graph` when given. */
export async function startGraphTestServer(dataDir: string = BUNDLED_GRAPH_DATA_DIR, given?: LiveGraph): Promise<GraphTestServer> {
  const graph = given ?? (await openLiveGraph({ graphDataDir: dataDir }));
  // Every operation compiled at its first request, so that the tests' one-off operations run as repeated ones do in service.
  const apollo = createApolloServer(await graphSchema(), { jit: { compileAtUse: 1, maxCompilesPerSecond: Infinity } });
  await apollo.start();
  return {
    apollo,
    graph,
    async run(query, variables, store = graph.current) {
      const response = await apollo.executeOperation({ query, variables }, { contextValue: createTestContext(store) });
      assert(response.body.kind === 'single');
      return response.body.singleResult as OperationResult;
    },
    stop: () => apollo.stop(),
  };
}

/** The dashboard contract operations kept with the tests, by operation name. */
export function contractOperations(): Map<string, string> {
  const document = parse(readFileSync(join(__dirname, '..', 'contract', 'operations.graphql'), 'utf8'));
  const operations = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition' && definition.name) operations.set(definition.name.value, print(definition));
  }
  return operations;
}
