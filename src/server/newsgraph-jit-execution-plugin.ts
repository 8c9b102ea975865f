import { type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse, HeaderMap } from '@apollo/server';
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { GraphContext } from '../schema';

/** Options of NewsgraphJitExecutionPlugin. */
export interface NewsgraphJitExecutionPluginOptions {
  /** Most compiled operations kept per document (one per operation name). Default 16. */
  readonly maxOperationsPerDocument?: number;
}

// The head of every compiled answer: no status or header of its own (Apollo's
// and the other plugins' apply). Apollo only copies from it, so one serves
// all; nothing may ever be set on it.
const NO_HTTP_HEAD = Object.freeze({ status: undefined, headers: new HeaderMap() });

/**
 * Executes operations with graphql-jit inside Apollo Server's request
 * pipeline: each operation is compiled to JavaScript once (per parsed
 * document, which Apollo's document store shares between requests with the
 * same text) and the compiled function answers every later request.
 *
 * It answers in `responseForOperation`, the hook Apollo offers for answering
 * an operation without its own execution. Apollo has by then parsed and
 * validated the document (every query limit included) and run
 * `didResolveOperation` (the cost limit); it still runs `willSendResponse`,
 * serializes the answer and sets its headers.
 *
 * Only answers without errors are given this way. An operation whose answer
 * has errors (variables that do not fit, a stale cursor, a failing resolver),
 * or that Apollo could not resolve (an unknown operation name), is left to
 * Apollo's own execution with graphql-js, which words the errors, sets their
 * status and hands them to `didEncounterErrors` and `formatError` as for any
 * request. The graph is read-only, so running such an operation twice
 * changes nothing but its time (at most twice the cost the limits allow).
 *
 * Put it after every other plugin that may answer operations: Apollo asks
 * them in order and stops at the first answer.
 *
 * (Apollo's gateway interface, the other way in, builds for every request an
 * object with accessors whose closures reach the whole request; V8 keeps
 * accessor pairs in the old generation, so each request's answer then
 * outlived young-generation collections.)
 */
export function NewsgraphJitExecutionPlugin(schema: GraphQLSchema, options: NewsgraphJitExecutionPluginOptions = {}): ApolloServerPlugin<GraphContext> {
  const maxPerDocument = options.maxOperationsPerDocument ?? 16;
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();

  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | ExecutionResult => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let query = byName.get(operationName ?? '');
    if (!query) {
      query = compileQuery(schema, document, operationName ?? undefined);
      if (byName.size >= maxPerDocument) byName.clear();
      byName.set(operationName ?? '', query);
    }
    return query;
  };

  // One listener for every request: nothing is allocated per request.
  const listener: GraphQLRequestListener<GraphContext> = {
    async responseForOperation({ document, operation, operationName, request, contextValue }) {
      // No operation of the name asked for: graphql-js says so.
      if (!operation) return null;
      let result: ExecutionResult;
      try {
        const query = compiledFor(document, operationName);
        // A document graphql-jit cannot compile is left to graphql-js, which words its errors.
        if (!isCompiledQuery(query)) return null;
        result = await query.query(undefined, contextValue, request.variables ?? {});
      } catch {
        // graphql-jit failed outside any resolver; graphql-js's execution reports what it finds.
        return null;
      }
      if (result.errors) return null;
      const response: GraphQLResponse = { http: NO_HTTP_HEAD, body: { kind: 'single', singleResult: result } };
      return response;
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
