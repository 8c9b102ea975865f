import { type ASTNode, GraphQLError } from 'graphql';

/** Codes of the errors that refuse an operation for being too big. */
export type QueryLimitCode = 'TOO_MANY_TOKENS' | 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'TOO_MANY_DIRECTIVES' | 'QUERY_TOO_COMPLEX';

/**
 * Refuses an operation that is over one of the query limits, with HTTP 400.
 * Its code names the limit and its extensions carry the limit and the
 * operation's size, so a client can tell what to change.
 */
export class QueryLimitError extends GraphQLError {
  constructor(code: QueryLimitCode, message: string, sizes: { readonly limit: number; readonly actual?: number }, nodes?: readonly ASTNode[]) {
    super(message, { nodes, extensions: { code, ...sizes, http: { status: 400 } } });
    this.name = 'QueryLimitError';
  }

  /** The code this error must keep in the response (Apollo recodes validation errors). */
  get code(): QueryLimitCode {
    return this.extensions.code as QueryLimitCode;
  }
}
