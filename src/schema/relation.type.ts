import { Field, ID, ObjectType } from 'type-graphql';
import { Predicate } from './predicate.enum';

/** A directed, typed edge of the graph. */
@ObjectType({
  simpleResolvers: true,
  description:
    "A directed, typed edge of the graph. Every edge, including those behind typed fields (a quote's speaker, a claim's subjects, a person's roles), is a Relation.",
})
export class Relation {
  @Field(() => ID, { description: 'Stable id of the edge.' })
  id!: string;

  @Field(() => Predicate, { description: 'The kind of edge.' })
  predicate!: string;

  @Field(() => String, { nullable: true, description: 'The title of a role ("CEO") or the stated nature of a relationship; null for other edges.' })
  qualifier!: string | null;
}
