import Fastify, { type FastifyInstance } from 'fastify';
import type { LiveGraph } from '../../src/graph';
import { responseCache } from '../../src/server/http/response-cache';
import type { RequestRecord } from '../../src/server/request-record';
import { ResponseCache } from '../../src/server/response-cache';

/**
 * The cache's plugin alone, before a route whose answers wait for the test:
 * what identical requests do while the first is still being answered.
 */
describe('identical requests while the first is being answered', () => {
  let app: FastifyInstance;
  let url: string;
  /** The answers the route was asked for, in order: each is sent when the test releases it. */
  let asked: { body: string; release: (status: number, errors?: string[]) => void }[];

  beforeEach(async () => {
    asked = [];
    app = Fastify();
    app.decorateRequest('record', null as never);
    app.decorateRequest('graphStore', null);
    app.decorateRequest('cacheKey', null);
    app.decorateRequest('closeCallbacks', null);
    app.addHook('onRequest', (request, _reply, next) => {
      request.record = {} as RequestRecord;
      next();
    });
    const graph = { current: { version: 'v1' } } as unknown as LiveGraph;
    await app.register(responseCache, { cache: new ResponseCache({ maxBytes: 1_000_000 }), graph });
    app.post('/q', { config: { responseCache: true } }, (request, reply) => {
      const body = request.body as string;
      return new Promise<string>((resolve) => {
        asked.push({
          body,
          release: (status, errors) => {
            if (errors) request.record.errorCodes = errors;
            reply.code(status).type('application/json');
            resolve(JSON.stringify({ answer: asked.length, body }));
          },
        });
      });
    });
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/q`;
  });
  afterEach(() => app.close());

  /** The reply's status, cache header, etag and body. */
  const post = async (body: string, signal?: AbortSignal) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });
    return { statusCode: response.status, cache: response.headers.get('x-newsgraph-cache'), etag: response.headers.get('etag'), body: await response.text() };
  };
  /** Waits until the route was asked for `count` answers, then a little longer: long enough for any other request sent to reach it too. */
  const settle = async (count: number) => {
    while (asked.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 100));
  };

  it('answers them all with the first answer, computed once', async () => {
    const replies = [post('{"a":1}'), post('{"a":1}'), post('{"a":1}')];
    await settle(1);
    expect(asked.map((a) => a.body)).toEqual(['{"a":1}']);
    asked[0].release(200);
    const answered = await Promise.all(replies);
    expect(answered.map((r) => [r.statusCode, r.cache, r.body])).toEqual([
      [200, 'miss', '{"answer":1,"body":"{\\"a\\":1}"}'],
      [200, 'hit', '{"answer":1,"body":"{\\"a\\":1}"}'],
      [200, 'hit', '{"answer":1,"body":"{\\"a\\":1}"}'],
    ]);
    expect(answered[1].etag).toBe(answered[0].etag);
    expect(asked).toHaveLength(1);
  });

  it('does not hold back a different request', async () => {
    const first = post('{"a":1}');
    const other = post('{"a":2}');
    await settle(2);
    expect(asked.map((a) => a.body)).toEqual(['{"a":1}', '{"a":2}']);
    asked[1].release(200);
    expect((await other).cache).toBe('miss');
    asked[0].release(200);
    expect((await first).cache).toBe('miss');
  });

  it('executes each waiting request when the first answer had errors, and keeps what they answer', async () => {
    const replies = [post('{"a":1}'), post('{"a":1}'), post('{"a":1}')];
    await settle(1);
    asked[0].release(200, ['BAD_USER_INPUT']);
    await settle(3);
    // Both that waited are executed, side by side: neither waits for the other.
    expect(asked.map((a) => a.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    asked[1].release(200);
    asked[2].release(200);
    const answered = await Promise.all(replies);
    expect(answered.map((r) => [r.statusCode, r.cache])).toEqual([
      [200, null],
      [200, 'miss'],
      [200, 'miss'],
    ]);
    expect(answered.map((r) => JSON.parse(r.body).answer)).toEqual([1, 3, 3]);
    const later = await post('{"a":1}');
    expect([later.cache, JSON.parse(later.body).answer]).toEqual(['hit', 3]);
    expect(asked).toHaveLength(3);
  });

  it('executes a waiting request when the first one ended with no answer kept (its status was not 200)', async () => {
    const replies = [post('{"a":1}'), post('{"a":1}')];
    await settle(1);
    asked[0].release(503);
    await settle(2);
    expect(asked).toHaveLength(2);
    asked[1].release(200);
    const answered = await Promise.all(replies);
    expect(answered.map((r) => [r.statusCode, r.cache])).toEqual([
      [503, null],
      [200, 'miss'],
    ]);
  });

  it('executes the waiting requests when the first client went away before its answer', async () => {
    const going = new AbortController();
    const first = post('{"a":1}', going.signal).catch((error: Error) => error.name);
    await settle(1);
    const replies = [post('{"a":1}'), post('{"a":1}')];
    await settle(1);
    expect(asked).toHaveLength(1);
    going.abort();
    await settle(3);
    expect(await first).toBe('AbortError');
    asked[1].release(200);
    asked[2].release(200);
    expect((await Promise.all(replies)).map((r) => [r.statusCode, r.cache])).toEqual([
      [200, 'miss'],
      [200, 'miss'],
    ]);
  });
});
