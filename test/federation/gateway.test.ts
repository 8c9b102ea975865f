import assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { type HttpTestService, logLines, postGraphQL, startHttpService } from '../helpers/http-service';
import { MARKETS_TYPE_DEFS, type MarketsSubgraph, startMarketsSubgraph } from '../helpers/markets-subgraph';
import { CONFORMANCE_DATA_DIR } from '../store/graph-store-conformance';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

let newsgraph: HttpTestService;
let markets: MarketsSubgraph;
let gateway: ApolloServer;

beforeAll(async () => {
  newsgraph = await startHttpService({ GRAPH_DATA_DIR: CONFORMANCE_DATA_DIR });
  markets = await startMarketsSubgraph();
  gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: new IntrospectAndCompose({
        subgraphs: [
          { name: 'newsgraph', url: newsgraph.url },
          { name: 'markets', url: markets.url },
        ],
      }),
      logger: silent,
    }) as never,
    logger: silent,
  });
  await gateway.start();
});

afterAll(async () => {
  await gateway?.stop();
  await markets?.stop();
  await newsgraph?.close();
});

async function query(text: string) {
  const response = await gateway.executeOperation({ query: text });
  assert(response.body.kind === 'single');
  const { data, errors } = response.body.singleResult;
  return errors ? { data, errors } : { data };
}

describe('a gateway composing newsgraph with another subgraph', () => {
  it('composes the two subgraphs without errors', () => {
    const sdl = readFileSync(join(__dirname, '..', '..', 'subgraph.graphql'), 'utf8');
    const composed = composeServices([
      { name: 'newsgraph', typeDefs: parse(sdl), url: 'http://newsgraph.internal/graphql' },
      { name: 'markets', typeDefs: parse(MARKETS_TYPE_DEFS), url: 'http://markets.internal/graphql' },
    ]);
    expect(composed.errors).toBeUndefined();
  });

  it("follows the other graph's organizations into newsgraph's claims, and their people into their quotes", async () => {
    expect(
      await query(`{
        listedCompanies {
          ticker
          name
          claims(first: 3) { totalCount nodes { text } }
          members { title person { name quotes { nodes { text } } } }
        }
      }`),
    ).toEqual({
      data: {
        listedCompanies: [
          {
            ticker: 'EFC',
            name: 'Estuary Ferry Company',
            claims: {
              totalCount: 2,
              nodes: [
                { text: 'A second bridge would end the ferry services.' },
                { text: 'The Estuary Ferry Company will run 14 crossings a day this winter.' },
              ],
            },
            members: [{ title: 'chief executive', person: { name: 'Bram Okafor', quotes: { nodes: [{ text: 'A bridge will sink our ferries' }] } } }],
          },
        ],
      },
    });
  });

  it("follows newsgraph's organizations into the other graph's ticker", async () => {
    expect(await query('{ organizations(first: 5) { nodes { id name ticker } } }')).toEqual({
      data: {
        organizations: {
          nodes: [
            { id: 'organization:estuary-ferry-company', name: 'Estuary Ferry Company', ticker: 'EFC' },
            { id: 'organization:marrow-bay-council', name: 'Marrow Bay Council', ticker: null },
          ],
        },
      },
    });
  });

  it("finds newsgraph's person for a person the other graph knows only by Wikidata id, and the other way", async () => {
    expect(await query('{ boardMembers { wikidataId boardSeats name iri quotes { totalCount nodes { text } } } }')).toEqual({
      data: {
        boardMembers: [
          {
            wikidataId: 'Q13406268',
            boardSeats: 2,
            name: 'Bram Okafor',
            iri: `${newsgraph.origin}/id/person:bram-okafor`,
            quotes: { totalCount: 1, nodes: [{ text: 'A bridge will sink our ferries' }] },
          },
        ],
      },
    });
    // A person with no Wikidata id has no key the other graph knows: its field is null.
    expect(await query('{ people { nodes { name wikidataId boardSeats } } }')).toEqual({
      data: {
        people: {
          nodes: [
            { name: 'Ada Quill', wikidataId: null, boardSeats: null },
            { name: 'Bram Okafor', wikidataId: 'Q13406268', boardSeats: 2 },
          ],
        },
      },
    });
  });

  it('reaches newsgraph with JSON POSTs, which need no preflight header', async () => {
    const lines = await logLines(newsgraph, (line) => line.event === 'request' && line.path === '/graphql', 1);
    expect(new Set(lines.map((line) => `${line.method} ${line.status}`))).toEqual(new Set(['POST 200']));
    const reply = await postGraphQL(newsgraph.url, {
      query: '{ _entities(representations: [{ __typename: "Person", wikidataId: "Q13406268" }]) { ... on Person { name } } }',
    });
    expect([reply.status, reply.json]).toEqual([200, { data: { _entities: [{ name: 'Bram Okafor' }] } }]);
  });
});
