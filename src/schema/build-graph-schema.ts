import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { type GraphQLFieldResolver, type GraphQLSchema, isInterfaceType, isUnionType, parse, printSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { useDirectFieldResolvers } from './direct-field-resolvers';
import { describeFederationTypes, ENTITY_KEYS, federationTypeDefs } from './federation';
import { resolveEntities } from './resolve-entities';
import { Event } from './event.type';
import { resolveNodeType } from './node.interface';
import { Organization } from './organization.type';
import { Person } from './person.type';
import { Place } from './place.type';
import { Topic } from './topic.type';

/** The resolver classes a schema is built from (TypeGraphQL's `resolvers` option). */
export type ResolverClasses = NonEmptyArray<new () => unknown>;

/**
 * Builds the GraphQL schema from the TypeGraphQL types and `resolvers`: an
 * Apollo Federation 2 subgraph (every node type an entity, see ENTITY_KEYS,
 * with `_entities` and `_service`) that serves stand-alone just as well,
 * with direct field resolvers (see useDirectFieldResolvers). The schema does
 * not depend on the data: build it once per process.
 *
 * As TypeGraphQL's apollo-federation-2 example does, the TypeGraphQL schema
 * is printed, given the federation link and keys, and built again by
 * @apollo/subgraph with the same resolvers
 * (https://github.com/MichalLytek/type-graphql/tree/master/examples/apollo-federation-2).
 */
export async function buildGraphSchema(resolvers: ResolverClasses): Promise<GraphQLSchema> {
  const typeGraphQLSchema = await buildTypeGraphQLSchema(resolvers);
  const schema = buildSubgraphSchema({
    typeDefs: [parse(printSchema(typeGraphQLSchema)), parse(federationTypeDefs(ENTITY_KEYS))],
    resolvers: createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<unknown>,
  });
  describeFederationTypes(schema);
  schema.getQueryType()!.getFields()._entities.resolve = resolveEntities(ENTITY_KEYS) as GraphQLFieldResolver<unknown, unknown>;
  withSyncTypeResolution(schema);
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
    // TypeGraphQL's check runs the whole introspection query on the new schema; buildSubgraphSchema validates it as it builds it again.
    skipCheck: true,
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
    // _Entity is federation's union of the entity types, which are all nodes.
    if ((isInterfaceType(type) && (type.name === 'Node' || type.name === 'Entity')) || (isUnionType(type) && type.name === '_Entity'))
      type.resolveType = resolveNodeType;
  }
  return schema;
}
