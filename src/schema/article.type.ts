import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

/** A news article. */
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'A news article: its headline and text, the entities it mentions, and the quotes, claims and figures it holds, each tied to its words.',
})
export class Article extends Node {
  @Field({ description: 'The headline.' })
  headline!: string;

  @Field(() => String, { nullable: true, description: 'The dek (standfirst) under the headline.' })
  description!: string | null;

  @Field({ description: 'The body of the article exactly as published. Every `SourceSpan` of the article is an offset range into this text.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Where the article was published, when known.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date (ISO 8601), when known.' })
  publishedAt!: string | null;
}
