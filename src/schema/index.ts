/** The GraphQL schema: TypeGraphQL types, inputs, enums and the schema builder. */
export { buildGraphSchema } from './build-graph-schema';
export type { GraphContext } from './context';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page.args';
