import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/**
 * The schema of a second, small graph written for the tests: market data
 * that knows organizations by newsgraph's ids and people only by their
 * Wikidata ids.
 */
export const MARKETS_TYPE_DEFS = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.14", import: ["@key"])

  type Query {
    "Organizations whose shares are listed."
    listedCompanies: [Organization!]!
    "People who sit on boards, known by their Wikidata ids."
    boardMembers: [Person!]!
  }

  type Organization @key(fields: "id") {
    id: ID!
    "Stock ticker, when listed."
    ticker: String
  }

  type Person @key(fields: "wikidataId") {
    wikidataId: String!
    "Board seats held."
    boardSeats: Int
  }
`;

const TICKERS: Readonly<Record<string, string>> = { 'organization:estuary-ferry-company': 'EFC' };
const BOARD_SEATS: Readonly<Record<string, number>> = { Q13406268: 2 };

/** A running markets subgraph. */
export interface MarketsSubgraph {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the markets subgraph on an ephemeral port of 127.0.0.1. */
export async function startMarketsSubgraph(): Promise<MarketsSubgraph> {
  const schema = buildSubgraphSchema({
    typeDefs: parse(MARKETS_TYPE_DEFS),
    resolvers: {
      Query: {
        listedCompanies: () => Object.keys(TICKERS).map((id) => ({ id, ticker: TICKERS[id] })),
        boardMembers: () => Object.keys(BOARD_SEATS).map((wikidataId) => ({ wikidataId, boardSeats: BOARD_SEATS[wikidataId] })),
      },
      Organization: { __resolveReference: ({ id }: { id: string }) => ({ id, ticker: TICKERS[id] ?? null }) },
      Person: { __resolveReference: ({ wikidataId }: { wikidataId: string }) => ({ wikidataId, boardSeats: BOARD_SEATS[wikidataId] ?? null }) },
    } as never,
  });
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}
