import { GraphQLError } from 'graphql';
import type { GraphNode } from '../graph';
import type { GraphContext } from './context';
import { TYPE_NAME_OF_KIND } from './node.interface';
import { wikidataIriOf } from './wikidata';

/** A representation of an entity, as a gateway sends it to `_entities`: its type and the fields of one of its keys. */
interface Representation {
  readonly __typename?: unknown;
  readonly id?: unknown;
  readonly wikidataId?: unknown;
}

/** The type names that are entities, and which keys each takes. */
export type EntityKeys = Readonly<Record<string, readonly ('id' | 'wikidataId')[]>>;

function badRepresentation(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'representations' } });
}

/**
 * The resolver of `Query._entities` (Apollo Federation's entry point for a
 * gateway): each representation names a node by `id`, or an entity by
 * `wikidataId`, and all are loaded through the request's DataLoaders, so
 * many representations cost one batch per key. Null for a node not in the
 * graph, or of another type than the representation says.
 *
 * It replaces @apollo/subgraph's own resolver, which writes `__typename` on
 * each object it returns: these are the graph's shared nodes
 * (https://www.apollographql.com/docs/graphos/reference/federation/subgraph-spec#resolve-requests-for-entities).
 */
export function resolveEntities(keys: EntityKeys) {
  return (_root: unknown, args: { representations: readonly Representation[] }, ctx: GraphContext): Promise<(GraphNode | null)[]> =>
    Promise.all(
      args.representations.map(async (representation) => {
        const typeName = representation.__typename;
        const allowed = typeof typeName === 'string' && Object.hasOwn(keys, typeName) ? keys[typeName] : undefined;
        if (!allowed)
          throw badRepresentation(`${JSON.stringify(typeName)} is not an entity type of this graph; entity types are ${Object.keys(keys).join(', ')}`);
        let node: GraphNode | null;
        if (typeof representation.id === 'string') {
          node = await ctx.loaders.node.load(representation.id);
        } else if (allowed.includes('wikidataId') && typeof representation.wikidataId === 'string') {
          const iri = wikidataIriOf(representation.wikidataId);
          node = iri === null ? null : await ctx.loaders.entityBySameAs.load(iri);
        } else {
          throw badRepresentation(`A representation of ${typeName} needs ${allowed.map((key) => `"${key}"`).join(' or ')} (a string)`);
        }
        return node && TYPE_NAME_OF_KIND[node.kind] === typeName ? node : null;
      }),
    );
}
