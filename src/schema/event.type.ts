import { ObjectType } from 'type-graphql';
import { Entity } from './entity.interface';
import { Node } from './node.interface';

/** Something that happened at a time, such as an earnings call. */
@ObjectType({ simpleResolvers: true, implements: [Node, Entity], description: 'Something that happened at a time, such as an earnings call.' })
export class Event extends Entity {}
