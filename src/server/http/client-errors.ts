import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { errorBody, JSON_TYPE } from './http-error';

/** Options of `clientErrorHandler`. */
export interface ClientErrorOptions {
  /** Time to receive a request in milliseconds, for the message of 408. Default 10000. */
  readonly requestTimeoutMs?: number;
}

/**
 * Answers requests Node cannot parse, which never reach a route: 431
 * HEADERS_TOO_LARGE for a request line and headers over Node's limit, 408
 * REQUEST_TIMEOUT for one that did not arrive in time, 400 BAD_REQUEST for
 * anything that is not HTTP/1.1; each in the GraphQL response shape, with
 * a request log line of its own. Given to Fastify as `clientErrorHandler`
 * (it is bound to the instance), since Node emits these on the server, not
 * on a request.
 */
export function clientErrorHandler(options: ClientErrorOptions = {}): (this: FastifyInstance, error: NodeJS.ErrnoException, socket: Duplex) => void {
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  return function onClientError(error, socket) {
    // A reply already begun cannot be followed by another on the same connection.
    const replying = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (!socket.writable || replying || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, reason, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'HEADERS_TOO_LARGE', 'The request line and headers are too large; send the query in a POST body.']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'REQUEST_TIMEOUT', `The request did not arrive within ${timeoutMs} ms.`]
          : [400, 'Bad Request', 'BAD_REQUEST', 'The request is not valid HTTP/1.1.'];
    const body = errorBody(code, message);
    this.log.info({ event: 'request', status, errorCodes: [code] }, 'request');
    socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: ${JSON_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  };
}
