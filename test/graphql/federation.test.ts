import assert from 'node:assert';
import { isObjectType, parse } from 'graphql';
import { graphSchema, openLiveGraph } from '../../src/app';
import { InMemoryGraphStore, loadGraph } from '../../src/graph';
import { isDirectFieldResolver } from '../../src/schema';
import { createApolloServer } from '../../src/server/create-apollo-server';
import { queryCost } from '../../src/server/query-cost';
import { createTestContext, recordInterpreted } from '../helpers/graph-test-server';
import { recordingStore } from '../helpers/recording-store';
import { CONFORMANCE_DATA_DIR } from '../store/graph-store-conformance';

const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Organization { id name wikidataId }
    ... on Person { id name wikidataId }
    ... on Quote { text speaker { name } }
  }
}`;

const REPRESENTATIONS = [
  { __typename: 'Organization', id: 'organization:marrow-bay-council' },
  { __typename: 'Person', wikidataId: 'Q13406268' },
  { __typename: 'Quote', id: 'quote:harbor-budget/walls-first' },
  { __typename: 'Person', id: 'person:nobody' },
  // An id of another type than the representation says.
  { __typename: 'Organization', id: 'person:ada-quill' },
  { __typename: 'Organization', wikidataId: 'Q4115189' },
  { __typename: 'Person', wikidataId: 'Q1' },
  { __typename: 'Person', id: 'person:ada-quill' },
];

const ANSWER = {
  data: {
    _entities: [
      { __typename: 'Organization', id: 'organization:marrow-bay-council', name: 'Marrow Bay Council', wikidataId: 'Q4115189' },
      { __typename: 'Person', id: 'person:bram-okafor', name: 'Bram Okafor', wikidataId: 'Q13406268' },
      { __typename: 'Quote', text: 'The harbor walls come first', speaker: { name: 'Ada Quill' } },
      null,
      null,
      { __typename: 'Organization', id: 'organization:marrow-bay-council', name: 'Marrow Bay Council', wikidataId: 'Q4115189' },
      null,
      { __typename: 'Person', id: 'person:ada-quill', name: 'Ada Quill', wikidataId: null },
    ],
  },
};

/** An Apollo server over the schema, with the compiled executor at every request, and the operations graphql-js ran. */
async function startServer() {
  const interpreted: string[] = [];
  const apollo = createApolloServer(await graphSchema(), {
    jit: { compileAtUse: 1, maxCompilesPerSecond: Infinity },
    plugins: [recordInterpreted(interpreted)],
  });
  await apollo.start();
  return { apollo, interpreted };
}

describe('the Apollo Federation subgraph', () => {
  it('resolves representations by id and by wikidataId through the request loaders: one store call per key, null for an unknown id or another type', async () => {
    const { apollo, interpreted } = await startServer();
    try {
      const { store, calls } = recordingStore(new InMemoryGraphStore(loadGraph(CONFORMANCE_DATA_DIR)));
      const response = await apollo.executeOperation(
        { query: ENTITIES, variables: { representations: REPRESENTATIONS } },
        { contextValue: createTestContext(store) },
      );
      assert(response.body.kind === 'single');
      expect(response.body.singleResult).toEqual(ANSWER);
      // Five ids (four distinct) in one batch, three Wikidata ids in another; then the quote's words and its speaker.
      expect(calls).toEqual(['getNodes(4)', 'getEntitiesBySameAs(3)', 'getSpanTexts(1)', 'getRelated(1)']);
      // The compiled executor answered it.
      expect(interpreted).toEqual([]);
    } finally {
      await apollo.stop();
    }
  });

  it('refuses a representation of a type that is not an entity, or without a key, with BAD_USER_INPUT', async () => {
    const { apollo } = await startServer();
    try {
      const graph = await openLiveGraph({ graphDataDir: CONFORMANCE_DATA_DIR });
      const run = async (representations: unknown[]) => {
        const response = await apollo.executeOperation({ query: ENTITIES, variables: { representations } }, { contextValue: createTestContext(graph.current) });
        assert(response.body.kind === 'single');
        return response.body.singleResult.errors?.map((error) => [error.message, error.extensions?.code]);
      };
      expect(await run([{ __typename: 'SourceSpan', id: 'x' }])).toEqual([
        [
          '"SourceSpan" is not an entity type of this graph; entity types are Article, Person, Organization, Place, Event, Topic, Quote, Claim, Figure',
          'BAD_USER_INPUT',
        ],
      ]);
      expect(await run([{ __typename: 'Quote', wikidataId: 'Q1' }])).toEqual([['A representation of Quote needs "id" (a string)', 'BAD_USER_INPUT']]);
      expect(await run([{ __typename: 'Person' }])).toEqual([['A representation of Person needs "id" or "wikidataId" (a string)', 'BAD_USER_INPUT']]);
    } finally {
      await apollo.stop();
    }
  });

  it('costs _entities by its number of representations, like nodes(ids:)', async () => {
    const schema = await graphSchema();
    const document = parse('query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { quotes(first: 10) { nodes { text } } } } }');
    const representations = [1, 2, 3].map((n) => ({ __typename: 'Person', id: `person:${n}` }));
    // 1 + 3 × (1 + 10 × (1 + 1)).
    expect(queryCost(schema, document, { r: representations })).toBe(64);
  });

  it('keeps the direct field resolvers on the fields of the node types', async () => {
    const schema = await graphSchema();
    const resolverOf = (type: string, field: string) => {
      const found = schema.getType(type);
      assert(isObjectType(found));
      return found.getFields()[field].resolve;
    };
    const direct = [
      'Person.label',
      'Person.wikidataId',
      'Organization.members',
      'Quote.text',
      'Quote.speaker',
      'Claim.claimant',
      'Relation.from',
      'SourceSpan.text',
      'Mention.entity',
    ];
    expect(direct.filter((name) => !isDirectFieldResolver(resolverOf(...(name.split('.') as [string, string]))))).toEqual([]);
  });
});
