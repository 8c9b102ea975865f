import { GraphQLError } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import type { Edge, GraphNode, NodeKind } from '../src/graph';
import { type ConnectionValue, toConnection } from '../src/schema/connection.type';
import { loadEvery } from '../src/loaders';
import type { GraphContext } from '../src/schema/context';
import { Neighborhood, Path, SearchHit, SearchHitConnection } from '../src/schema/exploration.type';
import { NodeKind as NodeKindEnum } from '../src/schema/node-kind.enum';
import { PageArgs, toPageRequest } from '../src/schema/page.args';
import { Predicate } from '../src/schema/predicate.enum';

import {
  DEFAULT_DEPTH,
  DEFAULT_MAX_HOPS,
  DEFAULT_NEIGHBORHOOD_LIMIT,
  MAX_DEPTH,
  MAX_HOPS,
  MAX_NEIGHBORHOOD_LIMIT,
  MAX_SEARCH_INDEX_ENTRIES,
  MAX_SEARCH_LENGTH,
} from '../src/schema/limits';

function badInput(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

/** The value of an optional number argument (its default when null), checked against its range. */
function inRange(argumentName: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) throw badInput(argumentName, `"${argumentName}" must be from ${min} to ${max}; got ${n}`);
  return n;
}

/** Arguments of `search`. */
@ArgsType()
export class SearchArgs extends PageArgs {
  @Field({
    description: `Words to look for (at most ${MAX_SEARCH_LENGTH} characters). Case and accents do not matter; a word also finds longer words it starts ("invest" finds "investments"), and small typos are forgiven.`,
  })
  query!: string;

  @Field(() => [NodeKindEnum], { nullable: true, description: 'Only hits of these kinds (default: every kind).' })
  kinds?: NodeKindEnum[];
}

/** Arguments of `neighborhood`. */
@ArgsType()
export class NeighborhoodArgs {
  @Field(() => ID, { description: 'The centre node.' })
  id!: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_DEPTH,
    description: `How many edges out to go: from 0 to ${MAX_DEPTH} (default ${DEFAULT_DEPTH}, also when null).`,
  })
  depth?: number | null;

  @Field(() => [Predicate], { nullable: true, description: 'Only follow and return edges with these predicates (default: all).' })
  predicates?: string[];

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_NEIGHBORHOOD_LIMIT,
    description: `Most nodes to return, the centre included: from 1 to ${MAX_NEIGHBORHOOD_LIMIT} (default ${DEFAULT_NEIGHBORHOOD_LIMIT}, also when null). \`truncated\` says when it cut the list.`,
  })
  limit?: number | null;
}

/** Search, paths and neighbourhoods: finding things without knowing ids, and how they connect. */
@Resolver()
export class ExplorationResolver {
  @Query(() => SearchHitConnection, {
    description:
      'Ranked full-text search over entity names, aliases and descriptions, quotes, claims (their statement and, ranked lower, their source words), figure labels and article headlines and deks (and, ranked lower, article texts). Hits come best first; a cursor continues the same search. ' +
      `The searches of one operation may read at most ${MAX_SEARCH_INDEX_ENTRIES} index entries together (one per node and field that a word of a query, a longer word it begins or a near spelling appears in); a search of many common words or short prefixes over a large graph is refused with BAD_USER_INPUT on \`query\`.`,
  })
  async search(@Args() args: SearchArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<SearchHit>> {
    if (!/[\p{L}\p{N}]/u.test(args.query)) throw badInput('query', '"query" must contain at least one word');
    if (args.query.length > MAX_SEARCH_LENGTH) throw badInput('query', `"query" may be at most ${MAX_SEARCH_LENGTH} characters; got ${args.query.length}`);
    const page = await ctx.store.search({
      text: args.query,
      kinds: args.kinds as NodeKind[] | undefined,
      page: toPageRequest(args),
      allowance: ctx.searchAllowance,
    });
    return toConnection(page) as unknown as ConnectionValue<SearchHit>;
  }

  @Query(() => Path, {
    nullable: true,
    description: `A shortest path between two nodes over every kind of edge, each followed in either direction; null when none exists within \`maxHops\`. When several shortest paths exist, the one returned passes through the fewest MENTIONS and CONTAINS edges (so it shows how the two are linked, not only that an article names both), then the one whose edges come first in edge order (by article, then position in the text), compared edge by edge from \`from\`.`,
  })
  async path(
    @Arg('from', () => ID, { description: 'Where the path starts.' }) from: string,
    @Arg('to', () => ID, { description: 'Where the path ends.' }) to: string,
    @Arg('maxHops', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_MAX_HOPS,
      description: `Longest path to look for, in edges: from 0 to ${MAX_HOPS} (default ${DEFAULT_MAX_HOPS}, also when null).`,
    })
    maxHopsArg: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<{ hops: number; nodes: GraphNode[]; edges: readonly Edge[] } | null> {
    const maxHops = inRange('maxHops', maxHopsArg, DEFAULT_MAX_HOPS, 0, MAX_HOPS);
    const found = await ctx.store.findPath({ fromId: from, toId: to, maxHops });
    if (!found) return null;
    const nodes = (await loadEvery(ctx.loaders.node, found.nodeIds)) as GraphNode[];
    return { hops: found.edges.length, nodes, edges: found.edges };
  }

  @Query(() => Neighborhood, {
    description: 'The subgraph of every node within `depth` edges of a node (followed in either direction), with the edges among them, for drawing.',
  })
  async neighborhood(@Args() args: NeighborhoodArgs, @Ctx() ctx: GraphContext) {
    const depth = inRange('depth', args.depth, DEFAULT_DEPTH, 0, MAX_DEPTH);
    const limit = inRange('limit', args.limit, DEFAULT_NEIGHBORHOOD_LIMIT, 1, MAX_NEIGHBORHOOD_LIMIT);
    const found = await ctx.store.getNeighborhood({ centerId: args.id, depth, limit, predicates: args.predicates ?? undefined });
    const nodes = (await loadEvery(ctx.loaders.node, found.nodeIds)) as GraphNode[];
    return { center: nodes[0], nodes, edges: found.edges, truncated: found.truncated, edgesTruncated: found.edgesTruncated };
  }
}
