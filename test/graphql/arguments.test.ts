import { type GraphTestServer, startGraphTestServer } from '../helpers/graph-test-server';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

let server: GraphTestServer;
beforeAll(async () => {
  server = await startGraphTestServer(SEED_GRAPH_DIR);
});
afterAll(() => server.stop());

const codes = (result: { errors?: readonly { message: string; extensions?: Record<string, any> }[] }) =>
  result.errors?.map((e) => [e.extensions?.code, e.extensions?.argumentName, e.message]);

describe('optional arguments given as null', () => {
  it('take their defaults: first null is a page of 20', async () => {
    const result = await server.run('query($first: Int) { claims(first: $first) { totalCount nodes { id } } }', { first: null });
    expect(result.errors).toBeUndefined();
    expect([result.data!.claims.totalCount, result.data!.claims.nodes.length]).toEqual([23, 20]);
  });

  it('leave a filter field out: null matches everything, not nothing', async () => {
    const result = await server.run(
      'query($who: ID, $how: Attribution) { claims(filter: { claimantId: $who, attribution: $how }, first: 50) { totalCount } quotes(filter: { speakerId: null }) { totalCount } figures(filter: { unit: null }) { totalCount } }',
      { who: null, how: null },
    );
    expect(result.data).toEqual({ claims: { totalCount: 23 }, quotes: { totalCount: 5 }, figures: { totalCount: 1 } });
  });

  it('take their defaults on path and neighborhood', async () => {
    const result = await server.run(
      '{ path(from: "place:china", to: "person:yann-lecun", maxHops: null) { hops } neighborhood(id: "place:china", depth: null, limit: null) { nodes { id } truncated } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.path).toEqual({ hops: 2 });
    expect(result.data!.neighborhood.truncated).toBe(false);
    expect(result.data!.neighborhood.nodes[0]).toEqual({ id: 'place:china' });
  });
});

describe('cursors', () => {
  it('refuse a cursor of another list', async () => {
    const claims = await server.run('{ claims(first: 2) { pageInfo { endCursor } } }');
    const cursor = claims.data!.claims.pageInfo.endCursor;
    const people = await server.run('query($after: String) { people(first: 2, after: $after) { totalCount } }', { after: cursor });
    expect(codes(people)).toEqual([['BAD_USER_INPUT', 'after', '"after" is not a cursor of this list: pass a cursor from its edges or pageInfo.endCursor']]);
  });

  it('refuse a cursor that is not one', async () => {
    const result = await server.run('{ claims(first: 2, after: "bm9wZQ") { totalCount } }');
    expect(codes(result)).toEqual([['BAD_USER_INPUT', 'after', '"after" is not a cursor of this list: pass a cursor from its edges or pageInfo.endCursor']]);
  });

  it('page through a search, every hit once, and refuse a cursor of another search', async () => {
    const all = await server.run('{ search(query: "meta", first: 100) { totalCount nodes { node { id } } } }');
    const expected = all.data!.search.nodes.map((h: any) => h.node.id);
    expect(expected).toHaveLength(all.data!.search.totalCount);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const result: any = await server.run(
        'query($after: String) { search(query: "meta", first: 3, after: $after) { pageInfo { hasNextPage endCursor } nodes { node { id } } } }',
        { after },
      );
      seen.push(...result.data.search.nodes.map((h: any) => h.node.id));
      if (!result.data.search.pageInfo.hasNextPage) break;
      after = result.data.search.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    const other = await server.run('query($after: String) { search(query: "lecun", first: 3, after: $after) { totalCount } }', { after });
    expect(codes(other)).toEqual([
      ['BAD_USER_INPUT', 'after', '"after" is not a cursor of this search: page with cursors of the same query, kinds and graph version'],
    ]);
  });

  it('give hasPreviousPage and startCursor on a later page', async () => {
    const first = await server.run('{ people(first: 1) { edges { cursor } pageInfo { hasPreviousPage startCursor endCursor } } }');
    expect(first.data!.people.pageInfo).toEqual({
      hasPreviousPage: false,
      startCursor: first.data!.people.edges[0].cursor,
      endCursor: first.data!.people.edges[0].cursor,
    });
    const second = await server.run('query($after: String) { people(first: 1, after: $after) { edges { cursor } pageInfo { hasPreviousPage startCursor } } }', {
      after: first.data!.people.pageInfo.endCursor,
    });
    expect(second.data!.people.pageInfo).toEqual({ hasPreviousPage: true, startCursor: second.data!.people.edges[0].cursor });
  });
});

describe('arguments out of their domain', () => {
  it('refuse kinds that are not entity kinds in entities()', async () => {
    const result = await server.run('{ entities(kinds: [PERSON, QUOTE]) { totalCount } }');
    expect(codes(result)).toEqual([['BAD_USER_INPUT', 'kinds', '"kinds" may only name entity kinds (PERSON, ORGANIZATION, PLACE, EVENT, TOPIC); got QUOTE']]);
  });

  it('refuse a search with no words', async () => {
    const result = await server.run('{ search(query: "!!! ?") { totalCount } }');
    expect(codes(result)).toEqual([['BAD_USER_INPUT', 'query', '"query" must contain at least one word']]);
  });
});

describe('entity listings by kind', () => {
  it('list places, events and topics by name', async () => {
    const result = await server.run('{ places { nodes { id } } events { nodes { id name } } topics(filter: { name: "OPEN" }) { totalCount nodes { id } } }');
    expect(result).toEqual({
      data: {
        places: { nodes: [{ id: 'place:china' }, { id: 'place:united-states' }] },
        events: { nodes: [{ id: 'event:meta-earnings-call-deepseek', name: 'Meta earnings call' }] },
        topics: { totalCount: 1, nodes: [{ id: 'topic:open-source-ai' }] },
      },
    });
  });
});
