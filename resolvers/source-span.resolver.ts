import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ArticleNode, Mention, Span } from '../src/graph';
import { Article } from '../src/schema/article.type';
import type { GraphContext } from '../src/schema/context';
import { Entity } from '../src/schema/entity.interface';
import { Mention as MentionType } from '../src/schema/mention.type';
import { SourceSpan } from '../src/schema/source-span.type';

/** The article a span is in. */
export async function articleOfSpan(span: Span, ctx: GraphContext): Promise<ArticleNode> {
  return (await ctx.loaders.node.load(span.articleId)) as ArticleNode;
}

/** The article and words of a span. */
@Resolver(() => SourceSpan)
export class SourceSpanResolver {
  @FieldResolver(() => Article, { description: 'The article the words are in.' })
  async article(@Root() span: Span, @Ctx() ctx: GraphContext): Promise<ArticleNode> {
    return articleOfSpan(span, ctx);
  }

  @FieldResolver(() => String, { description: 'The words themselves: always `article.text.slice(start, end)`.' })
  async text(@Root() span: Span, @Ctx() ctx: GraphContext): Promise<string> {
    return (await articleOfSpan(span, ctx)).text.slice(span.start, span.end);
  }
}

/** The entity and place of a mention. */
@Resolver(() => MentionType)
export class MentionResolver {
  @FieldResolver(() => Entity, { description: 'The entity named.' })
  async entity(@Root() mention: Mention, @Ctx() ctx: GraphContext) {
    return ctx.loaders.node.load(mention.entityId);
  }

  @FieldResolver(() => SourceSpan, { description: 'Where the name stands in the article.' })
  span(@Root() mention: Mention): Span {
    return mention.span;
  }
}
