import type { FastifyError, FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody, HttpError, JSON_TYPE } from './http-error';
import './request-state';

/** Options of the errors plugin. */
export interface ErrorsOptions {
  /** Largest request body in bytes, for the message of 413. Default 100000. */
  readonly maxBodyBytes?: number;
}

/** The path of a request target: a GET's query string carries the variables' values. */
export function pathOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt < 0 ? url : url.slice(0, queryAt);
}

/** Writes an error in the GraphQL response shape and notes its code for the request's log line. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: HttpError): void {
  request.record.errorCodes = [error.code];
  reply
    .code(error.statusCode)
    .headers(error.headers)
    .type(JSON_TYPE)
    .send(errorBody(error.code, error.message, error.extensions));
}

/**
 * Answers every request no route serves, and every error, in the GraphQL
 * response shape with a stable code: 404 NOT_FOUND for an unknown path, 405
 * METHOD_NOT_ALLOWED (with `allow`) for a method a known path does not take,
 * and each of Fastify's own refusals (a body too large, say) with the code and message the service documents. An unexpected error
 * is logged with its stack trace and answered 500 INTERNAL_SERVER_ERROR.
 */
const errorsPlugin: FastifyPluginCallback<ErrorsOptions> = (fastify, options, done) => {
  const maxBodyBytes = options.maxBodyBytes ?? 100_000;
  // The methods of each path, as routes are added, to tell 405 from 404.
  const methodsOf = new Map<string, Set<string>>();

  fastify.addHook('onRoute', (route) => {
    if (route.url.includes('*') || route.url.includes(':')) return;
    const methods = methodsOf.get(route.url) ?? new Set<string>();
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) methods.add(method);
    methodsOf.set(route.url, methods);
  });

  fastify.setNotFoundHandler((request, reply) => {
    const path = pathOf(request.url);
    const methods = methodsOf.get(path);
    if (methods) {
      const allow = [...methods].filter((m) => m !== 'OPTIONS').join(', ');
      sendError(request, reply, new HttpError(405, 'METHOD_NOT_ALLOWED', `Use ${allow.replace(/, (?=[^,]*$)/, ' or ')} ${path}.`, { allow }));
      return;
    }
    sendError(request, reply, new HttpError(404, 'NOT_FOUND', `No such path: ${path}. The GraphQL endpoint is /graphql.`));
  });

  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      sendError(request, reply, error);
      return;
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        // The rest of the body is read and dropped, so that a client still sending gets this reply rather than a reset connection.
        request.raw.resume();
        sendError(
          request,
          reply,
          new HttpError(
            413,
            'PAYLOAD_TOO_LARGE',
            `The request body is over the limit of ${request.routeOptions.bodyLimit ?? maxBodyBytes} bytes. ${request.routeOptions.config.bodyHint ?? 'Send a shorter query, with fewer or smaller variables.'}`,
            { connection: 'close' },
          ),
        );
        return;
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        sendError(request, reply, new HttpError(400, 'BAD_REQUEST', 'The request body is not as long as its content-length says.', { connection: 'close' }));
        return;
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // A refusal of Fastify's or a plugin's (a schema the request does not fit, say): its own message says what is wrong.
      sendError(request, reply, new HttpError(status, status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST', error.message));
      return;
    }
    request.log.error({ err: error, method: request.method, path: pathOf(request.url) }, 'unexpected error serving a request');
    sendError(request, reply, new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error.'));
  });
  done();
};

export const errors = fp(errorsPlugin, { name: 'newsgraph-errors', fastify: '5.x' });
