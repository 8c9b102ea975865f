import { type GraphQLSchema, isEnumType, isInputObjectType, isObjectType } from 'graphql';
import type { EntityKeys } from './resolve-entities';

/**
 * The Apollo Federation version the schema links: the newest that
 * @apollo/subgraph 2.14 (and the composition of gateways of that line)
 * knows. @apollo/subgraph 2.15 knows v2.15, but it needs Node.js 22.
 */
export const FEDERATION_VERSION_URL = 'https://specs.apollo.dev/federation/v2.14';

/** The entity types of the schema and their keys: every node type by `id`, and the entity types also by `wikidataId`. */
export const ENTITY_KEYS: EntityKeys = {
  Article: ['id'],
  Person: ['id', 'wikidataId'],
  Organization: ['id', 'wikidataId'],
  Place: ['id', 'wikidataId'],
  Event: ['id', 'wikidataId'],
  Topic: ['id', 'wikidataId'],
  Quote: ['id'],
  Claim: ['id'],
  Figure: ['id'],
};

/** The SDL that makes the schema a Federation 2 subgraph: the link to the spec, and a `@key` for each key of each entity type. */
export function federationTypeDefs(keys: EntityKeys = ENTITY_KEYS): string {
  const link = `extend schema @link(url: "${FEDERATION_VERSION_URL}", import: ["@key"])`;
  const types = Object.entries(keys).map(([type, fields]) => `extend type ${type} ${fields.map((field) => `@key(fields: "${field}")`).join(' ')}`);
  return [link, ...types].join('\n');
}

/** What the types and fields that @apollo/subgraph adds say of themselves (it gives most of them no description). */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  _Any: 'A representation of an entity (Apollo Federation): an object with `__typename` and the fields of one of its keys, such as `{"__typename": "Person", "id": "person:mark-zuckerberg"}`.',
  _Entity: 'Every type that is an entity (Apollo Federation): a type another graph can refer to by its key.',
  _Service: 'What a gateway reads of this subgraph (Apollo Federation).',
  '_Service.sdl': 'The subgraph schema as SDL, with the federation link and every `@key`.',
  'Query._entities':
    'The entities named by `representations`, in the same order, with null for each one not in the graph (Apollo Federation; gateways ask it). Node types are found by `id`; Person, Organization, Place, Event and Topic also by `wikidataId`.',
  'Query._entities(representations)': 'Representations: `__typename` and `id` (or `wikidataId`).',
  'Query._service': "This subgraph's schema as SDL with its federation directives (Apollo Federation; gateways ask it to compose a supergraph).",
  link__Import: "An element imported by `@link`: a directive or type name (Apollo Federation's link spec, https://specs.apollo.dev/link/v1.0).",
  link__Purpose: 'Why a spec is linked (https://specs.apollo.dev/link/v1.0).',
  'link__Purpose.SECURITY': 'The spec provides metadata needed to resolve fields securely.',
  'link__Purpose.EXECUTION': 'The spec provides metadata needed to resolve fields at all.',
  federation__FieldSet: 'A selection of fields, as a string (`"id"`), in Apollo Federation directives such as `@key`.',
  federation__Scope: "A scope of Apollo Federation's `@requiresScopes`.",
  federation__Policy: "A policy of Apollo Federation's `@policy`.",
  federation__ContextFieldValue: "A value of Apollo Federation's `@fromContext`.",
};

/** Gives the types, fields, arguments and enum values that @apollo/subgraph adds a description where they have none. */
export function describeFederationTypes(schema: GraphQLSchema): void {
  const describe = (name: string, thing: { description?: string | null }) => {
    if (!thing.description && DESCRIPTIONS[name]) thing.description = DESCRIPTIONS[name];
  };
  for (const type of Object.values(schema.getTypeMap())) {
    describe(type.name, type);
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        describe(`${type.name}.${field.name}`, field);
        for (const arg of field.args) describe(`${type.name}.${field.name}(${arg.name})`, arg);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) describe(`${type.name}.${value.name}`, value);
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) describe(`${type.name}.${field.name}`, field);
    }
  }
}
