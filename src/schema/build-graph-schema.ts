import 'reflect-metadata';
import { type GraphQLSchema, isInterfaceType } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { useDirectFieldResolvers } from './direct-field-resolvers';
import { Event } from './event.type';
import { resolveNodeType } from './node.interface';
import { Organization } from './organization.type';
import { Person } from './person.type';
import { Place } from './place.type';
import { Topic } from './topic.type';

/** The resolver classes a schema is built from (TypeGraphQL's `resolvers` option). */
export type ResolverClasses = NonEmptyArray<new () => unknown>;

/**
 * Builds the GraphQL schema from the TypeGraphQL types and `resolvers`, with
 * direct field resolvers (see useDirectFieldResolvers). The schema does not
 * depend on the data: build it once per process.
 */
export async function buildGraphSchema(resolvers: ResolverClasses): Promise<GraphQLSchema> {
  const schema = await buildTypeGraphQLSchema(resolvers);
  useDirectFieldResolvers(schema, resolvers);
  return schema;
}

/** What `Query` says of itself in the schema (TypeGraphQL has no option for the root types' descriptions). */
export const QUERY_DESCRIPTION =
  'The entry points of the news graph: look nodes up by id (`node`, `nodes`, `article`), list them with filters (`articles`, `people`, `claims`, `quotes`, `figures`, ...), ' +
  'search them by words (`search`), and ask how they connect (`path`, `neighborhood`). Every fact carries the words of the article it rests on (`SourceSpan`).';

/**
 * The schema with TypeGraphQL's own wrapper around every field resolver
 * method (see useDirectFieldResolvers): what `buildGraphSchema` starts from,
 * kept as the reference its answers are compared with.
 */
export async function buildTypeGraphQLSchema(resolvers: ResolverClasses): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    orphanedTypes: [Person, Organization, Place, Event, Topic],
    validate: false,
  });
  schema.getQueryType()!.description = QUERY_DESCRIPTION;
  return withSyncTypeResolution(schema);
}

/**
 * TypeGraphQL wraps `resolveType` in an async function. The node kind names
 * the type synchronously, so the interfaces get the plain function back:
 * that spares a promise per abstract value, and compiled executors such as
 * graphql-jit (which expect a synchronous answer) can resolve the types.
 */
function withSyncTypeResolution(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInterfaceType(type) && (type.name === 'Node' || type.name === 'Entity')) type.resolveType = resolveNodeType;
  }
  return schema;
}
