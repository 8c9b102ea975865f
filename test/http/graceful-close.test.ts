import { connect, type Socket } from 'node:net';
import { QUIET_MS } from '../../src/server/http/graceful-close';
import { createGatePlugin } from '../helpers/http-gate-plugin';
import { type HttpTestService, postGraphQL, startHttpService } from '../helpers/http-service';

const SLOW = 'query Slow { stats { nodeCount } }';

/** A connection opened to the service, on which a whole request can be written at once. */
interface Connection {
  readonly socket: Socket;
  /** Everything the service wrote on it, once it closed, or the error that ended it. */
  readonly received: Promise<string>;
}

function open(service: HttpTestService): Promise<Connection> {
  return new Promise((resolve) => {
    let text = '';
    const socket = connect({ port: service.service.port, host: '127.0.0.1' });
    const received = new Promise<string>((done) => {
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('error', (error: NodeJS.ErrnoException) => done(`error ${error.code}`));
      socket.on('close', () => done(text));
    });
    socket.on('connect', () => resolve({ socket, received }));
  });
}

/** The raw text of a whole request: a GraphQL POST or a health check. */
function requestText(index: number): string {
  if (index % 3 === 2) return 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';
  const body = JSON.stringify({ query: '{ stats { nodeCount } }' });
  return `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
}

/** Checks one raw reply: 200 with its answer, or 503 SHUTTING_DOWN; never nothing. */
function expectAnswered(raw: string, index: number): 'served' | 'refused' {
  const status = /^HTTP\/1\.1 (\d{3}) /.exec(raw)?.[1];
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  if (status === '503') {
    expect(JSON.parse(body)).toEqual({
      errors: [{ message: 'The service is shutting down; retry on another instance or in a moment.', extensions: { code: 'SHUTTING_DOWN' } }],
    });
    return 'refused';
  }
  expect({ index, status }).toEqual({ index, status: '200' });
  expect(JSON.parse(body)).toEqual(index % 3 === 2 ? { status: 'ok' } : { data: { stats: { nodeCount: 42 } } });
  return 'served';
}

describe('graceful close', () => {
  it.each([
    ['while a request is held', true],
    ['with nothing else in flight', false],
  ])('answers every request that arrived before it, %s: served or 503 SHUTTING_DOWN, none cut off', async (_title, holdOne) => {
    const gate = createGatePlugin();
    const service = await startHttpService({ SHUTDOWN_QUIET_MS: String(QUIET_MS) }, { plugins: [gate.plugin] });
    try {
      const held = holdOne ? postGraphQL(service.url, { query: SLOW }) : undefined;
      if (holdOne) await gate.waitForHeld(1);
      const connections = await Promise.all(Array.from({ length: 12 }, () => open(service)));
      // Written whole, then close() in the same turn: the service has read none of them yet.
      connections.forEach(({ socket }, index) => socket.write(requestText(index)));
      const closed = service.close();
      gate.release();

      const outcomes = (await Promise.all(connections.map(({ received }) => received))).map(expectAnswered);
      expect(outcomes).toHaveLength(12);
      if (held) expect((await held).json).toEqual({ data: { stats: { nodeCount: 42 } } });
      expect(await closed).toEqual({ unfinished: 0 });
      // Health checks are served while closing; GraphQL requests that arrived after close() are refused.
      outcomes.forEach((outcome, index) => index % 3 === 2 && expect(outcome).toBe('served'));
    } finally {
      gate.release();
      await service.close();
    }
  });

  it('counts requests from their arrival: one still sending its body is in flight, and gets its answer', async () => {
    const gate = createGatePlugin();
    const service = await startHttpService({ SHUTDOWN_QUIET_MS: String(QUIET_MS) }, { plugins: [gate.plugin] });
    try {
      const connection = await open(service);
      const body = JSON.stringify({ query: '{ stats { nodeCount } }' });
      connection.socket.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
      );
      while (service.service.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const closed = service.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(service.service.inFlight).toBe(1);
      connection.socket.write(body.slice(10));
      expectAnswered(await connection.received, 0);
      expect(await closed).toEqual({ unfinished: 0 });
      expect(service.logs.find((l) => l.event === 'stop')?.msg).toBe('newsgraph stopping: finishing 1 request(s) in flight');
    } finally {
      await service.close();
    }
  });
});
