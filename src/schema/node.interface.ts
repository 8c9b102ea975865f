import { Field, ID, InterfaceType } from 'type-graphql';
import type { GraphNode } from '../graph';
import { NodeKind } from './node-kind.enum';

/** GraphQL type name of each node kind. */
export const TYPE_NAME_OF_KIND: Readonly<Record<NodeKind, string>> = {
  ARTICLE: 'Article',
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
  EVENT: 'Event',
  TOPIC: 'Topic',
  QUOTE: 'Quote',
  CLAIM: 'Claim',
  FIGURE: 'Figure',
};

/** The GraphQL type of a graph node. */
export function resolveNodeType(node: GraphNode): string {
  return TYPE_NAME_OF_KIND[node.kind as NodeKind];
}

/** Relay's Node: anything with a global id that `node(id)` can refetch. */
@InterfaceType({
  description: 'Anything in the graph with a global id (Relay global object identification). Refetch any node with `node(id)` or `nodes(ids)`.',
  resolveType: resolveNodeType,
})
export abstract class Node {
  @Field(() => ID, {
    description:
      'Stable, global, human-readable id: `<kind>:<slug>` for articles and entities (`person:mark-zuckerberg`), ' +
      '`<kind>:<article slug>/<key>` for quotes, claims and figures. The same thing keeps the same id across articles and reloads.',
  })
  id!: string;

  @Field(() => NodeKind, { description: 'The kind of node.' })
  kind!: NodeKind;

  @Field({ description: 'A short human label for lists and graph drawings: a name, a headline, or the start of a text.' })
  label!: string;

  @Field({ description: 'Absolute IRI of the node (the configured IRI base followed by the id), for linking from other graphs and JSON-LD.' })
  iri!: string;
}
