import { ObjectType } from 'type-graphql';
import { Entity } from './entity.interface';
import { Node } from './node.interface';

/** A person, named or unnamed (an analyst), who speaks, is quoted, makes claims or holds roles. */
@ObjectType({
  simpleResolvers: true,
  implements: [Node, Entity],
  description: 'A person, named or unnamed (an analyst), who speaks, is quoted, makes claims or holds roles.',
})
export class Person extends Entity {}
