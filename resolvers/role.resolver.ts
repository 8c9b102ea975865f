import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Edge, GraphNode, Span } from '../src/graph';
import type { GraphContext } from '../src/schema/context';
import { Organization } from '../src/schema/organization.type';
import { Person } from '../src/schema/person.type';
import { Role } from '../src/schema/role.type';
import { SourceSpan } from '../src/schema/source-span.type';

/** A role: one person, one organization, one title, with every span that states it. */
export interface RoleValue {
  readonly title: string;
  readonly personId: string;
  readonly organizationId: string;
  readonly spans: readonly Span[];
}

/** Folds `HAS_ROLE_AT` edges into roles: the same title at the same organization, stated twice, is one role with two spans. */
export function rolesOf(edges: readonly Edge[]): RoleValue[] {
  const roles = new Map<string, { title: string; personId: string; organizationId: string; spans: Span[] }>();
  for (const edge of edges) {
    const key = `${edge.from}|${edge.to}|${edge.qualifier}`;
    const role = roles.get(key) ?? { title: edge.qualifier ?? '', personId: edge.from, organizationId: edge.to, spans: [] };
    roles.set(key, role);
    if (edge.span) role.spans.push(edge.span);
  }
  return [...roles.values()];
}

/**
 * Roles folded from each list of edges the store has handed out. The store's
 * lists belong to an immutable snapshot, so a list is folded once, not on
 * every request (a person quoted in thousands of articles has thousands of
 * role statements).
 */
const foldedRoles = new WeakMap<readonly Edge[], RoleValue[]>();

/** Loads the roles at a person (edges out) or an organization (edges in). */
export async function loadRoles(ctx: GraphContext, nodeId: string, direction: 'OUT' | 'IN'): Promise<RoleValue[]> {
  const { items } = await ctx.loaders.edges.load({ nodeId, direction, predicates: ['HAS_ROLE_AT'] });
  let roles = foldedRoles.get(items);
  if (!roles) foldedRoles.set(items, (roles = rolesOf(items)));
  return roles;
}

/** The fields of a role. */
@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Person, { description: 'The person who holds the role.' })
  async person(@Root() role: RoleValue, @Ctx() ctx: GraphContext): Promise<GraphNode> {
    return (await ctx.loaders.node.load(role.personId))!;
  }

  @FieldResolver(() => Organization, { description: 'The organization the role is at.' })
  async organization(@Root() role: RoleValue, @Ctx() ctx: GraphContext): Promise<GraphNode> {
    return (await ctx.loaders.node.load(role.organizationId))!;
  }

  @FieldResolver(() => [SourceSpan], { description: 'The words stating the role, in every article that states it.' })
  spans(@Root() role: RoleValue): readonly Span[] {
    return role.spans;
  }
}

/** The roles of a person. */
@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Role], { description: 'Roles the person holds, as the articles state them, in the order first stated.' })
  async roles(@Root() person: GraphNode, @Ctx() ctx: GraphContext): Promise<RoleValue[]> {
    return loadRoles(ctx, person.id, 'OUT');
  }
}

/** The members of an organization. */
@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => [Role], { description: 'People who hold roles at the organization, as the articles state them, in the order first stated.' })
  async members(@Root() organization: GraphNode, @Ctx() ctx: GraphContext): Promise<RoleValue[]> {
    return loadRoles(ctx, organization.id, 'IN');
  }
}
