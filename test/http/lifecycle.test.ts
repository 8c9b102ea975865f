import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGatePlugin } from '../helpers/http-gate-plugin';
import { postGraphQL, send, startHttpService } from '../helpers/http-service';
import { copySeedGraph, SEED_GRAPH_DIR } from '../helpers/seed-graph';
import { startScriptNodeFlags } from '../../bench/start-script-flags';
import { spawnService } from '../helpers/service-process';

const SLOW = 'query Slow { stats { nodeCount } }';

describe('graceful shutdown, in-process', () => {
  it('refuses new requests with 503 and /readyz 503, finishes those in flight, then closes the port', async () => {
    const gate = createGatePlugin();
    const service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR }, { plugins: [gate.plugin] });
    try {
      // Two different requests (their bodies differ by a space): an identical one would wait for the first's answer (the response cache), not be in flight itself.
      const inFlight = [postGraphQL(service.url, { query: SLOW }), postGraphQL(service.url, { query: `${SLOW} ` })];
      await gate.waitForHeld(2);
      const closed = service.close();

      const ready = await send(`${service.origin}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.json).toEqual({ status: 'shutting down' });
      expect((await send(`${service.origin}/healthz`)).status).toBe(200);
      const refused = await postGraphQL(service.url, { query: '{ stats { nodeCount } }' });
      expect(refused.status).toBe(503);
      expect(refused.headers.connection).toBe('close');
      expect(refused.json).toEqual({
        errors: [{ message: 'The service is shutting down; retry on another instance or in a moment.', extensions: { code: 'SHUTTING_DOWN' } }],
      });

      gate.release();
      for (const reply of await Promise.all(inFlight)) expect(reply.json).toEqual({ data: { stats: { nodeCount: 42 } } });
      expect(await closed).toEqual({ unfinished: 0 });
      await expect(send(`${service.origin}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(service.logs.filter((l) => l.event === 'stop' || l.event === 'stopped').map((l) => l.msg)).toEqual([
        'newsgraph stopping: finishing 2 request(s) in flight',
        'newsgraph stopped',
      ]);
    } finally {
      gate.release();
      await service.close();
    }
  });

  it('cuts off requests still running after SHUTDOWN_GRACE_MS', async () => {
    const gate = createGatePlugin();
    const service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR, SHUTDOWN_GRACE_MS: '200' }, { plugins: [gate.plugin] });
    try {
      const stuck = postGraphQL(service.url, { query: SLOW }).catch((error: NodeJS.ErrnoException) => error.code);
      await gate.waitForHeld(1);
      expect(await service.close()).toEqual({ unfinished: 1 });
      expect(await stuck).toBe('ECONNRESET');
      expect(service.logs.find((l) => l.event === 'stopped')).toMatchObject({ level: 'warn', unfinished: 1 });
    } finally {
      gate.release();
    }
  });
});

describe('the service process', () => {
  jest.setTimeout(60_000);

  it('logs where it listens and what it loaded, reloads on SIGHUP, and exits 0 on SIGTERM', async () => {
    const copy = copySeedGraph();
    const service = spawnService({ GRAPH_DATA_DIR: copy.dir });
    try {
      const start = await service.waitFor((l) => l.event === 'start');
      expect(start).toMatchObject({
        level: 'info',
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/),
        articles: 1,
        nodes: 42,
        edges: 120,
        version: expect.any(String),
        msg: expect.stringMatching(
          /^newsgraph listening on http:\/\/127\.0\.0\.1:\d+\/graphql, serving 1 article\(s\), 42 nodes and 120 edges \(version \w+\) from /,
        ),
      });
      expect((await postGraphQL(start.url, { query: '{ stats { nodeCount } }' })).json).toEqual({ data: { stats: { nodeCount: 42 } } });

      writeFileSync(join(copy.dir, 'entities', 'extra.json'), '{ "entities": [ }');
      service.child.kill('SIGHUP');
      const failed = await service.waitFor((l) => l.event === 'reload');
      expect(failed).toMatchObject({
        level: 'error',
        trigger: 'SIGHUP',
        version: start.version,
        problems: [{ file: 'entities/extra.json', path: '$', message: expect.stringMatching(/^invalid JSON/) }],
      });
      expect((await postGraphQL(start.url, { query: '{ stats { nodeCount } }' })).json).toEqual({ data: { stats: { nodeCount: 42 } } });

      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expect(service.lines.map((l) => l.event ?? l)).toEqual(['load', 'start', 'request', 'reload', 'request', 'stop', 'stop', 'stopped']);
      expect(service.lines.filter((l) => l.event === 'stop')[0]).toMatchObject({ signal: 'SIGTERM', msg: 'received SIGTERM' });
    } finally {
      service.child.kill('SIGKILL');
      copy.remove();
    }
  });

  it("run with npm start's flags, collects the load's garbage in one full collection before it listens", async () => {
    const flags = startScriptNodeFlags();
    expect(flags).toContain('--expose-gc');
    const service = spawnService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR }, flags);
    try {
      await service.waitFor((l) => l.event === 'start');
      const settled = service.lines.filter((l) => l.settleMs !== undefined);
      expect(settled).toEqual([
        expect.objectContaining({
          event: 'load',
          settleMs: expect.any(Number),
          msg: expect.stringMatching(/^newsgraph collected the load's garbage in \d+ ms$/),
        }),
      ]);
      expect(service.lines.map((l) => l.event)).toEqual(['load', 'load', 'start']);
    } finally {
      service.child.kill('SIGKILL');
    }
  });

  it('exits 0 on SIGINT', async () => {
    const service = spawnService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR });
    try {
      await service.waitFor((l) => l.event === 'start');
      service.child.kill('SIGINT');
      expect(await service.exited).toBe(0);
      expect(service.lines.at(-1)).toMatchObject({ event: 'stopped', msg: 'newsgraph stopped' });
    } finally {
      service.child.kill('SIGKILL');
    }
  });

  it('refuses to start, exit code 1, on a bad variable, naming it', async () => {
    const service = spawnService({ MAX_QUERY_DEPTH: 'deep' });
    expect(await service.exited).toBe(1);
    expect(service.lines).toEqual([
      expect.objectContaining({ level: 'fatal', msg: 'newsgraph cannot start: MAX_QUERY_DEPTH must be a whole number 1 or more, not "deep"' }),
    ]);
  });

  it('refuses to start, exit code 1, on invalid data, listing every problem', async () => {
    const copy = copySeedGraph();
    try {
      writeFileSync(join(copy.dir, 'entities', 'extra.json'), '{ "entities": [ }');
      const service = spawnService({ GRAPH_DATA_DIR: copy.dir });
      expect(await service.exited).toBe(1);
      expect(service.lines).toEqual([
        expect.objectContaining({ level: 'info', event: 'load', dataDir: copy.dir }),
        expect.objectContaining({ level: 'fatal', problems: [{ file: 'entities/extra.json', path: '$', message: expect.stringMatching(/^invalid JSON/) }] }),
      ]);
    } finally {
      copy.remove();
    }
  });
});
