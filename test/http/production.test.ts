import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphContext } from '../../src/schema';
import { errorCodes, type HttpTestService, postGraphQL, startHttpService } from '../helpers/http-service';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

/** Fails every operation named Boom the way a bug would: a plain Error, not a GraphQLError. */
const boomPlugin: ApolloServerPlugin<GraphContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName }) {
        if (operationName === 'Boom') throw new Error('the store fell over');
      },
    };
  },
};

describe('NODE_ENV=production', () => {
  let service: HttpTestService;
  beforeAll(async () => {
    service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR, NODE_ENV: 'production' }, { plugins: [boomPlugin] });
  });
  afterAll(() => service.close());

  it('gives no "Did you mean" suggestions for unknown fields', async () => {
    const reply = await postGraphQL(service.url, { query: '{ stats { nodeCont } }' });
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([
      {
        message: 'Cannot query field "nodeCont" on type "GraphStats".',
        locations: [{ line: 1, column: 11 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('gives no suggestions for unknown enum values in variables', async () => {
    const reply = await postGraphQL(service.url, {
      query: 'query ($kinds: [NodeKind!]) { entities(kinds: $kinds) { totalCount } }',
      variables: { kinds: ['PERSN'] },
    });
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([
      {
        message: 'Variable "$kinds" got invalid value "PERSN" at "kinds[0]"; Value "PERSN" does not exist in "NodeKind" enum.',
        locations: [{ line: 1, column: 8 }],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });

  it('sends no stack trace for an unexpected error, and logs it with its stack instead', async () => {
    const reply = await postGraphQL(service.url, { query: 'query Boom { stats { nodeCount } }' });
    expect(reply.status).toBe(500);
    expect(reply.json).toEqual({ errors: [{ message: 'the store fell over', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(reply.text).not.toMatch(/stacktrace|\bat /);
    const logged = service.logs.find((line) => line.err?.message === 'the store fell over');
    expect(logged).toMatchObject({
      level: 'error',
      component: 'apollo',
      operationName: 'Boom',
      err: { type: 'Error', stack: expect.stringContaining('production.test.ts') },
    });
  });

  it('keeps introspection on, for people exploring in Sandbox', async () => {
    const reply = await postGraphQL(service.url, { query: '{ __schema { queryType { name } } }' });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

describe('INTROSPECTION=false', () => {
  let service: HttpTestService;
  beforeAll(async () => {
    service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR, NODE_ENV: 'production', INTROSPECTION: 'false' });
  });
  afterAll(() => service.close());

  it('refuses introspection with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const reply = await postGraphQL(service.url, { query: '{ __schema { queryType { name } } }' });
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([
      {
        message: 'Introspection is disabled on this service; remove "__schema" from the query.',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('still answers __typename and ordinary queries', async () => {
    const reply = await postGraphQL(service.url, { query: '{ __typename stats { nodeCount } }' });
    expect(reply.json).toEqual({ data: { __typename: 'Query', stats: { nodeCount: 42 } } });
    expect(errorCodes(reply)).toEqual([]);
  });
});
