import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphNode, Role as RoleValue } from '../src/graph';
import type { GraphContext } from '../src/schema/context';
import { Person } from '../src/schema/person.type';
import { Role } from '../src/schema/role.type';

/** The fields of a person beyond those of every entity. */
@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Role], { description: 'Roles the person holds, as the articles state them, in the order first stated.' })
  async roles(@Root() person: GraphNode, @Ctx() ctx: GraphContext): Promise<readonly RoleValue[]> {
    return ctx.loaders.roles.load({ nodeId: person.id, direction: 'OUT' });
  }
}
