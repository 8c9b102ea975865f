import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ArticleNode, GraphNode, QuoteNode, Span } from '../src/graph';
import { Article } from '../src/schema/article.type';
import { Claim } from '../src/schema/claim.type';
import { type ConnectionValue, toConnection } from '../src/schema/connection.type';
import { QuoteConnection } from '../src/schema/connections.type';
import type { GraphContext } from '../src/schema/context';
import { Entity } from '../src/schema/entity.interface';
import { QuoteFilter } from '../src/schema/filters.input';
import { PageArgs, toPageRequest } from '../src/schema/page.args';
import { Quote } from '../src/schema/quote.type';
import { SourceSpan } from '../src/schema/source-span.type';
import { givenFields, into, relatedList, relatedOne } from './related';
import { articleOfSpan, textOfSpan } from './spans';

/** Arguments of `quotes`. */
@ArgsType()
export class QuotesArgs extends PageArgs {
  @Field(() => QuoteFilter, { nullable: true, description: 'Which quotes to list (default: all).' })
  filter?: QuoteFilter;
}

/** Root listing of quotes, and the fields of a quote. */
@Resolver(() => Quote)
export class QuoteResolver {
  @Query(() => QuoteConnection, { description: 'Quotes, by article (in article order), then position in the text.' })
  async quotes(@Args() args: QuotesArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return toConnection(await ctx.store.listNodes({ kinds: ['QUOTE'], filter: givenFields(args.filter), page: toPageRequest(args) }));
  }

  @FieldResolver(() => String)
  async text(@Root() quote: QuoteNode, @Ctx() ctx: GraphContext): Promise<string> {
    return textOfSpan(quote.span, ctx);
  }

  @FieldResolver(() => Entity, { description: 'Who said it.' })
  async speaker(@Root() quote: QuoteNode, @Ctx() ctx: GraphContext): Promise<GraphNode | null> {
    return relatedOne(ctx, quote.id, [into('SAID')]);
  }

  @FieldResolver(() => Article, { description: 'The article the quote stands in.' })
  async article(@Root() quote: QuoteNode, @Ctx() ctx: GraphContext): Promise<ArticleNode> {
    return articleOfSpan(quote.span, ctx);
  }

  @FieldResolver(() => SourceSpan, { description: 'Where the quote stands in the article; `span.text` equals `text`.' })
  span(@Root() quote: QuoteNode): Span {
    return quote.span;
  }

  @FieldResolver(() => [Claim], { description: 'Claims the quote supports, in text order.' })
  async claims(@Root() quote: QuoteNode, @Ctx() ctx: GraphContext): Promise<readonly GraphNode[]> {
    return relatedList(ctx, quote.id, [into('SUPPORTED_BY')], ['CLAIM']);
  }
}
