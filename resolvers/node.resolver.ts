import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GraphNode } from '../src/graph';
import { loadEvery } from '../src/loaders';
import type { GraphContext } from '../src/schema/context';
import { Node } from '../src/schema/node.interface';
import { textOfSpan } from './spans';

import { MAX_NODES_IDS } from '../src/schema/limits';

const LABEL_LENGTH = 80;

/** Shortens a text to a label: whole words, with an ellipsis when cut. */
export function shorten(text: string, max = LABEL_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Root fields that refetch any node, and the fields every node has. */
@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'The node with this id, of any kind; null when there is none.' })
  async node(@Arg('id', () => ID, { description: 'A node id.' }) id: string, @Ctx() ctx: GraphContext): Promise<GraphNode | null> {
    return ctx.loaders.node.load(id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `The nodes with these ids, in the same order, with null for each unknown id. At most ${MAX_NODES_IDS} ids.`,
  })
  async nodes(
    @Arg('ids', () => [ID], { description: `Node ids (at most ${MAX_NODES_IDS}).` }) ids: string[],
    @Ctx() ctx: GraphContext,
  ): Promise<(GraphNode | null)[]> {
    if (ids.length > MAX_NODES_IDS) {
      throw new GraphQLError(`"ids" may hold at most ${MAX_NODES_IDS} ids; got ${ids.length}`, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'ids' } });
    }
    return loadEvery(ctx.loaders.node, ids);
  }

  @FieldResolver(() => String)
  async label(@Root() node: GraphNode, @Ctx() ctx: GraphContext): Promise<string> {
    switch (node.kind) {
      case 'ARTICLE':
        return node.headline;
      case 'QUOTE':
        return shorten(await textOfSpan(node.span, ctx));
      case 'CLAIM':
        return shorten(node.text);
      case 'FIGURE':
        return node.label;
      default:
        return node.name;
    }
  }

  @FieldResolver(() => String)
  iri(@Root() node: GraphNode, @Ctx() ctx: GraphContext): string {
    return ctx.iriBase + node.id;
  }
}
