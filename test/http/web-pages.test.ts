import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { BUILT_WEB_DIR } from '../../src/config';
import { type HttpTestService, postGraphQL, send, startHttpService } from '../helpers/http-service';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

const SELF_ONLY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Every page and its exact policy: scripts from the service only, everywhere but Sandbox, which loads Apollo's. */
const POLICIES: Record<string, string> = {
  '/': SELF_ONLY,
  '/explore':
    "default-src 'self'; script-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " +
    "style-src 'self' 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='",
  '/graphiql':
    "default-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " +
    "style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:",
  '/sandbox':
    "default-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " +
    "script-src 'self' https://embeddable-sandbox.cdn.apollographql.com; frame-src https://sandbox.embed.apollographql.com",
};

/** The `/web/` addresses of the scripts and style sheets a page links to. */
function assetsOf(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="(\/web\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
}

let service: HttpTestService;
beforeAll(async () => {
  service = await startHttpService();
});
afterAll(() => service.close());

describe('web pages', () => {
  it('serves the landing page at /, linking to the explorer, GraphiQL and Apollo Sandbox', async () => {
    const reply = await send(`${service.origin}/`, { headers: { accept: BROWSER_ACCEPT } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect([...reply.text.matchAll(/<a [^>]*href="([^"]+)"/g)].map((match) => match[1])).toEqual([
      '/',
      '/explore',
      '/graphiql',
      '/sandbox',
      'https://studio.apollographql.com/sandbox/explorer',
      '/healthz',
      '/readyz',
    ]);
  });

  it('answers a browser opening /graphql with the landing page, varying by accept and counted by the rate limit', async () => {
    const landing = await send(`${service.origin}/`);
    const reply = await send(service.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(reply.status).toBe(200);
    expect(reply.headers.vary).toBe('accept, accept-encoding');
    expect(reply.headers['x-ratelimit-limit']).toBe('6000');
    expect(reply.headers['content-security-policy']).toBe(SELF_ONLY);
    expect(reply.text).toBe(landing.text);
  });

  it('still answers GraphQL to clients that ask for JSON or anything at GET /graphql', async () => {
    for (const accept of ['application/json', '*/*']) {
      const reply = await send(`${service.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept, 'apollo-require-preflight': 'true' } });
      expect([reply.status, reply.json]).toEqual([200, { data: { __typename: 'Query' } }]);
    }
  });

  it('gives each page its content security policy', async () => {
    const policies: Record<string, string | undefined> = {};
    for (const path of Object.keys(POLICIES))
      policies[path] = (await send(`${service.origin}${path}`)).headers['content-security-policy'] as string | undefined;
    expect(policies).toEqual(POLICIES);
  });

  it('sends every page unframeable, unsniffed, without referrer, in its own browsing context and revalidated', async () => {
    for (const path of Object.keys(POLICIES)) {
      const { headers } = await send(`${service.origin}${path}`);
      expect([
        path,
        headers['x-frame-options'],
        headers['x-content-type-options'],
        headers['referrer-policy'],
        headers['cross-origin-opener-policy'],
        headers['cache-control'],
      ]).toEqual([path, 'DENY', 'nosniff', 'no-referrer', 'same-origin', 'no-cache']);
    }
  });

  it('serves every script and style sheet the pages link to, brotli-compressed for a browser that takes it', async () => {
    const assets = new Set<string>();
    for (const path of Object.keys(POLICIES)) for (const asset of assetsOf((await send(`${service.origin}${path}`)).text)) assets.add(asset);
    expect([...assets].sort()).toEqual([
      '/web/explorer/explorer.css',
      '/web/explorer/explorer.js',
      '/web/graphiql/graphiql.css',
      '/web/graphiql/graphiql.js',
      '/web/landing/landing.css',
      '/web/landing/landing.js',
      '/web/sandbox/sandbox.js',
    ]);
    for (const asset of assets) {
      const reply = await send(`${service.origin}${asset}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect([asset, reply.status, reply.headers['content-encoding'], reply.headers['x-content-type-options'], reply.headers['content-type']]).toEqual([
        asset,
        200,
        'br',
        'nosniff',
        asset.endsWith('.js') ? 'application/javascript; charset=utf-8' : 'text/css; charset=utf-8',
      ]);
    }
    const plain = await send(`${service.origin}/web/explorer/explorer.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(readFileSync(join(BUILT_WEB_DIR, 'assets/explorer/explorer.js'), 'utf8'));
  });

  it('serves a brotli body that decompresses to the built file', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<Buffer>((resolve, reject) => {
      request(`${service.origin}/web/explorer/explorer.css`, { headers: { 'accept-encoding': 'br' }, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks)));
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
    expect(brotliDecompressSync(body).equals(readFileSync(join(BUILT_WEB_DIR, 'assets/explorer/explorer.css')))).toBe(true);
  });

  it('serves the pages only at their addresses, with their policies, not as files under /web/', async () => {
    const statuses: Record<string, number> = {};
    for (const path of [
      '/web/explorer.html',
      '/web/pages/explorer.html',
      '/web/../pages/explorer.html',
      '/web/%2e%2e/pages/explorer.html',
      '/web/.inputs',
      '/explore/',
    ]) {
      statuses[path] = (await send(`${service.origin}${path}`)).status;
    }
    expect(statuses).toEqual({
      '/web/explorer.html': 404,
      '/web/pages/explorer.html': 404,
      '/web/../pages/explorer.html': 404,
      '/web/%2e%2e/pages/explorer.html': 404,
      '/web/.inputs': 404,
      '/explore/': 404,
    });
  });

  it('lets no other origin read the pages or their assets, while the API stays open to every origin', async () => {
    const origin = { origin: 'https://elsewhere.example' };
    const page = await send(`${service.origin}/explore`, { headers: origin });
    const asset = await send(`${service.origin}/web/explorer/explorer.js`, { headers: origin });
    const api = await postGraphQL(service.url, { query: '{ __typename }' }, { headers: origin });
    expect([page.status, page.headers['access-control-allow-origin']]).toEqual([200, undefined]);
    expect([asset.status, asset.headers['access-control-allow-origin']]).toEqual([200, undefined]);
    expect([api.status, api.headers['access-control-allow-origin']]).toEqual([200, '*']);
  });

  it('keeps Apollo Sandbox reachable at /sandbox, saying it needs internet and where the offline pages are', async () => {
    const reply = await send(`${service.origin}/sandbox`);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('<script src="https://embeddable-sandbox.cdn.apollographql.com/v2/embeddable-sandbox.umd.production.min.js"></script>');
    expect(reply.text).toContain('Apollo Sandbox is loaded from apollographql.com and needs internet. Without it, use <a href="/graphiql">GraphiQL</a>');
  });
});

describe('web pages not built', () => {
  it('answers 503 WEB_PAGES_NOT_BUILT, saying how to build them, while GraphQL is served', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'newsgraph-no-web-'));
    const unbuilt = await startHttpService({}, { webDir: empty });
    try {
      const page = await send(`${unbuilt.origin}/explore`);
      expect([page.status, page.json]).toEqual([
        503,
        {
          errors: [
            {
              message: 'The web pages are not built: run "npm run build" (or "npm run build:web"), then reload this page.',
              extensions: { code: 'WEB_PAGES_NOT_BUILT' },
            },
          ],
        },
      ]);
      expect(unbuilt.logs.filter((line) => line.event === 'web-pages').map((line) => line.msg)).toEqual([
        `the web pages are not built in ${empty}: run "npm run build" to serve them`,
      ]);
      expect((await postGraphQL(unbuilt.url, { query: '{ __typename }' })).json).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await unbuilt.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
