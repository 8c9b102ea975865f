import { connect } from 'node:net';
import { createGatePlugin } from '../helpers/http-gate-plugin';
import { errorCodes, logLines, postGraphQL, send, startHttpService } from '../helpers/http-service';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

const SLOW = 'query Slow { stats { nodeCount } }';

/** Resolves once `condition()` holds, checking every few milliseconds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('request timeout (REQUEST_TIMEOUT_MS, default 10 s)', () => {
  it('answers a request still being served after the timeout with 503 REQUEST_TIMEOUT, and frees its slot once its work ends', async () => {
    const gate = createGatePlugin();
    const service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR, REQUEST_TIMEOUT_MS: '300' }, { plugins: [gate.plugin] });
    try {
      const reply = await postGraphQL(service.url, { query: SLOW });
      expect(reply.status).toBe(503);
      expect(reply.headers.connection).toBe('close');
      expect(reply.json).toEqual({
        errors: [
          {
            message: 'The request took longer than 300 ms to serve. Ask for less (smaller pages, fewer fields) or retry later.',
            extensions: { code: 'REQUEST_TIMEOUT' },
          },
        ],
      });
      // The work is still running: it keeps its slot until it ends.
      expect(service.service.inFlight).toBe(1);
      gate.release();
      await until(() => service.service.inFlight === 0);
      expect((await postGraphQL(service.url, { query: '{ stats { nodeCount } }' })).json).toEqual({ data: { stats: { nodeCount: 42 } } });
      expect((await logLines(service, (l) => l.event === 'request', 2)).map((l) => [l.status, l.errorCodes])).toEqual([
        [503, ['REQUEST_TIMEOUT']],
        [200, undefined],
      ]);
    } finally {
      gate.release();
      await service.close();
    }
  });

  it('answers a request whose body stops arriving with 408 REQUEST_TIMEOUT', async () => {
    const service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR, REQUEST_TIMEOUT_MS: '300' });
    try {
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(service.service.port, '127.0.0.1', () => {
          socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`);
        });
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString('utf8')));
        socket.on('end', () => (socket.destroy(), resolve(received)));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(raw).toMatch(/\r\nconnection: close\r\n/i);
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({
        errors: [{ message: 'The request body did not arrive within 300 ms.', extensions: { code: 'REQUEST_TIMEOUT' } }],
      });
      await until(() => service.service.inFlight === 0);
    } finally {
      await service.close();
    }
  });
});

describe('concurrent request limit (MAX_CONCURRENT_REQUESTS, default 256)', () => {
  it('refuses requests beyond the limit with 503 SERVER_BUSY, and serves again once below it', async () => {
    const gate = createGatePlugin();
    const service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR, MAX_CONCURRENT_REQUESTS: '3' }, { plugins: [gate.plugin] });
    try {
      // Three different requests (their bodies differ by trailing spaces): identical ones would wait for the first's answer (the response cache) without holding a slot.
      const held = [0, 1, 2].map((spaces) => postGraphQL(service.url, { query: SLOW + ' '.repeat(spaces) }));
      await gate.waitForHeld(3);
      const refused = await postGraphQL(service.url, { query: '{ stats { nodeCount } }' });
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.json).toEqual({
        errors: [{ message: 'The service is serving its limit of 3 requests at once; retry in a moment.', extensions: { code: 'SERVER_BUSY' } }],
      });
      // Health checks are not requests for the limit: a busy service is alive and ready.
      expect((await send(`${service.origin}/healthz`)).status).toBe(200);
      expect((await send(`${service.origin}/readyz`)).status).toBe(200);
      gate.release();
      for (const reply of await Promise.all(held)) {
        expect(reply.status).toBe(200);
        expect(reply.json).toEqual({ data: { stats: { nodeCount: 42 } } });
      }
      const after = await postGraphQL(service.url, { query: '{ stats { nodeCount } }' });
      expect(after.status).toBe(200);
      expect(errorCodes(after)).toEqual([]);
    } finally {
      gate.release();
      await service.close();
    }
  });
});
