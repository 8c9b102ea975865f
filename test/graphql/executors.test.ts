import assert from 'node:assert';
import { graphSchema, openLiveGraph } from '../../src/app';
import { createApolloServer } from '../../src/server/create-apollo-server';
import { NewsgraphJitExecutionPlugin, type NewsgraphJitExecutionPluginOptions } from '../../src/server/newsgraph-jit-execution-plugin';
import { CONTRACT_VARIABLES, contractOperations, createTestContext, recordInterpreted } from '../helpers/graph-test-server';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

describe('the compiled executor', () => {
  it('answers every contract operation exactly as graphql-js does, and errors as graphql-js words them', async () => {
    const schema = await graphSchema();
    const graph = await openLiveGraph({ graphDataDir: SEED_GRAPH_DIR });
    const interpretedByJit: string[] = [];
    const servers = [
      createApolloServer(schema, { executor: 'jit', jit: { compileAtUse: 1, maxCompilesPerSecond: Infinity }, plugins: [recordInterpreted(interpretedByJit)] }),
      createApolloServer(schema, { executor: 'graphql-js' }),
    ];
    await Promise.all(servers.map((s) => s.start()));
    try {
      const run = async (query: string, variables?: Record<string, unknown>) =>
        Promise.all(
          servers.map(async (server) => {
            const store = graph.current;
            const response = await server.executeOperation({ query, variables }, { contextValue: createTestContext(store) });
            assert(response.body.kind === 'single');
            return [response.http.status ?? 200, response.body.singleResult];
          }),
        );
      for (const [name, query] of contractOperations()) {
        const [jit, interpreted] = await run(query, CONTRACT_VARIABLES[name]);
        expect([name, jit]).toEqual([name, interpreted]);
        expect((jit[1] as { errors?: unknown }).errors).toBeUndefined();
      }
      // Every contract answer came from the compiled operation.
      expect(interpretedByJit).toEqual([]);
      const failing = [
        ['{ path(from: "person:nobody", to: "place:china") { hops } }', undefined],
        ['{ people(first: 101) { totalCount } }', undefined],
        ['query($id: ID!) { node(id: $id) { id } }', { id: true }],
        ['query($id: ID!) { node(id: $id) { id } }', {}],
        ['{ claims(first: 2, after: "bogus") { totalCount } }', undefined],
      ] as const;
      for (const [query, variables] of failing) {
        const [jit, interpreted] = await run(query, variables);
        expect([query, jit]).toEqual([query, interpreted]);
        expect((jit[1] as { errors?: unknown[] }).errors).toHaveLength(1);
      }
      // Each answer with errors was worded by graphql-js, once.
      expect(interpretedByJit).toEqual(['', '', '', '', '']);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
});

describe('NewsgraphJitExecutionPlugin', () => {
  /** A server with the compiled executor, and the names of the operations graphql-js ran (see recordInterpreted). */
  const startServer = async (jit: NewsgraphJitExecutionPluginOptions) => {
    const graph = await openLiveGraph({ graphDataDir: SEED_GRAPH_DIR });
    const interpreted: string[] = [];
    const server = createApolloServer(await graphSchema(), { executor: 'jit', jit, plugins: [recordInterpreted(interpreted)] });
    await server.start();
    const run = async (query: string, variables?: Record<string, unknown>, operationName?: string) => {
      const store = graph.current;
      const response = await server.executeOperation({ query, variables, operationName }, { contextValue: createTestContext(store) });
      assert(response.body.kind === 'single');
      return [response.http.status ?? 200, response.body.singleResult] as const;
    };
    return { server, run, interpreted };
  };

  it('compiles an operation at its second request; graphql-js answers the first, with the same answer', async () => {
    const { server, run, interpreted } = await startServer({});
    try {
      const answer = [200, { data: { node: { id: 'place:china' } } }];
      expect(await run('query A { node(id: "place:china") { id } }')).toEqual(answer);
      expect(await run('query A { node(id: "place:china") { id } }')).toEqual(answer);
      expect(await run('query A { node(id: "place:china") { id } }')).toEqual(answer);
      // The same text with another operation name asked for is another operation of the same document.
      expect(await run('query A { node(id: "place:china") { id } } query B { stats { nodeCount } }', undefined, 'B')).toEqual([
        200,
        { data: { stats: { nodeCount: 42 } } },
      ]);
      expect(await run('query A { node(id: "place:china") { id } } query B { stats { nodeCount } }', undefined, 'B')).toEqual([
        200,
        { data: { stats: { nodeCount: 42 } } },
      ]);
      expect(interpreted).toEqual(['A', 'B']);
    } finally {
      await server.stop();
    }
  });

  it('compiles at most maxCompilesPerSecond operations a second; graphql-js answers the others until there is room', async () => {
    let clock = 0;
    const { server, run, interpreted } = await startServer({ maxCompilesPerSecond: 2, now: () => clock });
    try {
      const ops = ['A', 'B', 'C'].map((name) => `query ${name} { stats { nodeCount } }`);
      for (const op of ops) await run(op);
      for (const op of ops) await run(op);
      // A and B took the two compilations; C waits.
      expect(interpreted).toEqual(['A', 'B', 'C', 'C']);
      clock += 499;
      await run(ops[2]);
      expect(interpreted).toEqual(['A', 'B', 'C', 'C', 'C']);
      clock += 1;
      await run(ops[2]);
      await run(ops[2]);
      for (const op of ops) expect(await run(op)).toEqual([200, { data: { stats: { nodeCount: 42 } } }]);
      expect(interpreted).toEqual(['A', 'B', 'C', 'C', 'C']);
    } finally {
      await server.stop();
    }
  });

  it('refuses settings that cannot mean anything, and compiles nothing at 0 a second', async () => {
    const schema = await graphSchema();
    expect(() => NewsgraphJitExecutionPlugin(schema, { compileAtUse: 0 })).toThrow('compileAtUse must be a whole number from 1, not 0');
    expect(() => NewsgraphJitExecutionPlugin(schema, { compileAtUse: 1.5 })).toThrow('compileAtUse must be a whole number from 1, not 1.5');
    expect(() => NewsgraphJitExecutionPlugin(schema, { maxCompilesPerSecond: -1 })).toThrow(
      'maxCompilesPerSecond must be 0 or more (Infinity for no limit), not -1',
    );
    expect(() => NewsgraphJitExecutionPlugin(schema, { maxCompilesPerSecond: NaN })).toThrow(
      'maxCompilesPerSecond must be 0 or more (Infinity for no limit), not NaN',
    );
    const { server, run, interpreted } = await startServer({ compileAtUse: 1, maxCompilesPerSecond: 0 });
    try {
      for (let i = 0; i < 3; i++) await run('query A { stats { nodeCount } }');
      expect(interpreted).toEqual(['A', 'A', 'A']);
    } finally {
      await server.stop();
    }
  });

  it('compiles at a rate below one a second: one at once, the next after 1 / rate seconds', async () => {
    let clock = 0;
    const { server, run, interpreted } = await startServer({ compileAtUse: 1, maxCompilesPerSecond: 0.5, now: () => clock });
    try {
      await run('query A { stats { nodeCount } }');
      await run('query B { stats { nodeCount } }');
      clock += 1999;
      await run('query B { stats { nodeCount } }');
      clock += 1;
      await run('query B { stats { nodeCount } }');
      await run('query B { stats { nodeCount } }');
      expect(interpreted).toEqual(['B', 'B']);
    } finally {
      await server.stop();
    }
  });

  it('answers error-free operations itself and leaves those with errors to graphql-js', async () => {
    const { server, run, interpreted } = await startServer({ compileAtUse: 1 });
    try {
      expect(await run('query Fine { node(id: "place:china") { id } }')).toEqual([200, { data: { node: { id: 'place:china' } } }]);
      const [status, stale] = await run('query Stale { claims(first: 2, after: "bogus") { totalCount } }');
      expect([status, (stale.errors ?? []).map((e) => e.extensions?.code)]).toEqual([200, ['BAD_USER_INPUT']]);
      const [badStatus, bad] = await run('query BadVariable($id: ID!) { node(id: $id) { id } }', { id: true });
      expect([badStatus, (bad.errors ?? []).map((e) => e.extensions?.code)]).toEqual([400, ['BAD_USER_INPUT']]);
      const [unknownStatus, unknown] = await run('query Only { stats { nodeCount } }', undefined, 'Other');
      expect([unknownStatus, unknown]).toEqual([
        400,
        { errors: [{ message: 'Unknown operation named "Other".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }] },
      ]);
      expect(interpreted).toEqual(['Stale', 'BadVariable', '']);
    } finally {
      await server.stop();
    }
  });
});
