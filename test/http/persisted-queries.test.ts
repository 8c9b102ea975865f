import { createHash } from 'node:crypto';
import { type HttpTestService, postGraphQL, send, startHttpService } from '../helpers/http-service';

let service: HttpTestService;
beforeAll(async () => {
  service = await startHttpService();
});
afterAll(() => service.close());

const sha256 = (query: string) => createHash('sha256').update(query).digest('hex');
const persisted = (sha256Hash: string, version = 1) => ({ persistedQuery: { version, sha256Hash } });

describe('automatic persisted queries', () => {
  it('runs a query sent with its hash, and then by its hash alone', async () => {
    const query = 'query Registered { __typename }';
    const registered = await postGraphQL(service.url, { query, extensions: persisted(sha256(query)) });
    expect([registered.status, registered.json]).toEqual([200, { data: { __typename: 'Query' } }]);
    const byHash = await postGraphQL(service.url, { extensions: persisted(sha256(query)) });
    expect([byHash.status, byHash.json]).toEqual([200, { data: { __typename: 'Query' } }]);
  });

  it('answers an unknown hash with 200 PERSISTED_QUERY_NOT_FOUND, which Apollo clients answer by sending the query', async () => {
    const reply = await postGraphQL(service.url, { extensions: persisted(sha256('query NeverSent { __typename }')) });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.json).toEqual({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
  });

  it('refuses a hash that is not the SHA-256 of the query with 400 PERSISTED_QUERY_HASH_MISMATCH', async () => {
    const reply = await postGraphQL(service.url, { query: '{ __typename }', extensions: persisted(sha256('{ stats { nodeCount } }')) });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      errors: [
        {
          message:
            'The persisted query hash (extensions.persistedQuery.sha256Hash) is not the SHA-256 of the query sent. Send the hex SHA-256 of the exact query text, or leave out extensions.persistedQuery.',
          extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
        },
      ],
    });
  });

  it('refuses a version other than 1 with 400 BAD_REQUEST', async () => {
    const query = '{ __typename }';
    const reply = await postGraphQL(service.url, { query, extensions: persisted(sha256(query), 2) });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      errors: [
        {
          message: 'Automatic persisted queries have only version 1: send extensions.persistedQuery.version 1, or leave out extensions.persistedQuery.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  it('keeps no query refused by a limit: its hash stays unknown', async () => {
    const query = `query Aliased { ${Array.from({ length: 16 }, (_, i) => `a${i}: stats { __typename }`).join(' ')} }`;
    const refused = await postGraphQL(service.url, { query, extensions: persisted(sha256(query)) });
    expect(refused.status).toBe(400);
    expect(refused.json.errors.map((e: any) => e.extensions)).toEqual([{ code: 'TOO_MANY_ALIASES', limit: 15, actual: 16 }]);
    const byHash = await postGraphQL(service.url, { extensions: persisted(sha256(query)) });
    expect([byHash.status, byHash.json.errors[0].extensions.code]).toEqual([200, 'PERSISTED_QUERY_NOT_FOUND']);
  });

  it('costs a query sent by its hash with the variables of each request', async () => {
    const query = 'query Pages($n: Int!) { people(first: $n) { nodes { quotes(first: $n) { nodes { claims { id } speaker { id } } } } } }';
    const cheap = await postGraphQL(service.url, { query, variables: { n: 1 }, extensions: persisted(sha256(query)) });
    expect([cheap.status, cheap.json.errors]).toEqual([200, undefined]);
    const costly = await postGraphQL(service.url, { variables: { n: 100 }, extensions: persisted(sha256(query)) });
    expect(costly.status).toBe(400);
    expect(costly.json.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 25000, actual: 50201 });
  });

  it('serves a repeated GET by hash from the response cache', async () => {
    const query = 'query ByGet { __typename }';
    const url = (withQuery: boolean) =>
      `${service.url}?${withQuery ? `query=${encodeURIComponent(query)}&` : ''}extensions=${encodeURIComponent(JSON.stringify(persisted(sha256(query))))}`;
    const headers = { 'apollo-require-preflight': 'true' };
    const unknown = await send(url(false), { headers });
    expect([unknown.status, unknown.json.errors[0].extensions.code, unknown.headers['x-newsgraph-cache']]).toEqual([
      200,
      'PERSISTED_QUERY_NOT_FOUND',
      undefined,
    ]);
    const registered = await send(url(true), { headers });
    expect([registered.status, registered.json]).toEqual([200, { data: { __typename: 'Query' } }]);
    const first = await send(url(false), { headers });
    const second = await send(url(false), { headers });
    expect([first.status, first.headers['x-newsgraph-cache'], first.json]).toEqual([200, 'miss', { data: { __typename: 'Query' } }]);
    expect([second.status, second.headers['x-newsgraph-cache'], second.text]).toEqual([200, 'hit', first.text]);
  });
});
