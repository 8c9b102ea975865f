import { ObjectType } from 'type-graphql';
import { Entity } from './entity.interface';
import { Node } from './node.interface';

/** A company, a government body, or a group of companies taken together ("US tech companies"). */
@ObjectType({
  simpleResolvers: true,
  implements: [Node, Entity],
  description: 'A company, a government body, or a group of companies taken together ("US tech companies").',
})
export class Organization extends Entity {}
