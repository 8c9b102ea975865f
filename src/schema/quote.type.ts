import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

/** Verbatim words of a speaker. */
@ObjectType({ simpleResolvers: true, implements: Node, description: 'Words of a speaker, verbatim as they stand in an article (without the quotation marks).' })
export class Quote extends Node {
  @Field({ description: 'The quoted words, exactly as in the article text; equal to `span.text`.' })
  text!: string;
}
