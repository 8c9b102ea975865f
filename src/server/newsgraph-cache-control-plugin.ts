import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** Options of NewsgraphCacheControlPlugin. */
export interface NewsgraphCacheControlPluginOptions {
  /** Seconds a successful response may be kept by clients and HTTP caches; 0 sends `no-store`. Default 0. */
  readonly maxAge?: number;
}

/**
 * Sets `cache-control` on every GraphQL response: `max-age=N, public` on an
 * answer without errors, `no-store` otherwise. Every field has the same
 * policy here, so the whole response is judged once, rather than field by
 * field as Apollo's cache-control plugin does (a hook on every resolver).
 */
export function NewsgraphCacheControlPlugin(options: NewsgraphCacheControlPluginOptions = {}): ApolloServerPlugin<BaseContext> {
  const maxAge = options.maxAge ?? 0;
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          response.http.headers.set('cache-control', maxAge > 0 && !errors?.length ? `max-age=${maxAge}, public` : 'no-store');
        },
      };
    },
  };
}
