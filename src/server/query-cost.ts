import type { DocumentNode, GraphQLSchema } from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_NEIGHBORHOOD_LIMIT, DEFAULT_PAGE_SIZE, MAX_NEIGHBORHOOD_LIMIT, MAX_PAGE_SIZE } from '../schema';

/**
 * Costs a list field by how many items it may return: a field with a `first`
 * argument (every connection) costs 1 + first × the cost of one item, one
 * with a `limit` argument (neighborhood) 1 + limit × the cost of one item,
 * one taking `ids` 1 + (number of ids) × the cost of one item, and
 * federation's `_entities` 1 + (number of representations) × the cost of one. An argument
 * left out has its schema default. `first` counts as at most MAX_PAGE_SIZE,
 * since the resolvers refuse more with BAD_USER_INPUT (a clearer error than a
 * cost one). Other fields are left to simpleEstimator.
 */
export const pageCostEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  // An explicit null takes the default, as the resolvers do.
  if ('first' in args) return 1 + Math.min(Math.max(args.first ?? DEFAULT_PAGE_SIZE, 0), MAX_PAGE_SIZE) * childComplexity;
  if ('limit' in args) return 1 + Math.min(Math.max(args.limit ?? DEFAULT_NEIGHBORHOOD_LIMIT, 0), MAX_NEIGHBORHOOD_LIMIT) * childComplexity;
  if (Array.isArray(args.ids)) return 1 + args.ids.length * childComplexity;
  if (Array.isArray(args.representations)) return 1 + args.representations.length * childComplexity;
  return undefined;
};

/** Estimators of the query cost, most specific first: pages, then 1 per field. */
export const QUERY_COST_ESTIMATORS: readonly ComplexityEstimator[] = [pageCostEstimator, simpleEstimator({ defaultComplexity: 1 })];

/**
 * Most selections the cost walk visits, fragments expanded, before it gives
 * up; a document that expands to more is refused as too complex.
 */
export const MAX_COST_WALK_NODES = 10_000;

/**
 * The estimated cost of running `operationName` of `document` with
 * `variables`, or `Infinity` when its fragments expand to more than
 * MAX_COST_WALK_NODES selections. Throws a GraphQLError when the variables
 * do not fit the operation (execution reports those as BAD_USER_INPUT).
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName: operationName ?? undefined,
      estimators: [...QUERY_COST_ESTIMATORS],
      maxQueryNodes: MAX_COST_WALK_NODES,
    });
  } catch (error) {
    // graphql-query-complexity signals the node limit only by this message.
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) return Infinity;
    throw error;
  }
}
