import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphNode, Role as RoleValue } from '../src/graph';
import type { GraphContext } from '../src/schema/context';
import { Organization } from '../src/schema/organization.type';
import { Role } from '../src/schema/role.type';

/** The fields of an organization beyond those of every entity. */
@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => [Role], { description: 'People who hold roles at the organization, as the articles state them, in the order first stated.' })
  async members(@Root() organization: GraphNode, @Ctx() ctx: GraphContext): Promise<readonly RoleValue[]> {
    return ctx.loaders.roles.load({ nodeId: organization.id, direction: 'IN' });
  }
}
