import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphNode, Mention as MentionValue, Span } from '../src/graph';
import type { GraphContext } from '../src/schema/context';
import { Entity } from '../src/schema/entity.interface';
import { Mention } from '../src/schema/mention.type';
import { SourceSpan } from '../src/schema/source-span.type';

/** The entity and place of a mention. */
@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => Entity, { description: 'The entity named.' })
  async entity(@Root() mention: MentionValue, @Ctx() ctx: GraphContext): Promise<GraphNode | null> {
    return ctx.loaders.node.load(mention.entityId);
  }

  @FieldResolver(() => SourceSpan, { description: 'Where the name stands in the article.' })
  span(@Root() mention: MentionValue): Span {
    return mention.span;
  }
}
