import { contractOperations, type GraphTestServer, SEED_ARTICLE_ID, startGraphTestServer, TEST_IRI_BASE } from '../helpers/graph-test-server';
import { type HttpTestService, logLines, postGraphQL, send, startHttpService } from '../helpers/http-service';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

const operations = contractOperations();

/** The dashboard requests fired at once: operation name and variables. */
const REQUESTS: readonly [string, Record<string, unknown>][] = [
  ['GraphStats', {}],
  ['EntityProfile', { id: 'organization:meta' }],
  ['ArticleSummary', { id: SEED_ARTICLE_ID }],
  ['ClaimsByClaimant', { entityId: 'person:mark-zuckerberg', first: 50 }],
  ['FindPeople', { name: 'zuck', first: 50 }],
  ['MoneyFigures', {}],
  ['QuotesBySpeaker', { speakerId: 'person:mark-zuckerberg' }],
  ['Refetch', { ids: ['person:yann-lecun', 'person:nobody', SEED_ARTICLE_ID] }],
];

let service: HttpTestService;
let reference: GraphTestServer;
beforeAll(async () => {
  // Room for all 400 at once: this test is about answers under load, not about the concurrency limit.
  // The in-process reference's IRI base, so that Node.iri agrees.
  service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR, MAX_CONCURRENT_REQUESTS: '400', IRI_BASE: TEST_IRI_BASE });
  reference = await startGraphTestServer(SEED_GRAPH_DIR);
});
afterAll(async () => {
  await service.close();
  await reference.stop();
});

describe('dashboards under load', () => {
  it('answers 400 concurrent dashboard requests, each with exactly the right data', async () => {
    const expected = new Map<string, unknown>();
    for (const [name, variables] of REQUESTS) {
      const result = await reference.run(operations.get(name)!, variables);
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
      expected.set(name, { data: result.data });
    }
    // Spot checks, so that the reference itself is known to be right.
    expect(expected.get('GraphStats')).toMatchObject({ data: { stats: { nodeCount: 42, edgeCount: 120 } } });
    expect((expected.get('EntityProfile') as any).data.node).toMatchObject({
      __typename: 'Organization',
      id: 'organization:meta',
      name: 'Meta',
      claims: { totalCount: 9 },
      relations: { totalCount: 14 },
    });
    expect((expected.get('ArticleSummary') as any).data.article).toMatchObject({
      id: SEED_ARTICLE_ID,
      entities: { totalCount: 12 },
      quotes: { totalCount: 5 },
      claims: { totalCount: 23 },
    });

    const fired = Array.from({ length: 400 }, (_, i) => REQUESTS[i % REQUESTS.length]);
    const replies = await Promise.all(
      fired.map(([name, variables]) => postGraphQL(service.url, { query: operations.get(name), operationName: name, variables })),
    );
    replies.forEach((reply, i) => {
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual(expected.get(fired[i][0]));
    });
    expect(await logLines(service, (l) => l.event === 'request' && l.status === 200, 400)).toHaveLength(400);
    expect((await send(`${service.origin}/healthz`)).status).toBe(200);
  });

  it('runs every contract operation with the variables the dashboards use, within every limit', async () => {
    const variables: Record<string, Record<string, unknown>> = {
      Articles: { first: 50 },
      ArticleSummary: { id: SEED_ARTICLE_ID },
      FindPeople: { name: '', first: 50 },
      FindOrganizations: { name: 'us' },
      EntityProfile: { id: 'person:mark-zuckerberg' },
      ClaimsByClaimant: { entityId: 'person:mark-zuckerberg', first: 50 },
      ClaimsAbout: { entityId: 'organization:deepseek' },
      QuotesBySpeaker: { speakerId: 'person:mark-zuckerberg' },
      Search: { text: 'meta', first: 50 },
      Connection: { from: 'person:yann-lecun', to: 'organization:deepseek' },
      Neighborhood: { id: 'organization:meta', depth: 2 },
      Refetch: { ids: Array(50).fill('organization:meta') },
    };
    const limitCodes = ['TOO_MANY_TOKENS', 'QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'QUERY_TOO_COMPLEX'];
    for (const [name, query] of operations) {
      const reply = await postGraphQL(service.url, { query, operationName: name, variables: variables[name] ?? {} });
      const codes: string[] = (reply.json.errors ?? []).map((e: any) => e.extensions?.code);
      expect({ name, limitErrors: codes.filter((c) => limitCodes.includes(c)) }).toEqual({ name, limitErrors: [] });
    }
    // 400 dashboard requests, one health check, then the contract operations.
    const lines = await logLines(service, (l) => l.event === 'request', 401 + operations.size);
    const costs = lines.filter((l) => l.cost !== undefined).map((l) => l.cost as number);
    expect(Math.max(...costs)).toBeLessThanOrEqual(25_000 / 2);
  });
});
