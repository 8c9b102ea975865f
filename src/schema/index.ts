/** The GraphQL schema: TypeGraphQL types, inputs, enums and the schema builder. */
export { buildGraphSchema } from './build-graph-schema';
export type { GraphContext } from './context';
export * from './limits';
