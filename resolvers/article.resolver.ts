import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ArticleNode, GraphNode, Mention } from '../src/graph';
import { Article } from '../src/schema/article.type';
import { type ConnectionValue, toConnection } from '../src/schema/connection.type';
import { ArticleConnection, ClaimConnection, EntityConnection, FigureConnection, MentionConnection, QuoteConnection } from '../src/schema/connections.type';
import { loadEvery } from '../src/loaders';
import type { GraphContext } from '../src/schema/context';
import { PageArgs, toPageRequest } from '../src/schema/page.args';
import { out, relatedConnection } from './related';

/** Root fields for articles, and the lists an article holds. */
@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: 'The article with this id; null when there is none.' })
  async article(@Arg('id', () => ID, { description: 'An article id (`article:<slug>`).' }) id: string, @Ctx() ctx: GraphContext): Promise<GraphNode | null> {
    const node = await ctx.loaders.node.load(id);
    return node?.kind === 'ARTICLE' ? node : null;
  }

  @Query(() => ArticleConnection, { description: 'All articles, ordered by id.' })
  async articles(@Args() args: PageArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return toConnection(await ctx.store.listNodes({ kinds: ['ARTICLE'], page: toPageRequest(args) }));
  }

  @FieldResolver(() => EntityConnection, { description: 'Entities the article mentions, in the order of their first mention in the text.' })
  async entities(@Root() article: ArticleNode, @Args() args: PageArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    // One MENTIONS edge per entity, ordered by its first mention: paging the edges pages the entities in that order.
    const page = await ctx.loaders.edges.load({ nodeId: article.id, direction: 'OUT', predicates: ['MENTIONS'], page: toPageRequest(args) });
    const entities = (await loadEvery(
      ctx.loaders.node,
      page.items.map((edge) => edge.to),
    )) as GraphNode[];
    return toConnection({ ...page, items: entities });
  }

  @FieldResolver(() => QuoteConnection, { description: 'Quotes in the article, in text order.' })
  async quotes(@Root() article: ArticleNode, @Args() args: PageArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return relatedConnection(ctx, article.id, [out('CONTAINS')], ['QUOTE'], args);
  }

  @FieldResolver(() => ClaimConnection, { description: 'Claims in the article, in text order.' })
  async claims(@Root() article: ArticleNode, @Args() args: PageArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return relatedConnection(ctx, article.id, [out('CONTAINS')], ['CLAIM'], args);
  }

  @FieldResolver(() => FigureConnection, { description: 'Figures in the article, in text order.' })
  async figures(@Root() article: ArticleNode, @Args() args: PageArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return relatedConnection(ctx, article.id, [out('CONTAINS')], ['FIGURE'], args);
  }

  @FieldResolver(() => MentionConnection, { description: 'Every mention of an entity in the article, in text order.' })
  async mentions(@Root() article: ArticleNode, @Args() args: PageArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<Mention>> {
    return toConnection(await ctx.loaders.mentions.load({ articleId: article.id, page: toPageRequest(args) }));
  }
}
