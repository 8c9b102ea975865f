import type { GraphQLFormattedError } from 'graphql';
import { GraphQueryError, GraphStoreUnavailableError } from '../graph';
import { QueryLimitError } from './query-limit-error';

/** graphql's message when parsing stops at `maxLexicalTokens` ("more that" in graphql 16). */
const TOO_MANY_TOKENS = /contains more tha[nt] (\d+) tokens/;

/**
 * graphql's message when validation stops at its work budget: comparing the
 * fields that share a response name, or following fragment spreads
 * (https://github.com/graphql/graphql-js/blob/v16.15.0/src/validation/rules/OverlappingFieldsCanBeMergedRule.ts).
 */
const VALIDATION_ABORTED = 'Validation aborted.';

/** Apollo's messages for an automatic persisted query it cannot take, which carry no code. */
const PERSISTED_QUERY_HASH_MISMATCH = 'provided sha does not match query';
const PERSISTED_QUERY_VERSION = 'Unsupported persisted query version';

/**
 * Turns errors a user caused into errors that say what to change: a stale or
 * foreign cursor deep in the store becomes BAD_USER_INPUT naming its
 * argument, a query-limit error keeps its own code (Apollo would recode it
 * GRAPHQL_VALIDATION_FAILED), a document over the token limit gets
 * TOO_MANY_TOKENS instead of a bare parse error, one that graphql gave up
 * validating QUERY_TOO_COMPLEX_TO_VALIDATE, and a persisted query Apollo
 * refuses a client code instead of INTERNAL_SERVER_ERROR. A store that
 * cannot reach its database gives DATABASE_UNAVAILABLE (and the HTTP layer
 * 503): the request was fine, and may be sent again in a moment.
 */
export function formatGraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown } | null)?.originalError;
  if (original instanceof GraphQueryError) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', argumentName: original.argument } };
  }
  if (original instanceof GraphStoreUnavailableError) {
    return {
      message: 'The graph database cannot be reached; retry in a moment.',
      ...(formatted.locations && { locations: formatted.locations }),
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    };
  }
  if (original instanceof QueryLimitError) {
    return { ...formatted, extensions: { ...formatted.extensions, code: original.code } };
  }
  const code = formatted.extensions?.code;
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOO_MANY_TOKENS.exec(formatted.message) : null;
  if (tokens) {
    const limit = Number(tokens[1]);
    return {
      message: `The document has more than ${limit} tokens (names, punctuation and values); the limit is ${limit}. Send a shorter document: pass values as variables and leave out operations and fragments the request does not use.`,
      extensions: { code: 'TOO_MANY_TOKENS', limit },
    };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message === VALIDATION_ABORTED) {
    return {
      message:
        'The document repeats fields too often to be validated: graphql compares every two fields that share a response name in a selection (fragments expanded), and stops after 500000 steps, which one field asked 708 times in a selection reaches. Ask for each field once in a selection and spread each fragment once.',
      extensions: { code: 'QUERY_TOO_COMPLEX_TO_VALIDATE' },
    };
  }
  if (code === 'INTERNAL_SERVER_ERROR' && formatted.message === PERSISTED_QUERY_HASH_MISMATCH) {
    return {
      message:
        'The persisted query hash (extensions.persistedQuery.sha256Hash) is not the SHA-256 of the query sent. Send the hex SHA-256 of the exact query text, or leave out extensions.persistedQuery.',
      extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
    };
  }
  if (code === 'INTERNAL_SERVER_ERROR' && formatted.message === PERSISTED_QUERY_VERSION) {
    return {
      message: 'Automatic persisted queries have only version 1: send extensions.persistedQuery.version 1, or leave out extensions.persistedQuery.',
      extensions: { code: 'BAD_REQUEST' },
    };
  }
  return formatted;
}
