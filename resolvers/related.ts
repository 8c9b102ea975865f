import type { GraphNode, Hop, NodeKind } from '../src/graph';
import { type ConnectionValue, toConnection } from '../src/schema/connection.type';
import type { GraphContext } from '../src/schema/context';
import { type PageArgs, toPageRequest } from '../src/schema/page.args';

/** Follow `predicate` edges out of the node. */
export const out = (predicate: string): Hop => ({ direction: 'OUT', predicate });
/** Follow `predicate` edges into the node, backwards. */
export const into = (predicate: string): Hop => ({ direction: 'IN', predicate });

/** A page of the nodes joined to `nodeId` by `via`, as a connection. */
export async function relatedConnection(
  ctx: GraphContext,
  nodeId: string,
  via: readonly Hop[],
  kinds: readonly NodeKind[] | undefined,
  args: PageArgs,
): Promise<ConnectionValue<GraphNode>> {
  return toConnection(await ctx.loaders.related.load({ nodeId, via, kinds, page: toPageRequest(args) }));
}

/** All the nodes joined to `nodeId` by `via`, in node order. */
export async function relatedList(ctx: GraphContext, nodeId: string, via: readonly Hop[], kinds?: readonly NodeKind[]): Promise<readonly GraphNode[]> {
  return (await ctx.loaders.related.load({ nodeId, via, kinds })).items;
}

/** The first node joined to `nodeId` by `via`, or null. */
export async function relatedOne(ctx: GraphContext, nodeId: string, via: readonly Hop[], kinds?: readonly NodeKind[]): Promise<GraphNode | null> {
  return (await relatedList(ctx, nodeId, via, kinds))[0] ?? null;
}

/**
 * The fields of an input object that were given a value: GraphQL lets a client
 * pass null for an optional filter field (an unset variable, say), which
 * means "no filter", not "match null".
 */
export function givenFields<T extends object>(input: T | null | undefined): { [K in keyof T]?: Exclude<T[K], null> } {
  const given: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input ?? {})) if (value !== null && value !== undefined) given[key] = value;
  return given as { [K in keyof T]?: Exclude<T[K], null> };
}
