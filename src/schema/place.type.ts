import { ObjectType } from 'type-graphql';
import { Entity } from './entity.interface';
import { Node } from './node.interface';

/** A country, city or region. */
@ObjectType({ simpleResolvers: true, implements: [Node, Entity], description: 'A country, city or region.' })
export class Place extends Entity {}
