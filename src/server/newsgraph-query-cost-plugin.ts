import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { queryCost } from './query-cost';
import { QueryLimitError } from './query-limit-error';

/** Options of NewsgraphQueryCostPlugin. */
export interface NewsgraphQueryCostPluginOptions {
  /** Highest estimated cost of an operation (see `queryCost`). Default 25000. */
  readonly maxCost?: number;
  /** Called with the cost of every operation that was costed, refused or not. Default: nothing. */
  readonly onCost?: (cost: number, requestContext: GraphQLRequestContext<BaseContext>) => void;
}

/**
 * Refuses, before execution, an operation whose estimated cost (with the
 * request's variables) is over the limit: HTTP 400, QUERY_TOO_COMPLEX, with
 * the cost and the limit in the extensions. Costed per request, since
 * variables such as `first` change the cost of the same document.
 */
export function NewsgraphQueryCostPlugin(options: NewsgraphQueryCostPluginOptions = {}): ApolloServerPlugin<BaseContext> {
  const maxCost = options.maxCost ?? 25_000;
  // Apollo hands the same parsed document to every request with the same query
  // text, so the cost of a (document, operation, variables) is computed once.
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (requestContext: GraphQLRequestContext<BaseContext>): number => {
    const { document, operationName, schema } = requestContext;
    const variables = requestContext.request.variables;
    const key = `${operationName ?? ''}\n${variables ? JSON.stringify(variables) : ''}`;
    let costs = known.get(document!);
    if (!costs) known.set(document!, (costs = new Map()));
    let cost = costs.get(key);
    if (cost === undefined) {
      cost = queryCost(schema, document!, variables, operationName);
      // Bounded: a document asked with ever new variables keeps only its latest costs.
      if (costs.size >= 64) costs.clear();
      costs.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          let cost: number;
          try {
            cost = costOf(requestContext);
          } catch {
            // Variables that do not fit the operation: execution refuses them with BAD_USER_INPUT.
            return;
          }
          options.onCost?.(cost, requestContext);
          if (cost > maxCost) {
            const name = requestContext.operationName ? `Operation "${requestContext.operationName}"` : 'The operation';
            const size = Number.isFinite(cost) ? `has an estimated cost of ${cost}` : 'expands to too many fields to cost';
            throw new QueryLimitError(
              'QUERY_TOO_COMPLEX',
              `${name} ${size}; the limit is ${maxCost}. Ask for smaller pages (a lower "first", especially on nested lists) or fewer fields.`,
              Number.isFinite(cost) ? { limit: maxCost, actual: cost } : { limit: maxCost },
            );
          }
        },
      };
    },
  };
}
