import 'reflect-metadata';
import { type GraphQLSchema, isInterfaceType } from 'graphql';
import { buildSchema } from 'type-graphql';
import { resolvers } from '../../resolvers';
import { useDirectFieldResolvers } from './direct-field-resolvers';
import { Event } from './event.type';
import { resolveNodeType } from './node.interface';
import { Organization } from './organization.type';
import { Person } from './person.type';
import { Place } from './place.type';
import { Topic } from './topic.type';

let built: Promise<GraphQLSchema> | undefined;

/**
 * Builds the GraphQL schema from the TypeGraphQL classes. The schema does not
 * depend on the data, so it is built once per process and shared.
 */
export function buildGraphSchema(): Promise<GraphQLSchema> {
  built ??= buildTypeGraphQLSchema().then((schema) => {
    useDirectFieldResolvers(schema, resolvers);
    return schema;
  });
  return built;
}

/**
 * A new copy of the schema with TypeGraphQL's own wrapper around every field
 * resolver method (see useDirectFieldResolvers): what `buildGraphSchema`
 * starts from, kept as the reference its answers are compared with.
 */
export async function buildTypeGraphQLSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    orphanedTypes: [Person, Organization, Place, Event, Topic],
    validate: false,
  });
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
