import { ObjectType } from 'type-graphql';
import { Entity } from './entity.interface';
import { Node } from './node.interface';

/** A subject articles discuss, such as open-source AI. */
@ObjectType({ simpleResolvers: true, implements: [Node, Entity], description: 'A subject articles discuss, such as open-source AI.' })
export class Topic extends Entity {}
