import { type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { type DocumentNode, type ExecutionResult, GraphQLError, type GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { type GraphContext, restartExecution } from '../schema';

/** Options of NewsgraphJitExecutionPlugin. */
export interface NewsgraphJitExecutionPluginOptions {
  /** Most compiled operations kept per document (one per operation name). Default 16. */
  readonly maxOperationsPerDocument?: number;
  /**
   * The request at which an operation is compiled (a whole number from 1): 2
   * compiles it when it reaches Apollo for the second time, and graphql-js
   * answers the first. A response-cache hit does not reach Apollo. Default 2.
   */
  readonly compileAtUse?: number;
  /**
   * Most compilations per second, with bursts of as many (at least one); an
   * operation due for compiling when none is left is answered by graphql-js,
   * and compiled at a later request. Default 5; `Infinity` for no limit, 0
   * to compile nothing.
   */
  readonly maxCompilesPerSecond?: number;
  /** The clock, in milliseconds. Default `performance.now`. */
  readonly now?: () => number;
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
 * Compiling costs far more than one execution (bench/README.md has the
 * figures), and pays only for operations that come again. So an
 * operation is compiled at its second request (`compileAtUse`); graphql-js
 * answers the first. Compilations are also limited to `maxCompilesPerSecond`,
 * shared by all clients: a stream of new documents, even each sent twice,
 * costs at most that many compilations a second, and the operations due
 * beyond it are answered by graphql-js until there is room.
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
 * Not Apollo's gateway interface, the other way in: it keeps every request's
 * answer alive through young collections (bench/README.md).
 */
export function NewsgraphJitExecutionPlugin(schema: GraphQLSchema, options: NewsgraphJitExecutionPluginOptions = {}): ApolloServerPlugin<GraphContext> {
  const maxPerDocument = options.maxOperationsPerDocument ?? 16;
  const compileAtUse = options.compileAtUse ?? 2;
  const maxCompilesPerSecond = options.maxCompilesPerSecond ?? 5;
  if (!Number.isInteger(compileAtUse) || compileAtUse < 1) {
    throw new RangeError(`compileAtUse must be a whole number from 1, not ${compileAtUse}`);
  }
  if (!(maxCompilesPerSecond >= 0)) {
    throw new RangeError(`maxCompilesPerSecond must be 0 or more (Infinity for no limit), not ${maxCompilesPerSecond}`);
  }
  // A burst of at least one, so that a rate below one a second still compiles.
  const burst = Math.max(1, maxCompilesPerSecond);
  const now = options.now ?? (() => performance.now());
  // Per document and operation name: the compiled operation (or graphql-jit's
  // errors, when it cannot compile it), or how many times it was asked for.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult | number>>();
  // Compilations left now (a token bucket, refilled continuously).
  let compilesLeft = maxCompilesPerSecond > 0 ? burst : 0;
  let refilledAt = now();

  const mayCompile = (): boolean => {
    if (maxCompilesPerSecond === Infinity) return true;
    const at = now();
    // A clock that steps back refills nothing (and takes nothing).
    compilesLeft = Math.min(burst, compilesLeft + (Math.max(0, at - refilledAt) / 1000) * maxCompilesPerSecond);
    refilledAt = at;
    if (compilesLeft < 1) return false;
    compilesLeft -= 1;
    return true;
  };

  /** The compiled operation, or undefined while graphql-js is to answer it. */
  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | ExecutionResult | undefined => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const name = operationName ?? '';
    const known = byName.get(name);
    if (known !== undefined && typeof known !== 'number') return known;
    if (known === undefined && byName.size >= maxPerDocument) byName.clear();
    const uses = (known ?? 0) + 1;
    if (uses < compileAtUse || !mayCompile()) {
      byName.set(name, Math.min(uses, compileAtUse));
      return undefined;
    }
    let query: CompiledQuery | ExecutionResult;
    try {
      query = compileQuery(schema, document, operationName ?? undefined);
    } catch (error) {
      // Kept as graphql-jit's answer for this operation, so that it is not compiled again.
      query = { errors: [new GraphQLError(`graphql-jit could not compile the operation: ${(error as Error).message}`)] };
    }
    byName.set(name, query);
    return query;
  };

  // One listener for every request: nothing is allocated per request.
  const listener: GraphQLRequestListener<GraphContext> = {
    async responseForOperation({ document, operation, operationName, request, contextValue }) {
      // No operation of the name asked for: graphql-js says so.
      if (!operation) return null;
      let result: ExecutionResult;
      const query = compiledFor(document, operationName);
      // Not compiled (yet), or a document graphql-jit cannot compile: graphql-js answers, and words any errors.
      if (query === undefined || !isCompiledQuery(query)) return null;
      try {
        result = await query.query(undefined, contextValue, request.variables ?? {});
      } catch {
        // The compiled operation failed outside any resolver; graphql-js's execution reports what it finds.
        restartExecution(contextValue);
        return null;
      }
      if (result.errors) {
        restartExecution(contextValue);
        return null;
      }
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
