import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphNode, Role as RoleValue, Span } from '../src/graph';
import type { GraphContext } from '../src/schema/context';
import { Organization } from '../src/schema/organization.type';
import { Person } from '../src/schema/person.type';
import { Role } from '../src/schema/role.type';
import { SourceSpan } from '../src/schema/source-span.type';

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
  spans(@Root() role: RoleValue, @Ctx() ctx: GraphContext): Promise<readonly Span[]> {
    return ctx.loaders.roleSpans.load(role);
  }
}
