import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { type DocumentNode, type ExecutionResult, getVariableValues, GraphQLError, type GraphQLSchema, printSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/** Options of the compiled executor. */
export interface JitGatewayOptions {
  /** Most compiled operations kept per document (one per operation name). Default 16. */
  readonly maxOperationsPerDocument?: number;
}

/**
 * Executes operations with graphql-jit behind Apollo Server, through its
 * gateway interface: each operation is compiled to JavaScript once and the
 * compiled function is reused. Apollo keeps doing everything else (parsing,
 * validation and every limit, plugins, error formatting, HTTP); only the
 * execution step changes. The schema is a fixed one: it is handed to Apollo
 * once, at load.
 */
export function createJitGateway(schema: GraphQLSchema, options: JitGatewayOptions = {}): GatewayInterface {
  const maxPerDocument = options.maxOperationsPerDocument ?? 16;
  // Apollo hands the same parsed document to every request with the same query
  // text (its document store), so compiled operations are kept by document.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
  const callbacks = new Set<GraphQLSchemaCallback>();

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operationName } = requestContext;
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let query = byName.get(operationName ?? '');
    if (!query) {
      query = compileQuery(schema, document, operationName ?? undefined);
      if (byName.size >= maxPerDocument) byName.clear();
      byName.set(operationName ?? '', query);
    }
    // A document that cannot be compiled (it does not validate) answers with its errors.
    if (!isCompiledQuery(query)) return query;
    const variables = requestContext.request.variables ?? {};
    const result = await query.query(undefined, requestContext.context, variables);
    if (!result.errors) return result;
    if (!('data' in result)) {
      // graphql-jit refused the variables before executing anything. graphql-js's
      // errors for them point at the variable definitions, which is how Apollo
      // tells them apart (400 BAD_USER_INPUT): those are the ones answered.
      const coerced = getVariableValues(schema, requestContext.operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    return { ...result, errors: result.errors.map(asGraphQLError) };
  };

  return {
    async load() {
      const sdl = printSchema(schema);
      for (const callback of callbacks) callback({ apiSchema: schema, coreSupergraphSdl: sdl });
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
    async stop() {},
  };
}

type GraphQLSchemaCallback = GatewaySchemaLoadOrUpdateCallback;

/**
 * graphql-jit reports a resolver's error in an error object of its own, with
 * no `extensions`. Apollo's error formatting expects graphql-js's errors: this
 * gives it one as graphql-js would have (the thrown GraphQLError's message and
 * extensions, or the thrown error as `originalError`), at the same path and
 * locations.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (error instanceof GraphQLError && error.extensions) return error;
  const original = error.originalError;
  const thrown = original instanceof GraphQLError ? original : undefined;
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: thrown ? thrown.originalError : original,
    extensions: thrown?.extensions,
  });
  // graphql-js derives locations from AST nodes, which graphql-jit does not keep; its own locations are right.
  (converted as { locations?: unknown }).locations = error.locations;
  return converted;
}
