import type { FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from './http-error';
import { sendError } from './errors';
import { afterwards, whenResponseCloses } from './request-state';

/** Options of the graceful-close plugin. */
export interface GracefulCloseOptions {
  /** Time requests in flight get to finish once closing, in milliseconds, before their connections are cut. Default 10000. */
  readonly shutdownGraceMs?: number;
  /** How long the port stays open, once nothing is in flight, without a new connection or request (see QUIET_MS). Default QUIET_MS. */
  readonly shutdownQuietMs?: number;
}

/** The shutdown of an HTTP server, decorated on the instance as `gracefulClose`. */
export interface GracefulClose {
  /** True once `close` has been called: gated routes answer 503 SHUTTING_DOWN, and every reply closes its connection. */
  readonly closing: boolean;
  /** Requests in flight: from their arrival until their response is over and (on gated routes) their work has ended. */
  readonly inFlight: number;
  /**
   * Stops taking requests (new ones on gated routes get 503 SHUTTING_DOWN),
   * lets those in flight finish within the grace period, then closes the port
   * and every connection. Resolves with the number of requests cut off.
   */
  close(): Promise<{ unfinished: number }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly gracefulClose: GracefulClose;
  }
}

/** Waits for `promise`, but not past `deadline` (a Date.now() time). */
async function within(promise: Promise<unknown>, deadline: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))))]);
  clearTimeout(timer);
}

/** Resolves at `time` (a Date.now() time). */
const sleepUntil = (time: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())));

/**
 * How long the port stays open, once nothing is in flight, without a new
 * connection or request: those already on their way (sent before the close,
 * not yet read, as when the event loop was busy) arrive, and are answered,
 * rather than being cut off with the idle connections.
 */
export const QUIET_MS = 100;

// Bits of a request's state in flight: its response is not over; its (gated) work has not ended.
const OPEN = 1;
const WORKING = 2;
const kState = Symbol('newsgraph.inFlightState');
type Tracked = FastifyRequest & { [kState]: number };

/**
 * Graceful close. Counts every request from its arrival (not from when it
 * got a concurrency slot: a request still waiting for its body, or for the
 * event loop, is in flight too) until its response is over and, on a gated
 * route, until its work has ended (a timeout reply can come before). Once
 * closing, the port stays open while requests are in flight, so that new
 * ones get a clear 503 SHUTTING_DOWN in the service's own shape (not
 * Fastify's `return503OnClosing` answer) and `/readyz` 503; every reply
 * then closes its connection. The port closes once nothing is in flight
 * and nothing new has arrived for the quiet period, or when the grace period is over.
 */
const gracefulClosePlugin: FastifyPluginCallback<GracefulCloseOptions> = (fastify, options, done) => {
  const graceMs = options.shutdownGraceMs ?? 10_000;
  const quietMs = options.shutdownQuietMs ?? QUIET_MS;
  let closing = false;
  let inFlight = 0;
  let idle: (() => void)[] = [];
  let closed: Promise<{ unfinished: number }> | undefined;
  // Once closing: when a connection or request last arrived (see QUIET_MS).
  let lastArrival = 0;
  const arrived = () => (lastArrival = Date.now());

  const leave = (request: Tracked, bit: number) => {
    request[kState] &= ~bit;
    if (request[kState] !== 0) return;
    inFlight--;
    if (inFlight === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };
  const whenIdle = () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve)));

  fastify.decorateRequest(kState, 0);
  fastify.addHook('onRequest', (request, reply, next) => {
    inFlight++;
    (request as Tracked)[kState] = OPEN;
    whenResponseCloses(request, reply, () => leave(request as Tracked, OPEN));
    if (closing) {
      arrived();
      reply.header('connection', 'close');
      if (request.routeOptions.config.gated) {
        sendError(
          request,
          reply,
          new HttpError(503, 'SHUTTING_DOWN', 'The service is shutting down; retry on another instance or in a moment.', { 'retry-after': '1' }),
        );
        return;
      }
    }
    next();
  });

  // A gated route's work can outlast its reply (a timeout reply); it is in flight until it ends.
  fastify.addHook('onRoute', (route) => {
    if (!route.config?.gated) return;
    const handler = route.handler as (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) => unknown;
    route.handler = function trackWork(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      (request as Tracked)[kState] |= WORKING;
      return afterwards(handler, this, request, reply, () => leave(request as Tracked, WORKING));
    } as RouteHandlerMethod;
  });

  const state: GracefulClose = {
    get closing() {
      return closing;
    },
    get inFlight() {
      return inFlight;
    },
    close() {
      closed ??= (async () => {
        closing = true;
        lastArrival = Date.now();
        const deadline = lastArrival + graceMs;
        fastify.server.on('connection', arrived);
        for (let now = Date.now(); now < deadline; now = Date.now()) {
          if (inFlight > 0) await within(whenIdle(), deadline);
          else if (now - lastArrival >= quietMs) break;
          else await sleepUntil(Math.min(deadline, lastArrival + quietMs));
        }
        fastify.server.off('connection', arrived);
        const unfinished = inFlight;
        const server = fastify.server;
        const stopped = fastify.close();
        // Replies sent while closing carry "connection: close", so their connections end once flushed.
        server.closeIdleConnections();
        if (unfinished === 0) await within(stopped, deadline);
        server.closeAllConnections();
        await stopped;
        return { unfinished };
      })();
      return closed;
    },
  };
  fastify.decorate('gracefulClose', state);
  done();
};

export const gracefulClose = fp(gracefulClosePlugin, { name: 'newsgraph-graceful-close', fastify: '5.x' });
