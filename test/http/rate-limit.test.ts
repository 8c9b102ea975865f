import { errorCodes, type HttpTestService, logLines, postGraphQL, send, startHttpService } from '../helpers/http-service';

const STATS = { query: '{ stats { nodeCount } }' };

describe('rate limit (RATE_LIMIT_PER_MINUTE, default 6000)', () => {
  let service: HttpTestService;
  beforeEach(async () => {
    service = await startHttpService({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterEach(() => service.close());

  it('counts each request of a client down in its headers, and refuses the one over the limit with 429 RATE_LIMITED', async () => {
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await postGraphQL(service.url, STATS));
    expect(replies.map((r) => [r.status, r.headers['x-ratelimit-limit'], r.headers['x-ratelimit-remaining']])).toEqual([
      [200, '3', '2'],
      [200, '3', '1'],
      [200, '3', '0'],
      [429, '3', '0'],
    ]);
    const refused = replies[3];
    expect(refused.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(Number(refused.headers['x-ratelimit-reset'])).toBe(Number(refused.headers['retry-after']));
    expect(refused.json).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^Too many requests from this client: the limit is 3 a minute\. Retry in \d+ seconds?\.$/),
          extensions: { code: 'RATE_LIMITED' },
        },
      ],
    });
    const [line] = await logLines(service, (l) => l.event === 'request' && l.status === 429, 1);
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', errorCodes: ['RATE_LIMITED'] });
  });

  it('does not count or limit /healthz and /readyz', async () => {
    for (let i = 0; i < 3; i++) expect((await postGraphQL(service.url, STATS)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const [health, ready] = [await send(`${service.origin}/healthz`), await send(`${service.origin}/readyz`)];
      expect([health.status, ready.status, health.headers['x-ratelimit-limit']]).toEqual([200, 200, undefined]);
    }
    expect(errorCodes(await postGraphQL(service.url, STATS))).toEqual(['RATE_LIMITED']);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
    for (let i = 0; i < 3; i++) await postGraphQL(service.url, STATS, { headers: { 'x-forwarded-for': `203.0.113.${i}` } });
    expect((await postGraphQL(service.url, STATS, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(429);
  });
});

describe('TRUST_PROXY=true', () => {
  it('counts each client the proxy names in X-Forwarded-For apart', async () => {
    const service = await startHttpService({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: 'true' });
    try {
      const as = (client: string) => postGraphQL(service.url, STATS, { headers: { 'x-forwarded-for': client } });
      expect([(await as('203.0.113.1')).status, (await as('203.0.113.1')).status, (await as('203.0.113.1')).status]).toEqual([200, 200, 429]);
      expect([(await as('203.0.113.2')).status, (await as('203.0.113.2')).status]).toEqual([200, 200]);
    } finally {
      await service.close();
    }
  });
});

describe('RATE_LIMIT_PER_MINUTE=0', () => {
  it('turns the limit off, headers included', async () => {
    const service = await startHttpService({ RATE_LIMIT_PER_MINUTE: '0' });
    try {
      const replies = [];
      for (let i = 0; i < 10; i++) replies.push(await postGraphQL(service.url, STATS));
      expect(replies.every((r) => r.status === 200 && r.headers['x-ratelimit-limit'] === undefined)).toBe(true);
    } finally {
      await service.close();
    }
  });
});
