import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type ArticleNode, type FigureNode, type GraphNode, type Span, unitKind } from '../src/graph';
import { Article } from '../src/schema/article.type';
import { Claim } from '../src/schema/claim.type';
import { type ConnectionValue, toConnection } from '../src/schema/connection.type';
import { FigureConnection } from '../src/schema/connections.type';
import type { GraphContext } from '../src/schema/context';
import { Entity } from '../src/schema/entity.interface';
import { Figure, UnitKind } from '../src/schema/figure.type';
import { FigureFilter } from '../src/schema/filters.input';
import { PageArgs, toPageRequest } from '../src/schema/page.args';
import { SourceSpan } from '../src/schema/source-span.type';
import { givenFields, into, out, relatedOne } from './related';
import { articleOfSpan } from './spans';

/** Arguments of `figures`. */
@ArgsType()
export class FiguresArgs extends PageArgs {
  @Field(() => FigureFilter, { nullable: true, description: 'Which figures to list (default: all).' })
  filter?: FigureFilter;
}

/** Root listing of figures, and the fields of a figure. */
@Resolver(() => Figure)
export class FigureResolver {
  @Query(() => FigureConnection, { description: 'Figures, by article (in article order), then position in the text.' })
  async figures(@Args() args: FiguresArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return toConnection(await ctx.store.listNodes({ kinds: ['FIGURE'], filter: givenFields(args.filter), page: toPageRequest(args) }));
  }

  @FieldResolver(() => Entity, { description: 'The entity the figure is a quantity of.' })
  async subject(@Root() figure: FigureNode, @Ctx() ctx: GraphContext): Promise<GraphNode | null> {
    return relatedOne(ctx, figure.id, [out('MEASURES')]);
  }

  @FieldResolver(() => Claim, { description: 'The claim that states the figure.' })
  async claim(@Root() figure: FigureNode, @Ctx() ctx: GraphContext): Promise<GraphNode | null> {
    return relatedOne(ctx, figure.id, [into('STATES')], ['CLAIM']);
  }

  @FieldResolver(() => Article, { description: 'The article that states the figure.' })
  async article(@Root() figure: FigureNode, @Ctx() ctx: GraphContext): Promise<ArticleNode> {
    return articleOfSpan(figure.span, ctx);
  }

  @FieldResolver(() => UnitKind, {
    nullable: true,
    description:
      'What kind of quantity `unit` measures: MONEY, PERCENT, COUNT or DURATION; null only for a figure stored before units were checked against the vocabulary.',
  })
  unitKind(@Root() figure: FigureNode): UnitKind | null {
    return (unitKind(figure.unit) as UnitKind | undefined) ?? null;
  }

  @FieldResolver(() => SourceSpan, { description: 'The words of the article that state the figure ("$60 billion to $65 billion").' })
  span(@Root() figure: FigureNode): Span {
    return figure.span;
  }
}
