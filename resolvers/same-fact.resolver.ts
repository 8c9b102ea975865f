import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EntityNode, FactReports, FigureNode, GraphNode, QuoteNode } from '../src/graph';
import type { GraphContext } from '../src/schema/context';
import { Entity } from '../src/schema/entity.interface';
import { Figure } from '../src/schema/figure.type';
import { GraphStats } from '../src/schema/graph-stats.type';
import { Quote } from '../src/schema/quote.type';

/** The fact a figure or quote reports; one of its own where the store has not matched it (a PostgreSQL generation imported before migration 003). */
async function factOf(ctx: GraphContext, id: string): Promise<FactReports> {
  return (await ctx.loaders.factReports.load(id)) ?? { alsoReportedIds: [], factId: id, reportIds: [id], articleCount: 1 };
}

/** The nodes of these ids, in their order. */
async function nodesOf(ctx: GraphContext, ids: readonly string[]): Promise<GraphNode[]> {
  const nodes = await ctx.loaders.node.loadMany(ids);
  return nodes.map((node, i) => {
    if (!node || node instanceof Error) throw node instanceof Error ? node : new Error(`no node ${ids[i]}`);
    return node;
  });
}

/** The same figure in other articles. */
@Resolver(() => Figure)
export class SameFigureResolver {
  @FieldResolver(() => [Figure], {
    description:
      'Figures of other articles that report the same fact: the same subject, unit, counted, value (or minValue and maxValue), qualifier, change and period. In list order (by article, then position); ' +
      'each of them lists this one.',
  })
  async alsoReportedBy(@Root() figure: FigureNode, @Ctx() ctx: GraphContext): Promise<GraphNode[]> {
    return nodesOf(ctx, (await factOf(ctx, figure.id)).alsoReportedIds);
  }

  @FieldResolver(() => Figure, {
    description:
      "The first report of this figure's fact in list order (this figure when it comes first): the same for every report of the fact, so it tells mentions of one fact apart from other facts.",
  })
  async firstReport(@Root() figure: FigureNode, @Ctx() ctx: GraphContext): Promise<GraphNode> {
    return (await nodesOf(ctx, [(await factOf(ctx, figure.id)).factId]))[0];
  }

  @FieldResolver(() => Int, { description: "How many articles report this figure's fact (1 when no other article does)." })
  async reportingArticleCount(@Root() figure: FigureNode, @Ctx() ctx: GraphContext): Promise<number> {
    return (await factOf(ctx, figure.id)).articleCount;
  }
}

/** The same remark in other articles. */
@Resolver(() => Quote)
export class SameQuoteResolver {
  @FieldResolver(() => [Quote], {
    description:
      'Quotes of the same speaker in other articles that give the same remark: their words are equal, or one holds the other, once case and punctuation are set aside ' +
      '(apostrophes dropped, every other mark a word break; the shorter needs at least 4 words to be held by a longer one). In list order; each of them lists this one.',
  })
  async alsoReportedIn(@Root() quote: QuoteNode, @Ctx() ctx: GraphContext): Promise<GraphNode[]> {
    return nodesOf(ctx, (await factOf(ctx, quote.id)).alsoReportedIds);
  }

  @FieldResolver(() => Quote, {
    description:
      "The first report of this quote's remark in list order (this quote when it comes first), among the quotes joined to it by `alsoReportedIn`, directly or through others: " +
      'the same for every report of the remark.',
  })
  async firstReport(@Root() quote: QuoteNode, @Ctx() ctx: GraphContext): Promise<GraphNode> {
    return (await nodesOf(ctx, [(await factOf(ctx, quote.id)).factId]))[0];
  }

  @FieldResolver(() => Int, { description: "How many articles report this quote's remark (1 when no other article does)." })
  async reportingArticleCount(@Root() quote: QuoteNode, @Ctx() ctx: GraphContext): Promise<number> {
    return (await factOf(ctx, quote.id)).articleCount;
  }
}

/** Counts of distinct facts beside the counts of nodes. */
@Resolver(() => GraphStats)
export class SameFactStatsResolver {
  @FieldResolver(() => Int, {
    description:
      'Distinct facts that figures report: each counted once however many articles report it (`byKind` FIGURE counts every figure, each mention of a fact).',
  })
  async distinctFigureCount(@Ctx() ctx: GraphContext): Promise<number> {
    return (await ctx.store.getFactStats()).byKind.find((k) => k.kind === 'FIGURE')!.distinct;
  }

  @FieldResolver(() => Int, {
    description: 'Distinct remarks that quotes report: each counted once however many articles quote it (`byKind` QUOTE counts every quote).',
  })
  async distinctQuoteCount(@Ctx() ctx: GraphContext): Promise<number> {
    return (await ctx.store.getFactStats()).byKind.find((k) => k.kind === 'QUOTE')!.distinct;
  }

  @FieldResolver(() => Int, { description: 'Distinct facts of figures that more than one article reports.' })
  async sharedFigureCount(@Ctx() ctx: GraphContext): Promise<number> {
    return (await ctx.store.getFactStats()).byKind.find((k) => k.kind === 'FIGURE')!.shared;
  }

  @FieldResolver(() => Int, { description: 'Distinct remarks that more than one article quotes.' })
  async sharedQuoteCount(@Ctx() ctx: GraphContext): Promise<number> {
    return (await ctx.store.getFactStats()).byKind.find((k) => k.kind === 'QUOTE')!.shared;
  }
}

/** Counts of an entity's figures and quotes, each fact once. */
@Resolver(() => Entity)
export class SameFactEntityResolver {
  @FieldResolver(() => Int, {
    description:
      'Distinct facts among the figures about the entity, each counted once however many articles report it (`figures.totalCount` counts every figure).',
  })
  async distinctFigureCount(@Root() entity: EntityNode, @Ctx() ctx: GraphContext): Promise<number> {
    return ctx.loaders.entityFacts.load({ entityId: entity.id, kind: 'FIGURE' });
  }

  @FieldResolver(() => Int, {
    description: 'Distinct remarks among the quotes of the entity, each counted once however many articles quote it (`quotes.totalCount` counts every quote).',
  })
  async distinctQuoteCount(@Root() entity: EntityNode, @Ctx() ctx: GraphContext): Promise<number> {
    return ctx.loaders.entityFacts.load({ entityId: entity.id, kind: 'QUOTE' });
  }
}
