import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Edge, GraphNode, Span } from '../src/graph';
import type { GraphContext } from '../src/schema/context';
import { Node } from '../src/schema/node.interface';
import { Relation } from '../src/schema/relation.type';
import { SourceSpan } from '../src/schema/source-span.type';

/** The ends and source of an edge. */
@Resolver(() => Relation)
export class RelationResolver {
  @FieldResolver(() => Node, { description: 'Where the edge starts.' })
  async from(@Root() edge: Edge, @Ctx() ctx: GraphContext): Promise<GraphNode> {
    return (await ctx.loaders.node.load(edge.from))!;
  }

  @FieldResolver(() => Node, { description: 'Where the edge ends.' })
  async to(@Root() edge: Edge, @Ctx() ctx: GraphContext): Promise<GraphNode> {
    return (await ctx.loaders.node.load(edge.to))!;
  }

  @FieldResolver(() => SourceSpan, {
    nullable: true,
    description: 'The words of the article the edge rests on: for a quote, claim or figure, its own words; for a mention, the first one.',
  })
  span(@Root() edge: Edge): Span | null {
    return edge.span;
  }
}
