import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { GraphQueryError } from '../graph';
import type { GraphContext } from '../schema';

/** Options of the Apollo server. */
export interface ApolloServerOptions {
  /** Extra plugins, run after the built-in ones. */
  readonly plugins?: ApolloServerPlugin<GraphContext>[];
}

/**
 * Turns errors a user caused deep in the store (a stale or foreign cursor)
 * into BAD_USER_INPUT errors that say which argument to change.
 */
export function formatGraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown } | null)?.originalError;
  if (original instanceof GraphQueryError) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', argumentName: original.argument } };
  }
  return formatted;
}

/**
 * Creates the Apollo server over the schema: introspection on and the landing
 * page offering Apollo Sandbox, since this is a public API people explore.
 */
export function createApolloServer(schema: GraphQLSchema, options: ApolloServerOptions = {}): ApolloServer<GraphContext> {
  return new ApolloServer<GraphContext>({
    schema,
    introspection: true,
    formatError: formatGraphError,
    plugins: [ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }), ...(options.plugins ?? [])],
  });
}
