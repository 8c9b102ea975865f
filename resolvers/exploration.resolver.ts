import { GraphQLError } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import type { Edge, GraphNode, NodeKind } from '../src/graph';
import { type ConnectionValue, toConnection } from '../src/schema/connection.type';
import type { GraphContext } from '../src/schema/context';
import { Neighborhood, Path, SearchHit, SearchHitConnection } from '../src/schema/exploration.type';
import { NodeKind as NodeKindEnum } from '../src/schema/node-kind.enum';
import { PageArgs, toPageRequest } from '../src/schema/page.args';
import { Predicate } from '../src/schema/predicate.enum';

/** Longest search text accepted. */
export const MAX_SEARCH_LENGTH = 200;
/** `path` hop limits. */
export const DEFAULT_MAX_HOPS = 4;
export const MAX_HOPS = 6;
/** `neighborhood` limits. */
export const DEFAULT_DEPTH = 1;
export const MAX_DEPTH = 3;
export const DEFAULT_NEIGHBORHOOD_LIMIT = 100;
export const MAX_NEIGHBORHOOD_LIMIT = 500;

function badInput(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

function requireRange(argumentName: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(argumentName, `"${argumentName}" must be from ${min} to ${max}; got ${value}`);
}

/** Arguments of `search`. */
@ArgsType()
export class SearchArgs extends PageArgs {
  @Field({ description: `Words to look for (at most ${MAX_SEARCH_LENGTH} characters). Case and accents do not matter; a word also finds longer words it starts ("invest" finds "investments"), and small typos are forgiven.` })
  query!: string;

  @Field(() => [NodeKindEnum], { nullable: true, description: 'Only hits of these kinds (default: every kind).' })
  kinds?: NodeKindEnum[];
}

/** Arguments of `neighborhood`. */
@ArgsType()
export class NeighborhoodArgs {
  @Field(() => ID, { description: 'The centre node.' })
  id!: string;

  @Field(() => Int, { defaultValue: DEFAULT_DEPTH, description: `How many edges out to go: from 0 to ${MAX_DEPTH} (default ${DEFAULT_DEPTH}).` })
  depth!: number;

  @Field(() => [Predicate], { nullable: true, description: 'Only follow and return edges with these predicates (default: all).' })
  predicates?: string[];

  @Field(() => Int, {
    defaultValue: DEFAULT_NEIGHBORHOOD_LIMIT,
    description: `Most nodes to return, the centre included: from 1 to ${MAX_NEIGHBORHOOD_LIMIT} (default ${DEFAULT_NEIGHBORHOOD_LIMIT}). \`truncated\` says when it cut the list.`,
  })
  limit!: number;
}

/** Search, paths and neighbourhoods: finding things without knowing ids, and how they connect. */
@Resolver()
export class ExplorationResolver {
  @Query(() => SearchHitConnection, {
    description:
      'Ranked full-text search over entity names and aliases, quotes, claims, figure labels and article headlines (and, ranked lower, article texts). Hits come best first.',
  })
  async search(@Args() args: SearchArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<SearchHit>> {
    if (args.query.trim() === '') throw badInput('query', '"query" must contain at least one word');
    if (args.query.length > MAX_SEARCH_LENGTH) throw badInput('query', `"query" may be at most ${MAX_SEARCH_LENGTH} characters; got ${args.query.length}`);
    const page = await ctx.store.search({ text: args.query, kinds: args.kinds as NodeKind[] | undefined, page: toPageRequest(args) });
    return toConnection(page) as unknown as ConnectionValue<SearchHit>;
  }

  @Query(() => Path, {
    nullable: true,
    description: `A shortest path between two nodes over every kind of edge, each followed in either direction; null when none exists within \`maxHops\`. When several shortest paths exist, the one returned passes through the fewest MENTIONS and CONTAINS edges (so it shows how the two are linked, not only that an article names both), then the one whose edges come first in edge order (by article, then position in the text), compared edge by edge from \`from\`.`,
  })
  async path(
    @Arg('from', () => ID, { description: 'Where the path starts.' }) from: string,
    @Arg('to', () => ID, { description: 'Where the path ends.' }) to: string,
    @Arg('maxHops', () => Int, { defaultValue: DEFAULT_MAX_HOPS, description: `Longest path to look for, in edges: from 0 to ${MAX_HOPS} (default ${DEFAULT_MAX_HOPS}).` }) maxHops: number,
    @Ctx() ctx: GraphContext,
  ): Promise<{ hops: number; nodes: GraphNode[]; edges: readonly Edge[] } | null> {
    requireRange('maxHops', maxHops, 0, MAX_HOPS);
    const found = await ctx.store.findPath({ fromId: from, toId: to, maxHops });
    if (!found) return null;
    const nodes = (await ctx.loaders.node.loadMany(found.nodeIds)) as GraphNode[];
    return { hops: found.edges.length, nodes, edges: found.edges };
  }

  @Query(() => Neighborhood, { description: 'The subgraph of every node within `depth` edges of a node (followed in either direction), with the edges among them, for drawing.' })
  async neighborhood(@Args() args: NeighborhoodArgs, @Ctx() ctx: GraphContext) {
    requireRange('depth', args.depth, 0, MAX_DEPTH);
    requireRange('limit', args.limit, 1, MAX_NEIGHBORHOOD_LIMIT);
    const found = await ctx.store.getNeighborhood({ centerId: args.id, depth: args.depth, limit: args.limit, predicates: args.predicates ?? undefined });
    const nodes = (await ctx.loaders.node.loadMany(found.nodeIds)) as GraphNode[];
    return { center: nodes[0], nodes, edges: found.edges, truncated: found.truncated };
  }
}
