import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { resolvers } from '../../resolvers';
import { Event } from './event.type';
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
  built ??= buildSchema({
    resolvers,
    orphanedTypes: [Person, Organization, Place, Event, Topic],
    validate: false,
  });
  return built;
}
