import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from './http-error';

/** Options of the rate-limit plugin. */
export interface RateLimitOptions {
  /** Most requests a client may send in a minute; more get 429 RATE_LIMITED until the minute is over. 0 adds no limit. Default 6000. */
  readonly perMinute?: number;
}

/**
 * Per-client rate limiting with @fastify/rate-limit: each client, by its IP
 * address (`request.ip`, which honours X-Forwarded-For only with
 * `trustProxy`), may send `perMinute` requests a minute. Every answer carries
 * the plugin's `x-ratelimit-limit`, `-remaining` and `-reset` headers; a
 * request over the limit gets 429 RATE_LIMITED with `retry-after` and a
 * message saying when to retry. A route opts out with `config: { rateLimit:
 * false }` (the health routes do). Register it before the routes: it adds
 * its hook to each route as it is added.
 */
const rateLimitPlugin: FastifyPluginAsync<RateLimitOptions> = async (fastify, options) => {
  const perMinute = options.perMinute ?? 6000;
  if (perMinute === 0) return;
  await fastify.register(fastifyRateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) => {
      // The same number of seconds as retry-after.
      const seconds = Math.ceil(context.ttl / 1000);
      return new HttpError(
        429,
        'RATE_LIMITED',
        `Too many requests from this client: the limit is ${context.max} a minute. Retry in ${seconds} second${seconds === 1 ? '' : 's'}.`,
      );
    },
  });
};

export const rateLimit = fp(rateLimitPlugin, { name: 'newsgraph-rate-limit', fastify: '5.x' });
