import { connect, type Socket } from 'node:net';
import { errorCodes, type HttpTestService, postGraphQL, send, startHttpService } from '../helpers/http-service';

/** Another loopback address than the service's clients use, so that its connections count as another client's. */
const SLOW_CLIENT = '127.0.0.2';

/** Resolves once `condition()` holds, checking every few milliseconds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A connection whose request stopped half-way through its body, with what the service sent back on it. */
interface HalfSent {
  readonly socket: Socket;
  /** What the service wrote on the connection, once it closed. */
  readonly reply: Promise<string>;
  readonly closed: () => boolean;
}

/** Opens `count` connections from `localAddress`, each sending a POST whose body stops half-way; resolves with those the service kept open. */
async function halfSentBodies(service: HttpTestService, count: number, localAddress = SLOW_CLIENT): Promise<HalfSent[]> {
  const before = service.service.inFlight;
  const opened = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<HalfSent>((resolve) => {
          let received = '';
          let closed = false;
          const socket = connect({ port: service.service.port, host: '127.0.0.1', localAddress });
          const reply = new Promise<string>((done) => socket.on('close', () => ((closed = true), done(received))));
          const halfSent: HalfSent = { socket, reply, closed: () => closed };
          socket.on('data', (chunk) => (received += chunk.toString('utf8')));
          socket.on('error', () => resolve(halfSent));
          socket.on('connect', () =>
            socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"query":"{ stats`, () =>
              resolve(halfSent),
            ),
          );
        }),
    ),
  );
  // Each connection is either closed at once (over the cap, without a reply) or its request has arrived, and is in flight.
  const closed = () => opened.filter((connection) => connection.closed()).length;
  await until(() => closed() + service.service.inFlight - before === count);
  return opened.filter((connection) => !connection.closed());
}

/** One round of a well-behaved client: a GraphQL request and a health check, on new connections; the slower one's time. */
async function wellBehavedRound(service: HttpTestService): Promise<number> {
  const started = performance.now();
  const [graphql, health] = await Promise.all([postGraphQL(service.url, { query: '{ stats { nodeCount } }' }), send(`${service.origin}/healthz`)]);
  expect([graphql.status, graphql.json, health.status]).toEqual([200, { data: { stats: { nodeCount: 42 } } }, 200]);
  return performance.now() - started;
}

describe('slow clients', () => {
  jest.setTimeout(30_000);

  it('keeps answering a well-behaved client while another holds 500 connections with half-sent bodies', async () => {
    // Bodies that have not arrived hold no concurrency slot: 500 of them, against MAX_CONCURRENT_REQUESTS=256, lock no one out.
    const service = await startHttpService();
    let sockets: HalfSent[] = [];
    try {
      sockets = await halfSentBodies(service, 500);
      expect(sockets).toHaveLength(500);
      await until(() => service.service.inFlight === 500);
      const times: number[] = [];
      for (let round = 0; round < 20; round++) times.push(await wellBehavedRound(service));
      // Not a performance assertion: a bound far above any answer, so that a lock-out (which waits for REQUEST_TIMEOUT_MS) fails.
      expect(Math.max(...times)).toBeLessThan(5_000);
    } finally {
      for (const { socket } of sockets) socket.destroy();
      await service.close();
    }
  });

  it('closes connections from one address beyond MAX_CONNECTIONS_PER_CLIENT as they open, and only that address', async () => {
    const service = await startHttpService({ MAX_CONNECTIONS_PER_CLIENT: '100' });
    let sockets: HalfSent[] = [];
    try {
      sockets = await halfSentBodies(service, 500);
      expect(sockets).toHaveLength(100);
      await until(() => service.service.inFlight === 100);
      expect(await wellBehavedRound(service)).toBeLessThan(5_000);
      // Once some close, the address may open as many again.
      for (const { socket } of sockets.splice(0, 10)) socket.destroy();
      await until(() => service.service.inFlight === 90);
      sockets.push(...(await halfSentBodies(service, 20)));
      expect(sockets).toHaveLength(100);
    } finally {
      for (const { socket } of sockets) socket.destroy();
      await service.close();
    }
  });

  it('answers each half-sent body with 408 once REQUEST_TIMEOUT_MS is over, freeing its connection', async () => {
    const service = await startHttpService({ REQUEST_TIMEOUT_MS: '500' });
    let sockets: HalfSent[] = [];
    try {
      sockets = await halfSentBodies(service, 500);
      for (const raw of await Promise.all(sockets.map((connection) => connection.reply))) expect(raw).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      await until(() => service.service.inFlight === 0);
      expect(errorCodes(await postGraphQL(service.url, { query: '{ stats { nodeCount } }' }))).toEqual([]);
    } finally {
      for (const { socket } of sockets) socket.destroy();
      await service.close();
    }
  });
});
