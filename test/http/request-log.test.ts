import { type HttpTestService, logLines, postGraphQL, send, startHttpService } from '../helpers/http-service';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

const SECRET = 'secret-value-7f3a';

let service: HttpTestService;
beforeAll(async () => {
  service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR });
});
afterAll(() => service.close());

/** The request lines logged for what `act` sends (one request). */
async function linesOf(act: () => Promise<unknown>) {
  const from = service.logs.length;
  await act();
  return logLines(service, (l) => l.event === 'request', 1, from);
}

describe('request log', () => {
  it('logs one JSON line per request with operation name, duration, status and cost, never the variables', async () => {
    const lines = await linesOf(() =>
      postGraphQL(service.url, { query: 'query FindPeople($name: String!) { people(filter: { name: $name }) { totalCount } }', variables: { name: SECRET } }),
    );
    expect(lines).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        service: 'newsgraph',
        // Fastify's id of the request, on every line its logger writes.
        reqId: expect.stringMatching(/^req-\w+$/),
        event: 'request',
        method: 'POST',
        path: '/graphql',
        status: 200,
        durationMs: expect.any(Number),
        operationName: 'FindPeople',
        // 1 + first (default 20) × 1 (totalCount)
        cost: 21,
        msg: 'request',
      },
    ]);
  });

  it('logs the path of a GET without its query string, where the variables are', async () => {
    const url = `${service.url}?query=${encodeURIComponent('query Node($id: ID!) { node(id: $id) { id } }')}&variables=${encodeURIComponent(JSON.stringify({ id: SECRET }))}`;
    const lines = await linesOf(() => send(url, { headers: { 'apollo-require-preflight': 'true' } }));
    expect(lines).toEqual([expect.objectContaining({ method: 'GET', path: '/graphql', status: 200, operationName: 'Node' })]);
  });

  it('logs the error codes of a refused request', async () => {
    const lines = await linesOf(() =>
      postGraphQL(service.url, { query: 'query Bad($first: Int) { people(first: $first) { totalCount } }', variables: { first: SECRET } }),
    );
    expect(lines).toEqual([expect.objectContaining({ status: 400, operationName: 'Bad', errorCodes: ['BAD_USER_INPUT'] })]);
  });

  it('logs the error codes of errors in a 200 response', async () => {
    const lines = await linesOf(() => postGraphQL(service.url, { query: '{ people(first: 500) { totalCount } }' }));
    expect(lines).toEqual([expect.objectContaining({ status: 200, operationName: null, errorCodes: ['BAD_USER_INPUT'] })]);
  });

  it('logs requests refused before GraphQL sees them', async () => {
    const lines = await linesOf(() => send(`${service.url}?query=${encodeURIComponent('{ __typename }')}`));
    expect(lines).toEqual([expect.objectContaining({ method: 'GET', status: 400, errorCodes: ['BAD_REQUEST'] })]);
  });

  it('has never written a variable value to the log', () => {
    expect(JSON.stringify(service.logs)).not.toContain(SECRET);
  });
});
