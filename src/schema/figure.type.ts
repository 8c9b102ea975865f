import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

/** A quantity stated in an article. */
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    'A quantity stated in an article: a point `value`, or a range `minValue`..`maxValue`, in full units (60 billion is 60000000000). Its `label` says what it measures.',
})
export class Figure extends Node {
  @Field(() => Float, { nullable: true, description: 'The value, in full units, when the text states one number; null for a range.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound of a range, in full units; null for a point value.' })
  minValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound of a range, in full units; null for a point value.' })
  maxValue!: number | null;

  @Field({ description: 'Unit: an ISO 4217 currency code for money (USD), otherwise a plain unit word.' })
  unit!: string;

  @Field(() => String, { nullable: true, description: 'The period the figure applies to, ISO 8601 (2025, 2025-Q1), where the text gives one.' })
  period!: string | null;
}
