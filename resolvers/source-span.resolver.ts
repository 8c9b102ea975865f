import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ArticleNode, Span } from '../src/graph';
import { Article } from '../src/schema/article.type';
import type { GraphContext } from '../src/schema/context';
import { SourceSpan } from '../src/schema/source-span.type';
import { articleOfSpan, textOfSpan } from './spans';

/** The article and words of a span. */
@Resolver(() => SourceSpan)
export class SourceSpanResolver {
  @FieldResolver(() => Article, { description: 'The article the words are in.' })
  async article(@Root() span: Span, @Ctx() ctx: GraphContext): Promise<ArticleNode> {
    return articleOfSpan(span, ctx);
  }

  @FieldResolver(() => String, { description: 'The words themselves: always `article.text.slice(start, end)`.' })
  async text(@Root() span: Span, @Ctx() ctx: GraphContext): Promise<string> {
    return textOfSpan(span, ctx);
  }
}
