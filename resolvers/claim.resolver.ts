import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ArticleNode, ClaimNode, GraphNode, Span } from '../src/graph';
import { Article } from '../src/schema/article.type';
import { Claim } from '../src/schema/claim.type';
import { type ConnectionValue, toConnection } from '../src/schema/connection.type';
import { ClaimConnection } from '../src/schema/connections.type';
import type { GraphContext } from '../src/schema/context';
import { Entity } from '../src/schema/entity.interface';
import { Figure } from '../src/schema/figure.type';
import { ClaimFilter } from '../src/schema/filters.input';
import { PageArgs, toPageRequest } from '../src/schema/page.args';
import { Quote } from '../src/schema/quote.type';
import { SourceSpan } from '../src/schema/source-span.type';
import { givenFields, into, out, relatedList, relatedOne } from './related';
import { articleOfSpan } from './spans';

/** Arguments of `claims`. */
@ArgsType()
export class ClaimsArgs extends PageArgs {
  @Field(() => ClaimFilter, { nullable: true, description: 'Which claims to list (default: all).' })
  filter?: ClaimFilter;
}

/** Root listing of claims, and the fields of a claim. */
@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => ClaimConnection, { description: 'Claims, by article (in article order), then position in the text.' })
  async claims(@Args() args: ClaimsArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return toConnection(await ctx.store.listNodes({ kinds: ['CLAIM'], filter: givenFields(args.filter), page: toPageRequest(args) }));
  }

  @FieldResolver(() => Entity, { nullable: true, description: "Who makes the claim; null only for an EDITORIAL claim (the article's own voice)." })
  async claimant(@Root() claim: ClaimNode, @Ctx() ctx: GraphContext): Promise<GraphNode | null> {
    return relatedOne(ctx, claim.id, [into('CLAIMS')]);
  }

  @FieldResolver(() => [Entity], { description: 'The entities the claim is about, in entity order (by name).' })
  async subjects(@Root() claim: ClaimNode, @Ctx() ctx: GraphContext): Promise<readonly GraphNode[]> {
    return relatedList(ctx, claim.id, [out('ABOUT')]);
  }

  @FieldResolver(() => [Quote], { description: 'Quotes that support the claim, in text order.' })
  async quotes(@Root() claim: ClaimNode, @Ctx() ctx: GraphContext): Promise<readonly GraphNode[]> {
    return relatedList(ctx, claim.id, [out('SUPPORTED_BY')], ['QUOTE']);
  }

  @FieldResolver(() => [Figure], { description: 'Figures the claim states, in text order.' })
  async figures(@Root() claim: ClaimNode, @Ctx() ctx: GraphContext): Promise<readonly GraphNode[]> {
    return relatedList(ctx, claim.id, [out('STATES')], ['FIGURE']);
  }

  @FieldResolver(() => Article, { description: 'The article that makes or reports the claim.' })
  async article(@Root() claim: ClaimNode, @Ctx() ctx: GraphContext): Promise<ArticleNode> {
    return articleOfSpan(claim.span, ctx);
  }

  @FieldResolver(() => SourceSpan, { description: 'The words of the article the claim rests on.' })
  span(@Root() claim: ClaimNode): Span {
    return claim.span;
  }
}
