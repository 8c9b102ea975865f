/** The GraphQL schema: TypeGraphQL types, inputs, enums, the request context and the schema builder. */
export { buildGraphSchema, buildTypeGraphQLSchema, type ResolverClasses } from './build-graph-schema';
export { createGraphContext, type GraphContext, type GraphContextOptions, restartExecution } from './context';
export { isDirectFieldResolver, useDirectFieldResolvers } from './direct-field-resolvers';
export * from './limits';
