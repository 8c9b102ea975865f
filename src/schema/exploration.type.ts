import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MAX_NEIGHBORHOOD_EDGES } from '../graph';
import { createConnectionType } from './connection.type';
import { Node } from './node.interface';
import { Relation } from './relation.type';

/** One ranked search hit. */
@ObjectType({ simpleResolvers: true, description: 'One hit of a full-text search: the node, how well it matches, and the matching words in context.' })
export class SearchHit {
  @Field(() => Float, {
    description:
      'Relevance (BM25 weighted by field and kind, with bonuses for matching every term and for terms side by side). Hits come highest first; compare scores only within one search.',
  })
  score!: number;

  @Field({ description: 'The matching words in context, each marked «like this»; "…" where the text is cut.' })
  snippet!: string;

  @Field(() => Node, { description: 'The node that matched.' })
  node!: unknown;
}

/** A page of search hits. */
export const SearchHitConnection = createConnectionType('SearchHit', () => SearchHit, 'search hits, best first');

/** A shortest path between two nodes. */
@ObjectType({
  simpleResolvers: true,
  description:
    "A shortest path between two nodes over every kind of edge, each followed in either direction. `edges[i]` joins `nodes[i]` and `nodes[i+1]`; its `from` and `to` keep the edge's own direction.",
})
export class Path {
  @Field(() => Int, { description: 'Number of edges on the path (0 from a node to itself).' })
  hops!: number;

  @Field(() => [Node], { description: 'The nodes from `from` to `to`, both included.' })
  nodes!: unknown[];

  @Field(() => [Relation], { description: 'The edges joining consecutive nodes.' })
  edges!: unknown[];
}

/** The subgraph around a node. */
@ObjectType({ simpleResolvers: true, description: 'The nodes within some edges of a centre node and the edges among them, ready for a graph drawing.' })
export class Neighborhood {
  @Field(() => Node, { description: 'The centre node.' })
  center!: unknown;

  @Field(() => [Node], {
    description:
      "The centre first, then the nodes one edge away, then two, ...: breadth-first, each node's neighbours in edge order (by article, then position in the text).",
  })
  nodes!: unknown[];

  @Field(() => [Relation], { description: 'Every edge (of the chosen predicates) whose both ends are in `nodes`, in edge order.' })
  edges!: unknown[];

  @Field({ description: 'True when `limit` cut the nodes short: there are more within `depth` than returned.' })
  truncated!: boolean;

  @Field({
    description: `True when the nodes have more edges among them than a neighbourhood returns (${MAX_NEIGHBORHOOD_EDGES}): \`edges\` then holds the first found from the centre outwards, in edge order.`,
  })
  edgesTruncated!: boolean;
}
