import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphContext } from '../src/schema/context';
import { GraphStats } from '../src/schema/graph-stats.type';

/** Counts of the graph. */
@Resolver(() => GraphStats)
export class StatsResolver {
  @Query(() => GraphStats, { description: 'Counts of nodes and edges, overall, by kind and by predicate.' })
  async stats(@Ctx() ctx: GraphContext): Promise<GraphStats> {
    return { ...(await ctx.store.getStats()), version: ctx.store.version } as GraphStats;
  }
}
