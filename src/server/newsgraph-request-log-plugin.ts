import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { GraphQueryError } from '../graph';
import { requestRecordOf } from './request-record';

/** True for an error no user input explains: a resolver or the store threw something unforeseen. */
function isUnexpected(error: GraphQLError): boolean {
  const original = error.originalError;
  return error.extensions?.code === undefined && original !== undefined && !(original instanceof GraphQLError) && !(original instanceof GraphQueryError);
}

/**
 * Fills in the request record of each HTTP request (see `withRequestRecord`)
 * with the operation's name and the codes of the errors sent back, as the
 * client sees them; the HTTP layer writes the record into the request's log
 * line. Logs each unexpected error with its stack trace, which clients never
 * see.
 */
export function NewsgraphRequestLogPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart(requestContext) {
      const record = requestRecordOf(requestContext.contextValue);
      if (record) record.operationName = requestContext.request.operationName ?? null;
      return {
        async didResolveOperation({ operationName }) {
          if (record) record.operationName = operationName;
        },
        async didEncounterErrors({ errors, logger, operationName }) {
          for (const error of errors) {
            if (isUnexpected(error)) logger.error({ err: error.originalError, operationName, path: error.path?.join('.') });
          }
        },
        async willSendResponse({ response }) {
          if (!record) return;
          const errors: readonly GraphQLFormattedError[] | undefined =
            response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          if (errors?.length) record.errorCodes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        },
      };
    },
  };
}
