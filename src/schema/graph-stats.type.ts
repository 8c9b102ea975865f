import { Field, Int, ObjectType } from 'type-graphql';
import { NodeKind } from './node-kind.enum';
import { Predicate } from './predicate.enum';

/** How many nodes there are of one kind. */
@ObjectType({ simpleResolvers: true, description: 'The number of nodes of one kind.' })
export class KindCount {
  @Field(() => NodeKind, { description: 'The node kind.' })
  kind!: NodeKind;

  @Field(() => Int, { description: 'How many nodes of that kind the graph holds.' })
  count!: number;
}

/** How many edges there are with one predicate. */
@ObjectType({ simpleResolvers: true, description: 'The number of edges with one predicate.' })
export class PredicateCount {
  @Field(() => Predicate, { description: 'The predicate.' })
  predicate!: string;

  @Field(() => Int, { description: 'How many edges have that predicate.' })
  count!: number;
}

/** Counts of the graph. */
@ObjectType({ simpleResolvers: true, description: 'Counts of the whole graph.' })
export class GraphStats {
  @Field(() => Int, { description: 'Number of nodes of every kind.' })
  nodeCount!: number;

  @Field(() => Int, { description: 'Number of edges (Relations) of every predicate.' })
  edgeCount!: number;

  @Field(() => Int, { description: 'Number of mentions of entities found in article texts.' })
  mentionCount!: number;

  @Field(() => [KindCount], {
    description:
      'Node counts by kind, one per kind (kinds with no nodes count 0), in the order ARTICLE, PERSON, ORGANIZATION, PLACE, EVENT, TOPIC, QUOTE, CLAIM, FIGURE. ' +
      'QUOTE and FIGURE count mentions: a fact two articles report counts twice (`distinctQuoteCount` and `distinctFigureCount` count it once).',
  })
  byKind!: KindCount[];

  @Field(() => [PredicateCount], {
    description:
      'Edge counts by predicate, one per predicate (0 when unused): the stated predicates first, then the derived ones, in the order the `Predicate` enum documents them.',
  })
  byPredicate!: PredicateCount[];

  @Field({ description: 'Version of the loaded data: a digest of its files. It changes when a reload brings different data.' })
  version!: string;
}
