import { Field, ObjectType } from 'type-graphql';
import { Attribution } from './attribution.enum';
import { Node } from './node.interface';

/** A statement an article makes or reports. */
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'A statement an article makes in its own voice or reports someone making, with who makes it, whom it is about, and the words it rests on.',
})
export class Claim extends Node {
  @Field({ description: "The claim as one plain statement. `span` holds the article's own words." })
  text!: string;

  @Field(() => Attribution, { description: 'How the article attributes the claim.' })
  attribution!: Attribution;
}
