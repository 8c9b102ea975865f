import { type AuditResult, serverAudits } from 'graphql-http';
import { type HttpTestService, startHttpService } from '../helpers/http-service';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

/**
 * The SHOULD and MAY audits the service does not pass, by id, and why:
 * - 5A70, D6D5, 6A70: GETs without a preflight header are refused by CSRF
 *   prevention (400); GET works with `apollo-require-preflight`.
 * - 572B, FDE2, 7B9B: documents that do not parse or validate, and variables
 *   that do not coerce, get 400 rather than 200 even with
 *   `accept: application/json`, so that a refused request is never mistaken
 *   for a served one by HTTP tooling (and as Apollo Server does).
 */
const KNOWN_FAILURES = ['572B', '5A70', '6A70', '7B9B', 'D6D5', 'FDE2'];

let service: HttpTestService;
let results: AuditResult[];
beforeAll(async () => {
  service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR });
  results = [];
  for (const audit of serverAudits({ url: service.url, fetchFn: fetch })) results.push(await audit.fn());
});
afterAll(() => service.close());

describe('GraphQL over HTTP audits (graphql-http)', () => {
  it('passes every MUST audit', () => {
    const must = results.filter((r) => r.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThan(10);
    expect(must.filter((r) => r.status !== 'ok').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
  });

  it('fails only the known SHOULD and MAY audits', () => {
    const failing = results.filter((r) => r.status !== 'ok');
    expect(failing.map((r) => r.id).sort()).toEqual(KNOWN_FAILURES);
    expect(failing.every((r) => !r.name.startsWith('MUST'))).toBe(true);
  });
});
