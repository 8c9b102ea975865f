import type { Socket } from 'node:net';
import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';

/** Options of the connection-limit plugin. */
export interface ConnectionLimitOptions {
  /** Most connections open at once from one address; more are closed as they open. 0 adds no cap. Default 1000. */
  readonly maxConnectionsPerClient?: number;
}

/**
 * Caps the connections one address keeps open at once, so that a single
 * client opening connection after connection (each sending its request
 * slowly, or nothing) cannot take the process's sockets from everyone else;
 * Node's timeouts bound how long each lives. It counts by the connection's
 * own address: behind a proxy every connection comes from the proxy.
 */
const connectionLimitPlugin: FastifyPluginCallback<ConnectionLimitOptions> = (fastify, options, done) => {
  const max = options.maxConnectionsPerClient ?? 1000;
  if (max === 0) {
    done();
    return;
  }
  const open = new Map<string, number>();
  const onConnection = (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = open.get(address)! - 1;
      if (left === 0) open.delete(address);
      else open.set(address, left);
    });
  };
  fastify.server.on('connection', onConnection);
  fastify.addHook('onClose', (_instance, closed) => {
    fastify.server.off('connection', onConnection);
    closed();
  });
  done();
};

export const connectionLimit = fp(connectionLimitPlugin, { name: 'newsgraph-connection-limit', fastify: '5.x' });
