import { ApolloServer, type ApolloServerOptions as ApolloConfig, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../config';
import type { GraphContext } from '../schema';
import { formatGraphError } from './format-graph-error';
import { NewsgraphCacheControlPlugin } from './newsgraph-cache-control-plugin';
import { NewsgraphJitExecutionPlugin, type NewsgraphJitExecutionPluginOptions } from './newsgraph-jit-execution-plugin';
import { NewsgraphQueriesOnlyPlugin } from './newsgraph-queries-only-plugin';
import { NewsgraphQueryCostPlugin } from './newsgraph-query-cost-plugin';
import { NewsgraphReleaseRequestPlugin } from './newsgraph-release-request-plugin';
import { NewsgraphRequestLogPlugin } from './newsgraph-request-log-plugin';
import { noIntrospectionRule } from './no-introspection-rule';
import { queryLimitRules } from './query-limit-rules';
import { requestRecordOf } from './request-record';

/** The logger interface Apollo writes to (a pino logger fits). */
export type ApolloLogger = NonNullable<ApolloConfig<GraphContext>['logger']>;

/** Options of the Apollo server. */
export interface ApolloServerOptions {
  /**
   * How operations are executed: `jit` compiles each operation once with
   * graphql-jit (see NewsgraphJitExecutionPlugin; answers with errors are
   * still worded by graphql-js), `graphql-js` runs graphql-js's interpreter.
   * Default `jit`.
   */
  readonly executor?: 'jit' | 'graphql-js';
  /** Options of the compiled executor (when to compile, how often). Default: the plugin's defaults. */
  readonly jit?: NewsgraphJitExecutionPluginOptions;
  /** Extra plugins, run after the built-in ones but asked for an answer before the compiled executor. Default none. */
  readonly plugins?: ApolloServerPlugin<GraphContext>[];
  /** Hides schema details ("Did you mean ...?" suggestions) from clients. Default false. */
  readonly production?: boolean;
  /** Whether introspection (Sandbox's schema explorer) is allowed. Default true. */
  readonly introspection?: boolean;
  /**
   * Seconds a successful response may be cached (`cache-control: max-age=N,
   * public`); 0 sends `cache-control: no-store`. A reload shows in cached
   * responses only once they expire. Default 0.
   */
  readonly cacheMaxAge?: number;
  /** Query limits. Default: each limit's own default. */
  readonly limits?: QueryLimits;
  /** Where Apollo and the plugins log. Default: Apollo's console logger. */
  readonly logger?: ApolloLogger;
}

/** Strips graphql's "Did you mean ...?" hints, which reveal names in the schema. */
function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/ ?Did you mean(.+?)\?$/, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}

/**
 * Creates the Apollo server over the schema: introspection on, since this is
 * a public API people explore (in GraphiQL, the explorer, Apollo Sandbox);
 * query limits checked before execution; queries only; batched requests
 * refused; automatic persisted queries taken; CSRF prevention on; no stack
 * traces in responses (unexpected errors are logged with theirs instead).
 */
export function createApolloServer(schema: GraphQLSchema, options: ApolloServerOptions = {}): ApolloServer<GraphContext> {
  const production = options.production ?? false;
  const limits = options.limits ?? {};
  return new ApolloServer<GraphContext>({
    schema,
    // Passed explicitly so that Apollo reads nothing from the environment itself.
    nodeEnv: production ? 'production' : 'development',
    // Introspection is refused by noIntrospectionRule below, whose message suits public clients better than Apollo's.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    // Apollo's automatic persisted queries, in its bounded in-memory cache: short GET URLs for HTTP caches (README, "Automatic persisted queries").
    persistedQueries: {},
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    // graphql's parser counts the tokens and stops at the limit; armor's token plugin would parse each new document twice.
    parseOptions: { maxLexicalTokens: limits.maxTokens ?? 1000 },
    validationRules: [...queryLimitRules(limits), ...((options.introspection ?? true) ? [] : [noIntrospectionRule])],
    logger: options.logger,
    formatError: production ? (formatted, error) => withoutSuggestions(formatGraphError(formatted, error)) : formatGraphError,
    plugins: [
      // The HTTP layer serves the pages (src/server/http/web-pages.ts): a landing page that works offline, where Apollo's embedded Sandbox needs internet.
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's own cache-control plugin hooks every resolver; ours judges the whole response once.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo turns inline traces on for a subgraph; a traced request would wrap every field resolver of the schema, for every later request too, and this service reports to no Apollo Studio.
      ApolloServerPluginInlineTraceDisabled(),
      NewsgraphCacheControlPlugin({ maxAge: options.cacheMaxAge }),
      NewsgraphQueriesOnlyPlugin(),
      NewsgraphQueryCostPlugin({
        maxCost: limits.maxCost,
        onCost: (cost, { contextValue }) => {
          const record = requestRecordOf(contextValue);
          if (record) record.cost = cost;
        },
      }),
      NewsgraphRequestLogPlugin(),
      NewsgraphReleaseRequestPlugin(),
      ...(options.plugins ?? []),
      // Last: Apollo asks plugins for an answer in order, and this one answers every operation without errors.
      ...((options.executor ?? 'jit') === 'jit' ? [NewsgraphJitExecutionPlugin(schema, options.jit)] : []),
    ],
  });
}
