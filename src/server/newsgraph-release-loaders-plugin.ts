import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphContext } from '../schema';

/**
 * Releases each request's DataLoaders (see `Loaders.release`) as soon as its
 * response is ready. A request's loaders reach everything its execution built;
 * left attached to the context until the request is entirely over, they keep
 * all of it alive through young-generation collections, which then promote it
 * to the old generation: measured, that doubled the time spent per request on
 * large answers.
 */
export function NewsgraphReleaseLoadersPlugin(): ApolloServerPlugin<GraphContext> {
  // One listener for every request: nothing is allocated per request.
  const listener: GraphQLRequestListener<GraphContext> = {
    async willSendResponse({ contextValue }) {
      contextValue.loaders?.release();
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
