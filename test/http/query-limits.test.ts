import { getIntrospectionQuery } from 'graphql';
import { errorCodes, type HttpTestService, postGraphQL, startHttpService } from '../helpers/http-service';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

let service: HttpTestService;
beforeAll(async () => {
  service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR });
});
afterAll(() => service.close());

const post = (query: string, variables?: Record<string, unknown>) => postGraphQL(service.url, { query, variables });

/**
 * A document of exactly `count` tokens: aliased `nodes(ids: [...])` fields
 * (`a0: nodes(ids: [` ... `]) { id }` is 12 tokens plus one per id).
 */
function queryOfTokens(count: number): string {
  const fields: string[] = [];
  for (let remaining = count - 2; remaining > 0;) {
    const ids = Math.min(100, remaining - 12);
    fields.push(`a${fields.length}: nodes(ids: [${Array(ids).fill('"place:china"').join(', ')}]) { id }`);
    remaining -= 12 + ids;
  }
  return `{ ${fields.join(' ')} }`;
}

/** A person's roles and their organization's members, nested so that the deepest field is at `depth`. */
function queryOfDepth(depth: number): string {
  // node(1) ... on Person { roles(2) { organization(3) { members(4) { person(5) { roles(6) ...
  const levels = ['roles', 'organization', 'members', 'person'];
  let body = 'id';
  for (let level = depth - 1; level >= 2; level--) body = `${levels[(level - 2) % 4]} { ${level === depth - 1 ? '__typename' : body} }`;
  return `{ node(id: "person:mark-zuckerberg") { ... on Person { ${body} } } }`;
}

describe('token limit (MAX_QUERY_TOKENS, default 1000)', () => {
  it('runs a document of exactly 1000 tokens', async () => {
    const reply = await post(queryOfTokens(1000));
    expect(reply.status).toBe(200);
    expect(reply.json.errors).toBeUndefined();
    expect(Object.keys(reply.json.data)).toHaveLength(9);
    expect(reply.json.data.a0).toEqual(Array(100).fill({ id: 'place:china' }));
  });

  it('refuses a document of 1001 tokens with 400 TOO_MANY_TOKENS, before execution', async () => {
    const reply = await post(queryOfTokens(1001));
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      errors: [
        {
          message:
            'The document has more than 1000 tokens (names, punctuation and values); the limit is 1000. Send a shorter document: pass values as variables and leave out operations and fragments the request does not use.',
          extensions: { code: 'TOO_MANY_TOKENS', limit: 1000 },
        },
      ],
    });
  });

  it('refuses a huge document just as fast to read: parsing stops at the limit', async () => {
    const reply = await post(`{ ${'__typename '.repeat(9_000)}}`);
    expect(reply.status).toBe(400);
    expect(errorCodes(reply)).toEqual(['TOO_MANY_TOKENS']);
  });

  it('lets the full introspection query of Apollo Sandbox through', async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    const reply = await post(query);
    expect(reply.status).toBe(200);
    expect(reply.json.errors).toBeUndefined();
    expect(reply.json.data.__schema.queryType).toEqual({ name: 'Query', kind: 'OBJECT' });
  });
});

describe('depth limit (MAX_QUERY_DEPTH, default 10)', () => {
  it('runs an operation 10 fields deep', async () => {
    const reply = await post(queryOfDepth(10));
    expect(reply.status).toBe(200);
    expect(reply.json.errors).toBeUndefined();
    expect(reply.json.data.node.roles[0].organization.members[0].person.roles[0].organization.members[0].person.__typename).toBe('Person');
  });

  it('refuses an operation 11 fields deep with 400 QUERY_TOO_DEEP', async () => {
    const reply = await post(queryOfDepth(11));
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      errors: [
        {
          message: 'The operation nests fields 11 deep; the limit is 10. Query fewer levels at once and fetch deeper nodes with a second query by id.',
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'QUERY_TOO_DEEP', limit: 10, actual: 11 },
        },
      ],
    });
  });

  it('counts the depth through fragments, named in the message', async () => {
    const reply = await post(`
      query Deep { node(id: "person:mark-zuckerberg") { ...P } }
      fragment P on Person { roles { organization { ...O } } }
      fragment O on Organization { members { person { roles { organization { members { person { roles { id: title } } } } } } } }
    `);
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Operation "Deep" nests fields 11 deep; the limit is 10\./),
        extensions: { code: 'QUERY_TOO_DEEP', limit: 10, actual: 11 },
      }),
    ]);
  });

  it('exempts __schema: a 14-deep introspection query runs', async () => {
    const reply = await post(
      '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } }',
    );
    expect(reply.status).toBe(200);
    expect(reply.json.errors).toBeUndefined();
  });

  it("counts __type like any other field: a type's full introspection is 14 deep", async () => {
    const introspection = getIntrospectionQuery();
    const fragments = introspection.slice(introspection.indexOf('fragment FullType'));
    const reply = await post(`query PersonType { __type(name: "Person") { ...FullType } }\n${fragments}`);
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([
      {
        message: 'Operation "PersonType" nests fields 14 deep; the limit is 10. Query fewer levels at once and fetch deeper nodes with a second query by id.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'QUERY_TOO_DEEP', limit: 10, actual: 14 },
      },
    ]);
  });

  it("still bounds introspection through graphql's own introspection depth rule", async () => {
    const reply = await post('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }');
    expect(reply.status).toBe(400);
    expect(errorCodes(reply)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(reply.json.errors[0].message).toBe('Maximum introspection depth exceeded');
  });
});

describe('alias limit (MAX_QUERY_ALIASES, default 15)', () => {
  const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: node(id: "organization:meta") { id }`).join(' ')} }`;

  it('runs 15 aliases', async () => {
    const reply = await post(aliased(15));
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json.data)).toHaveLength(15);
    expect(reply.json.data.a14).toEqual({ id: 'organization:meta' });
  });

  it('refuses 16 aliases with 400 TOO_MANY_ALIASES', async () => {
    const reply = await post(aliased(16));
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([
      {
        message: 'The operation uses 16 aliases; the limit is 15. Use list fields (such as nodes(ids:)) or several requests instead.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'TOO_MANY_ALIASES', limit: 15, actual: 16 },
      },
    ]);
  });

  it('exempts aliases of __typename', async () => {
    const reply = await post(`{ ${Array.from({ length: 40 }, (_, i) => `t${i}: __typename`).join(' ')} }`);
    expect(reply.status).toBe(200);
    expect(reply.json.data.t39).toBe('Query');
  });

  it('exempts the one field of a selection that is aliased __typename', async () => {
    const reply = await post(`{ ${aliased(15).slice(2, -2)} __typename: stats { __typename } }`);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json.data)).toHaveLength(16);
    expect(reply.json.data.__typename).toEqual({ __typename: 'GraphStats' });
  });

  it('counts the aliases of a fragment at each spread', async () => {
    const fields = Array.from({ length: 4 }, (_, i) => `n${i}: id`).join(' ');
    const reply = await post(
      `{ a: node(id: "organization:meta") { ...F } b: node(id: "place:china") { ...F } c: node(id: "place:china") { ...F } b2: node(id: "topic:open-source-ai") { ...F } } fragment F on Node { ${fields} }`,
    );
    expect(reply.status).toBe(400);
    expect(reply.json.errors[0].extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: 15, actual: 20 });
  });
});

describe('directive limit (MAX_QUERY_DIRECTIVES, default 50)', () => {
  const directed = (count: number) => `{ stats { ${Array(count).fill('nodeCount @include(if: true)').join(' ')} } }`;

  it('runs 50 directives', async () => {
    const reply = await post(directed(50));
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ data: { stats: { nodeCount: 42 } } });
  });

  it('refuses 51 directives with 400 TOO_MANY_DIRECTIVES', async () => {
    const reply = await post(directed(51));
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([
      {
        message: 'The operation uses 51 directives; the limit is 50. Remove repeated @include/@skip directives.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'TOO_MANY_DIRECTIVES', limit: 50, actual: 51 },
      },
    ]);
  });
  it('counts the directives inside a fragment at each spread', async () => {
    const reply = await post(
      `{ a: stats { ...F } b: stats { ...F } } fragment F on GraphStats { ${Array(26).fill('__typename @include(if: true)').join(' ')} }`,
    );
    expect(reply.status).toBe(400);
    expect(reply.json.errors[0].extensions).toEqual({ code: 'TOO_MANY_DIRECTIVES', limit: 50, actual: 52 });
  });

  it('counts the directives on the spreads of one fragment at its first spread only', async () => {
    const reply = await post(`{ stats { ${Array(60).fill('...F @include(if: true)').join(' ')} } } fragment F on GraphStats { __typename }`);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ data: { stats: { __typename: 'GraphStats' } } });
  });
});

describe('cost limit (MAX_QUERY_COST, default 25000)', () => {
  // people (1 + first × nodes) > nodes (1 + quotes) > quotes (1 + first × nodes) > nodes (1 + claims + speaker) > 2 + 2
  const costly = 'query Costly($n: Int!) { people(first: $n) { nodes { quotes(first: $n) { nodes { claims { id } speaker { id } } } } } }';

  it('costs with the variables: first 10 costs 521 and runs', async () => {
    const reply = await post(costly, { n: 10 });
    expect(reply.status).toBe(200);
    expect(reply.json.errors).toBeUndefined();
    expect(reply.json.data.people.nodes).toHaveLength(3);
  });

  it('refuses the same document with first 100 (cost 50201) with 400 QUERY_TOO_COMPLEX', async () => {
    const reply = await post(costly, { n: 100 });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      errors: [
        {
          message:
            'Operation "Costly" has an estimated cost of 50201; the limit is 25000. Ask for smaller pages (a lower "first", especially on nested lists) or fewer fields.',
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 25000, actual: 50201 },
        },
      ],
    });
  });

  it('costs an absent first at its documented default (20)', async () => {
    const nested = (outer: string) => `{ people${outer} { nodes { quotes { nodes { speaker { quotes { nodes { id text } } } } } } } }`;
    // 1 + 20 × (1 + (1 + 20 × (1 + (1 + (1 + 20 × 3)))))
    const refused = await post(nested(''));
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 25000, actual: 25241 });
    const allowed = await post(nested('(first: 10)'));
    expect(allowed.status).toBe(200);
    expect(allowed.json.errors).toBeUndefined();
  });

  it('costs nodes(ids:) by the number of ids', async () => {
    const reply = await post('query Many($ids: [ID!]!) { nodes(ids: $ids) { id kind label } }', { ids: Array(10_000).fill('x') });
    expect(reply.status).toBe(400);
    expect(reply.json.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 25000, actual: 30001 });
  });

  it('costs neighborhood by its limit', async () => {
    // 1 + 500 × (1 + (1 + 100 × 2)): each of up to 500 nodes with a page of 100 claims.
    const reply = await post('{ neighborhood(id: "organization:meta", limit: 500) { nodes { ... on Entity { claims(first: 100) { nodes { id } } } } } }');
    expect(reply.status).toBe(400);
    expect(reply.json.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 25000, actual: 101001 });
  });

  it('costs a limit over the maximum as the maximum, leaving the refusal to the argument check', async () => {
    const reply = await post('{ neighborhood(id: "organization:meta", limit: 10000) { nodes { id } } }');
    expect(reply.status).toBe(200);
    expect(reply.json.errors.map((e: any) => [e.extensions.code, e.message])).toEqual([['BAD_USER_INPUT', '"limit" must be from 1 to 500; got 10000']]);
  });

  it('costs first: null as the default page size, so null cannot slip past the cost limit', async () => {
    const query =
      'query($f: Int) { node(id: "organization:meta") { ... on Entity { mentions(first: $f) { totalCount } } } claims(first: 100) { nodes { subjects { claims(first: 100) { nodes { quotes { claims { id text } } } } } } } }';
    for (const variables of [{ f: null }, {}]) {
      const reply = await post(query, variables);
      expect([reply.status, reply.json.errors[0].extensions]).toEqual([400, { code: 'QUERY_TOO_COMPLEX', limit: 25000, actual: 50323 }]);
    }
  });

  it('refuses a fragment bomb too big to cost', async () => {
    const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const reply = await post(`{ ...F0 } ${fragments} fragment F20 on Query { __typename }`);
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([
      {
        message:
          'The operation expands to too many fields to cost; the limit is 25000. Ask for smaller pages (a lower "first", especially on nested lists) or fewer fields.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 25000 },
      },
    ]);
  });
});

describe('errors a user causes', () => {
  it('refuses first above 100 with BAD_USER_INPUT naming the argument', async () => {
    const reply = await post('query ($first: Int!) { people(first: $first) { nodes { id } } }', { first: 101 });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      data: null,
      errors: [
        {
          message: '"first" must be from 0 to 100; got 101',
          locations: [{ line: 1, column: 24 }],
          path: ['people'],
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
        },
      ],
    });
  });

  it('refuses a fragment cycle with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const reply = await post('{ ...A } fragment A on Query { stats { nodeCount } ...B } fragment B on Query { ...A }');
    expect(reply.status).toBe(400);
    expect(errorCodes(reply)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(reply.json.errors[0].message).toBe('Cannot spread fragment "A" within itself via "B".');
  });

  it('refuses an unknown field with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const reply = await post('{ stats { nodeCont } }');
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([
      {
        message: 'Cannot query field "nodeCont" on type "GraphStats". Did you mean "nodeCount" or "edgeCount"?',
        locations: [{ line: 1, column: 11 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('refuses a variable of the wrong type with 400 BAD_USER_INPUT', async () => {
    const reply = await post('query ($first: Int) { people(first: $first) { totalCount } }', { first: 'ten' });
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([
      {
        message: 'Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
        locations: [{ line: 1, column: 8 }],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });

  it('refuses a missing required variable with 400 BAD_USER_INPUT', async () => {
    const reply = await post('query ($id: ID!) { node(id: $id) { id } }', {});
    expect(reply.status).toBe(400);
    expect(errorCodes(reply)).toEqual(['BAD_USER_INPUT']);
    expect(reply.json.errors[0].message).toBe('Variable "$id" of required type "ID!" was not provided.');
  });

  it('refuses a mutation with 400 GRAPHQL_VALIDATION_FAILED: the service takes queries only', async () => {
    const reply = await post('mutation Rename { renameArticle(id: "x") }');
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      errors: [
        {
          message: 'This service takes queries only; it has no mutations. Send a query operation, asking for fields of Query.',
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });

  it('refuses a subscription with 400 GRAPHQL_VALIDATION_FAILED: the service takes queries only', async () => {
    const reply = await post('subscription { articleAdded { id } }');
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      errors: [
        {
          message: 'This service takes queries only; it has no subscriptions. Send a query operation, asking for fields of Query.',
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });

  it('refuses a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
    const reply = await post('{ stats { nodeCount }');
    expect(reply.status).toBe(400);
    expect(reply.json.errors).toEqual([
      { message: 'Syntax Error: Expected Name, found <EOF>.', locations: [{ line: 1, column: 22 }], extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
    ]);
  });
});

describe("validation work (graphql's own budget)", () => {
  const repeated = (count: number) => `{ stats { ${'__typename '.repeat(count)}} }`;

  it('runs a field asked 707 times in one selection', async () => {
    const reply = await post(repeated(707));
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ data: { stats: { __typename: 'GraphStats' } } });
  });

  it('refuses a field asked 708 times in one selection with 400 QUERY_TOO_COMPLEX_TO_VALIDATE', async () => {
    const reply = await post(repeated(708));
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      errors: [
        {
          message:
            'The document repeats fields too often to be validated: graphql compares every two fields that share a response name in a selection (fragments expanded), and stops after 500000 steps, which one field asked 708 times in a selection reaches. Ask for each field once in a selection and spread each fragment once.',
          extensions: { code: 'QUERY_TOO_COMPLEX_TO_VALIDATE' },
        },
      ],
    });
  });
});

describe('configured limits', () => {
  it('applies MAX_QUERY_* and refuses before anything is executed', async () => {
    const executed: string[] = [];
    const configured = await startHttpService(
      { GRAPH_DATA_DIR: SEED_GRAPH_DIR, MAX_QUERY_TOKENS: '30', MAX_QUERY_DEPTH: '3', MAX_QUERY_ALIASES: '1', MAX_QUERY_DIRECTIVES: '1', MAX_QUERY_COST: '50' },
      {
        plugins: [
          {
            async requestDidStart() {
              return {
                // Asked once the operation passed every limit, just before it is executed.
                async responseForOperation({ operationName }) {
                  executed.push(operationName ?? '');
                  return null;
                },
              };
            },
          },
        ],
      },
    );
    try {
      const refused: [string, string][] = [
        [`query Tokens { ${'__typename '.repeat(30)}}`, 'TOO_MANY_TOKENS'],
        ['query Deep { people(first: 1) { nodes { roles { title } } } }', 'QUERY_TOO_DEEP'],
        ['query Aliases { a: stats { nodeCount } b: stats { edgeCount } }', 'TOO_MANY_ALIASES'],
        ['query Directives { stats @include(if: true) { nodeCount @skip(if: false) } }', 'TOO_MANY_DIRECTIVES'],
        ['query Costly { people(first: 25) { nodes { id name } } }', 'QUERY_TOO_COMPLEX'],
      ];
      for (const [query, code] of refused) {
        const reply = await postGraphQL(configured.url, { query });
        expect([reply.status, errorCodes(reply)]).toEqual([400, [code]]);
      }
      const allowed = await postGraphQL(configured.url, { query: 'query Fine { people(first: 10) { nodes { id } } }' });
      expect(allowed.status).toBe(200);
      expect(executed).toEqual(['Fine']);
    } finally {
      await configured.close();
    }
  });
});
