import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { pathOf } from './errors';
import { whenResponseCloses } from './request-state';

/** Options of the request-log plugin: none yet; lines go to each request's own logger (`request.log`). */
export type RequestLogOptions = Record<never, never>;

/** Writes the request's line: what it asked, how it was answered, and what its GraphQL side noted in its record. */
function logRequest(request: FastifyRequest, reply: FastifyReply): void {
  const { operationName, errorCodes, cost } = request.record;
  request.log.info(
    {
      event: 'request',
      method: request.method,
      // The path only: a GET's query string carries the variables' values.
      path: pathOf(request.url),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 1000) / 1000,
      ...(operationName !== undefined && { operationName }),
      ...(errorCodes && { errorCodes }),
      ...(cost !== undefined && { cost: Number.isFinite(cost) ? cost : 'unbounded' }),
      ...(!reply.raw.writableFinished && { aborted: true }),
    },
    'request',
  );
}

/**
 * Logs one line per request (`event: "request"`) through the request's
 * logger, so that it carries Fastify's request id (`reqId`), when its
 * response is over: sent, or cut off (`aborted: true`). Fastify's own
 * request lines are turned off (`disableRequestLogging`), so this is the
 * only one. Gives each request the record the line is made from.
 */
const requestLogPlugin: FastifyPluginCallback<RequestLogOptions> = (fastify, _options, done) => {
  fastify.addHook('onRequest', (request, reply, next) => {
    request.record = {};
    whenResponseCloses(request, reply, () => logRequest(request, reply));
    next();
  });
  done();
};

export const requestLog = fp(requestLogPlugin, { name: 'newsgraph-request-log', fastify: '5.x' });
