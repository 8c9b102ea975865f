import { BUNDLED_GRAPH_DATA_DIR, ConfigError, readConfig } from '../../src/config';

describe('readConfig', () => {
  it('leaves every limit to its default when nothing is set', () => {
    expect(readConfig({})).toEqual({
      port: 4000,
      host: undefined,
      graphDataDir: BUNDLED_GRAPH_DATA_DIR,
      iriBase: undefined,
      nodeEnv: '',
      production: false,
      introspection: true,
      cacheMaxAge: undefined,
      adminToken: undefined,
      logLevel: 'info',
      queryLimits: { maxTokens: undefined, maxDepth: undefined, maxAliases: undefined, maxDirectives: undefined, maxCost: undefined },
      httpLimits: {
        maxBodyBytes: undefined,
        requestTimeoutMs: undefined,
        maxConcurrentRequests: undefined,
        shutdownGraceMs: undefined,
        shutdownQuietMs: undefined,
        rateLimitPerMinute: undefined,
        maxConnectionsPerClient: undefined,
      },
      trustProxy: false,
      responseCacheBytes: undefined,
      executor: 'jit',
    });
  });

  it('reads every variable', () => {
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      INTROSPECTION: 'false',
      CACHE_MAX_AGE: '30',
      ADMIN_TOKEN: 'a-long-enough-admin-token',
      LOG_LEVEL: 'WARN',
      MAX_QUERY_TOKENS: '2000',
      MAX_QUERY_DEPTH: '12',
      MAX_QUERY_ALIASES: '0',
      MAX_QUERY_DIRECTIVES: '5',
      MAX_QUERY_COST: '1000',
      MAX_BODY_BYTES: '2048',
      REQUEST_TIMEOUT_MS: '2500',
      MAX_CONCURRENT_REQUESTS: '10',
      SHUTDOWN_GRACE_MS: '0',
      SHUTDOWN_QUIET_MS: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      MAX_CONNECTIONS_PER_CLIENT: '20',
      TRUST_PROXY: 'yes',
      RESPONSE_CACHE_BYTES: '0',
      EXECUTOR: 'graphql-js',
      DATABASE_URL: 'postgres://newsgraph:secret@db.internal:5432/newsgraph',
      DATABASE_POOL_SIZE: '4',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      production: true,
      introspection: false,
      cacheMaxAge: 30,
      adminToken: 'a-long-enough-admin-token',
      logLevel: 'warn',
      queryLimits: { maxTokens: 2000, maxDepth: 12, maxAliases: 0, maxDirectives: 5, maxCost: 1000 },
      httpLimits: {
        maxBodyBytes: 2048,
        requestTimeoutMs: 2500,
        maxConcurrentRequests: 10,
        shutdownGraceMs: 0,
        shutdownQuietMs: 0,
        rateLimitPerMinute: 0,
        maxConnectionsPerClient: 20,
      },
      trustProxy: true,
      responseCacheBytes: 0,
      executor: 'graphql-js',
      databaseUrl: 'postgres://newsgraph:secret@db.internal:5432/newsgraph',
      databasePoolSize: 4,
    });
  });

  it.each([
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, not "70000"'],
    [{ MAX_QUERY_DEPTH: '0' }, 'MAX_QUERY_DEPTH must be a whole number 1 or more, not "0"'],
    [{ MAX_QUERY_COST: '1e4' }, 'MAX_QUERY_COST must be a whole number 1 or more, not "1e4"'],
    [{ MAX_BODY_BYTES: '-1' }, 'MAX_BODY_BYTES must be a whole number 1 or more, not "-1"'],
    [{ MAX_CONCURRENT_REQUESTS: 'many' }, 'MAX_CONCURRENT_REQUESTS must be a whole number 1 or more, not "many"'],
    [{ INTROSPECTION: 'maybe' }, 'INTROSPECTION must be true or false, not "maybe"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, not "loud"'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN must be at least 16 characters without spaces (or unset to disable POST /admin/reload)'],
    [{ EXECUTOR: 'fast' }, 'EXECUTOR must be jit or graphql-js, not "fast"'],
    [{ RATE_LIMIT_PER_MINUTE: '600/min' }, 'RATE_LIMIT_PER_MINUTE must be a whole number 0 or more, not "600/min"'],
    [{ MAX_CONNECTIONS_PER_CLIENT: 'all' }, 'MAX_CONNECTIONS_PER_CLIENT must be a whole number 0 or more, not "all"'],
    [{ TRUST_PROXY: '10.0.0.1' }, 'TRUST_PROXY must be true or false, not "10.0.0.1"'],
    [{ RESPONSE_CACHE_BYTES: '-5' }, 'RESPONSE_CACHE_BYTES must be a whole number 0 or more, not "-5"'],
    [{ DATABASE_URL: 'mysql://db/newsgraph' }, 'DATABASE_URL must start with postgres:// or postgresql://, not "mysql://"'],
    [{ DATABASE_URL: 'localhost:5432' }, 'DATABASE_URL must start with postgres:// or postgresql://, not "localhost://"'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a URL such as postgres://user:password@localhost:5432/newsgraph'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not "0"'],
    [{ IRI_BASE: 'not an iri' }, 'IRI_BASE must be an absolute http(s) IRI such as https://news.example.org/id/, not "not an iri"'],
    [{ IRI_BASE: 'urn:newsgraph:' }, 'IRI_BASE must be an absolute http(s) IRI such as https://news.example.org/id/, not "urn:newsgraph:"'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(new ConfigError(message));
  });
});
