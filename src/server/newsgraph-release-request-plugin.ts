import type { ApolloServerPlugin, GraphQLRequestListener, GraphQLResponse } from '@apollo/server';
import type { GraphContext } from '../schema';
import { type RequestRecord, requestRecordOf } from './request-record';

/**
 * Lets go of what a request built as soon as nothing needs it any more:
 * its DataLoaders (see `Loaders.release`) once its response is ready, and,
 * for HTTP requests, the response object once the HTTP layer has its bytes
 * (see `dropServedResponse`). Anything still reachable when a young-generation
 * collection runs is copied, and after two collections moved to the old
 * generation, to be freed only by a full collection: the sooner a request's
 * answer is unreachable, the less of it is copied.
 */
export function NewsgraphReleaseRequestPlugin(): ApolloServerPlugin<GraphContext> {
  // One listener for every request: nothing is allocated per request.
  const listener: GraphQLRequestListener<GraphContext> = {
    async willSendResponse({ contextValue, response }) {
      contextValue.loaders?.release();
      const record = requestRecordOf(contextValue);
      if (record) record.response = response;
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}

/**
 * Drops the result that Apollo kept in its response object, once Apollo has
 * serialized it and the HTTP layer holds the bytes.
 */
export function dropServedResponse(record: RequestRecord): void {
  const response = record.response as { body?: GraphQLResponse['body'] } | undefined;
  record.response = undefined;
  if (response) response.body = undefined;
}
