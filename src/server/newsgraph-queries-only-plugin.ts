import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Refuses an operation whose type the schema has no root type for (this
 * service has queries only) with 400 GRAPHQL_VALIDATION_FAILED, before it
 * is costed or executed. graphql 16 validates such a document and fails
 * only when executing it, with an error that has no code
 * (https://github.com/graphql/graphql-js/issues/3592). Checked once the
 * operation is resolved, after Apollo's own answer to a mutation sent with
 * GET (405, as GraphQL over HTTP requires), which a validation rule would
 * pre-empt.
 */
export function NewsgraphQueriesOnlyPlugin(): ApolloServerPlugin<BaseContext> {
  // One listener for every request: nothing is allocated per request.
  const listener: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation({ operation, schema }) {
      if (!operation || schema.getRootType(operation.operation)) return;
      throw new GraphQLError(`This service takes queries only; it has no ${operation.operation}s. Send a query operation, asking for fields of Query.`, {
        nodes: [operation],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
      });
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
