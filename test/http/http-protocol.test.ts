import { request } from 'node:http';
import { connect } from 'node:net';
import { errorCodes, type HttpReply, type HttpTestService, logLines, postGraphQL, send, startHttpService } from '../helpers/http-service';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

const CSRF_MESSAGE =
  "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n";

let service: HttpTestService;
beforeAll(async () => {
  service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR });
});
afterAll(() => service.close());

/** A JSON request body of exactly `size` bytes that runs `{ stats { nodeCount } }` (padded with an unused variable). */
function bodyOfSize(size: number): string {
  const empty = JSON.stringify({ query: '{ stats { nodeCount } }', variables: { pad: '' } });
  return JSON.stringify({ query: '{ stats { nodeCount } }', variables: { pad: 'x'.repeat(size - empty.length) } });
}

/** Sends a POST whose body is written in chunks, without a content-length (chunked transfer encoding). */
function sendChunked(url: string, chunks: string[]): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, text, json: JSON.parse(text) });
      });
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('request body limit (MAX_BODY_BYTES, default 100 kB)', () => {
  it('accepts a body of exactly 100000 bytes', async () => {
    const body = bodyOfSize(100_000);
    expect(Buffer.byteLength(body)).toBe(100_000);
    const reply = await send(service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ data: { stats: { nodeCount: 42 } } });
  });

  it('refuses a body of 100001 bytes with 413 and a JSON error', async () => {
    const reply = await send(service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyOfSize(100_001) });
    expect(reply.status).toBe(413);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.json).toEqual({
      errors: [
        {
          message: 'The request body is over the limit of 100000 bytes. Send a shorter query, with fewer or smaller variables.',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
  });

  it('refuses a 5 MB body with 413, the client still getting the reply', async () => {
    const reply = await send(service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyOfSize(5_000_000) });
    expect(reply.status).toBe(413);
    expect(errorCodes(reply)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('refuses an oversized chunked body (no content-length) with 413', async () => {
    const body = bodyOfSize(150_000);
    const reply = await sendChunked(service.url, [body.slice(0, 60_000), body.slice(60_000, 120_000), body.slice(120_000)]);
    expect(reply.status).toBe(413);
    expect(errorCodes(reply)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('keeps serving afterwards', async () => {
    const reply = await postGraphQL(service.url, { query: '{ stats { edgeCount } }' });
    expect(reply.json).toEqual({ data: { stats: { edgeCount: 120 } } });
  });
});

describe('malformed and refused requests', () => {
  it('refuses malformed JSON with 400 and a JSON error, logging no stack trace', async () => {
    const written: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => (written.push(String(chunk)), true));
    const consoleError = jest.spyOn(console, 'error').mockImplementation((...args) => void written.push(args.join(' ')));
    const logged = service.logs.length;
    let reply: HttpReply;
    try {
      reply = await send(service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ stats { nodeCount } }"' });
    } finally {
      stderr.mockRestore();
      consoleError.mockRestore();
    }
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.json).toEqual({
      errors: [
        {
          message: expect.stringMatching(
            /^The request body is not valid JSON \(.+\)\. Send a JSON object such as \{"query": "\{ stats \{ nodeCount \} \}"\}\.$/,
          ),
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    expect(written).toEqual([]);
    const lines = await logLines(service, () => true, 1, logged);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', event: 'request', method: 'POST', path: '/graphql', status: 400, errorCodes: ['BAD_REQUEST'] }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/stack|\n\s+at /);
  });

  it('refuses a batched request (a JSON array) with 400', async () => {
    const reply = await postGraphQL(service.url, [{ query: '{ stats { nodeCount } }' }, { query: '{ __typename }' }]);
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses a POST without a JSON content type as a possible CSRF (400)', async () => {
    const reply = await send(service.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ errors: [{ message: CSRF_MESSAGE, extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses a request with an empty JSON object with 400', async () => {
    const reply = await postGraphQL(service.url, {});
    expect(reply.status).toBe(400);
    expect(errorCodes(reply)).toEqual(['BAD_REQUEST']);
  });

  it('refuses other methods with 405', async () => {
    const reply = await send(service.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, POST');
    expect(reply.json).toEqual({ errors: [{ message: 'Use GET or POST /graphql.', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
  });

  it('refuses a request line and headers over 16 kB with 431 and a JSON error', async () => {
    const reply = await send(`${service.url}?query=${encodeURIComponent(`{ ${'__typename '.repeat(2000)}}`)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(reply.status).toBe(431);
    expect(reply.json).toEqual({
      errors: [{ message: 'The request line and headers are too large; send the query in a POST body.', extensions: { code: 'HEADERS_TOO_LARGE' } }],
    });
  });

  it('refuses a request that is not HTTP with 400 and a JSON error', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(service.service.port, '127.0.0.1', () => socket.write('HELLO /graphql NOT-HTTP\r\n\r\n'));
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('utf8')));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({
      errors: [{ message: 'The request is not valid HTTP/1.1.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('answers an unknown path with 404 and a JSON error', async () => {
    const reply = await send(`${service.origin}/graphq`);
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual({ errors: [{ message: 'No such path: /graphq. The GraphQL endpoint is /graphql.', extensions: { code: 'NOT_FOUND' } }] });
  });

  it('does not offer POST /admin/reload without ADMIN_TOKEN (404)', async () => {
    const reply = await send(`${service.origin}/admin/reload`, { method: 'POST', headers: { authorization: 'Bearer 0123456789abcdef0123' } });
    expect(reply.status).toBe(404);
    expect(errorCodes(reply)).toEqual(['NOT_FOUND']);
  });
});

describe('GET', () => {
  const get = (query: string, headers: Record<string, string> = {}, variables?: object) =>
    send(`${service.url}?query=${encodeURIComponent(query)}${variables ? `&variables=${encodeURIComponent(JSON.stringify(variables))}` : ''}`, { headers });

  it('serves a query with the apollo-require-preflight header', async () => {
    const reply = await get('query Entity($id: ID!) { node(id: $id) { id label } }', { 'apollo-require-preflight': 'true' }, { id: 'organization:meta' });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ data: { node: { id: 'organization:meta', label: 'Meta' } } });
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('refuses a GET without a preflight header as a possible CSRF (400)', async () => {
    const reply = await get('{ stats { nodeCount } }');
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ errors: [{ message: CSRF_MESSAGE, extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses a mutation over GET with 405 (Allow: POST)', async () => {
    const reply = await get('mutation { __typename }', { 'apollo-require-preflight': 'true' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
    expect(reply.json).toEqual({
      errors: [{ message: 'GET requests only support query operations, not mutation operations', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('serves the landing page, which works offline, to a browser', async () => {
    const reply = await send(service.url, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.text).toContain('<a href="/explore">Graph explorer</a>');
    expect(reply.text).not.toContain('embeddable-sandbox.cdn');
  });

  it('answers CORS preflights', async () => {
    const reply = await send(service.url, { method: 'OPTIONS', headers: { origin: 'https://dashboards.example', 'access-control-request-method': 'POST' } });
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    expect(reply.headers['access-control-allow-headers']).toContain('apollo-require-preflight');
    expect(reply.headers['access-control-allow-methods']).toBe('GET, POST, OPTIONS');
    expect(reply.headers['access-control-max-age']).toBe('86400');
  });

  it('lets any origin read answers, and sends CORS headers only to requests that come from one', async () => {
    const body = JSON.stringify({ query: '{ stats { nodeCount } }' });
    const headers = { 'content-type': 'application/json' };
    const fromBrowser = await send(service.url, { method: 'POST', headers: { ...headers, origin: 'https://dashboards.example' }, body });
    expect(fromBrowser.status).toBe(200);
    expect(fromBrowser.headers['access-control-allow-origin']).toBe('*');
    expect(fromBrowser.headers['access-control-expose-headers']).toBe('etag, retry-after, x-newsgraph-cache');
    expect(fromBrowser.headers['access-control-allow-methods']).toBeUndefined();
    const fromServer = await send(service.url, { method: 'POST', headers, body });
    expect(fromServer.json).toEqual({ data: { stats: { nodeCount: 42 } } });
    expect(Object.keys(fromServer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const refused = await send(`${service.url.replace(/graphql$/, '')}nowhere`, { headers: { origin: 'https://dashboards.example' } });
    expect([refused.status, refused.headers['access-control-allow-origin']]).toEqual([404, '*']);
  });

  it('lets HTTP caches keep answers for CACHE_MAX_AGE seconds', async () => {
    const cached = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR, CACHE_MAX_AGE: '60' });
    try {
      const reply = await send(`${cached.url}?query=${encodeURIComponent('{ stats { nodeCount } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(reply.status).toBe(200);
      expect(reply.headers['cache-control']).toBe('max-age=60, public');
      const failed = await send(`${cached.url}?query=${encodeURIComponent('{ people(first: 101) { totalCount } }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(failed.headers['cache-control']).toBe('no-store');
    } finally {
      await cached.close();
    }
  });
});

describe('health', () => {
  it('answers GET /healthz with 200', async () => {
    const reply = await send(`${service.origin}/healthz`);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ status: 'ok' });
  });

  it('answers GET /readyz with 200 and what is loaded', async () => {
    const reply = await send(`${service.origin}/readyz`);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ status: 'ready', version: service.service.graph.current.version, articles: 1, nodes: 42, edges: 120 });
  });
});

describe('configured limits', () => {
  it('applies MAX_BODY_BYTES', async () => {
    const small = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR, MAX_BODY_BYTES: '1000' });
    try {
      expect((await send(small.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyOfSize(1000) })).status).toBe(200);
      const reply = await send(small.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyOfSize(1001) });
      expect(reply.status).toBe(413);
      expect(reply.json.errors[0].message).toBe('The request body is over the limit of 1000 bytes. Send a shorter query, with fewer or smaller variables.');
    } finally {
      await small.close();
    }
  });
});
