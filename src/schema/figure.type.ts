import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from './node.interface';

/** How a figure's words bound its number. */
export enum FigureQualifier {
  LESS_THAN = 'LESS_THAN',
  MORE_THAN = 'MORE_THAN',
  ABOUT = 'ABOUT',
  NEARLY = 'NEARLY',
  UP_TO = 'UP_TO',
  AT_LEAST = 'AT_LEAST',
}

registerEnumType(FigureQualifier, {
  name: 'FigureQualifier',
  description: 'How the words bound a number: "less than $6 million" is LESS_THAN 6000000 USD.',
  valuesConfig: {
    LESS_THAN: { description: '"less than", "fewer than", "under", "below": the quantity is below the number.' },
    MORE_THAN: { description: '"more than", "over", "above": the quantity is above the number.' },
    ABOUT: { description: '"about", "around", "roughly", "approximately", "some", "an estimated": the number is an approximation.' },
    NEARLY: { description: '"nearly", "almost", "close to": the quantity is just short of the number.' },
    UP_TO: { description: '"up to", "as much as", "as many as": the number is the most the quantity may be.' },
    AT_LEAST: { description: '"at least", "no less than", "no fewer than": the number is the least the quantity is.' },
  },
});

/** Which way a change goes. */
export enum ChangeDirection {
  UP = 'UP',
  DOWN = 'DOWN',
}

registerEnumType(ChangeDirection, {
  name: 'ChangeDirection',
  description: 'Which way a change goes; its `value` is never negative.',
  valuesConfig: {
    UP: { description: 'Rose, increased, grew, jumped, climbed, gained, surged, soared, up.' },
    DOWN: { description: 'Fell, dropped, declined, slid, tanked, sank, plunged, lost, down.' },
  },
});

/** What a change is measured against. */
export enum ChangeBasis {
  YEAR_OVER_YEAR = 'YEAR_OVER_YEAR',
  QUARTER_OVER_QUARTER = 'QUARTER_OVER_QUARTER',
  MONTH_OVER_MONTH = 'MONTH_OVER_MONTH',
}

registerEnumType(ChangeBasis, {
  name: 'ChangeBasis',
  description: 'What a change is measured against.',
  valuesConfig: {
    YEAR_OVER_YEAR: { description: '"year over year", "year-on-year", "from a year earlier": against the same period a year before.' },
    QUARTER_OVER_QUARTER: { description: '"quarter over quarter", "from the previous quarter": against the quarter before.' },
    MONTH_OVER_MONTH: { description: '"month over month", "from the previous month": against the month before.' },
  },
});

/** What kind of quantity a unit measures. */
export enum UnitKind {
  MONEY = 'MONEY',
  PERCENT = 'PERCENT',
  COUNT = 'COUNT',
  DURATION = 'DURATION',
}

registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: 'What kind of quantity a figure unit measures.',
  valuesConfig: {
    MONEY: { description: 'An amount of money: the unit is an ISO 4217 currency code (USD, EUR, GBP, JPY).' },
    PERCENT: { description: 'A share or rate: the unit is `percent` (21% is 21).' },
    COUNT: { description: 'A number of things: the unit is `count`, and `counted` says what is counted.' },
    DURATION: { description: 'A length of time: the unit is `day`, `week`, `month`, `quarter` or `year`.' },
  },
});

/** A change a figure states. */
@ObjectType({
  simpleResolvers: true,
  description: 'A change a figure states: "rose 21% year over year" is UP, 21, `percent`, YEAR_OVER_YEAR.',
})
export class FigureChange {
  @Field(() => ChangeDirection, { description: 'Which way the quantity went.' })
  direction!: ChangeDirection;

  @Field(() => Float, {
    nullable: true,
    description: 'By how much, never negative ("tank 17%" is DOWN 17); null when the words give only the direction ("rose to $5 billion").',
  })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'The unit of `value`, from the same vocabulary as `Figure.unit`; null with `value`.' })
  unit!: string | null;

  @Field(() => FigureQualifier, {
    nullable: true,
    description: 'How the words bound the change ("rose nearly 2%" is NEARLY); null when they state it plainly.',
  })
  qualifier!: FigureQualifier | null;

  @Field(() => ChangeBasis, { nullable: true, description: 'What the change is measured against, where the words say.' })
  basis!: ChangeBasis | null;
}

/** A quantity stated in an article. */
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    'A quantity stated in an article, checked against its words: a level (a point `value`, or a range `minValue`..`maxValue`, in full units: 60 billion is 60000000000), ' +
    'how the words bound it (`qualifier`), and a `change` where they state one ("rose 21% year over year to $48.39 billion"). Its `label` says what it measures.',
})
export class Figure extends Node {
  @Field(() => Float, {
    nullable: true,
    description: 'The value, in full units, when the text states one number; null for a range, or for a figure that states only a change.',
  })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound of a range, in full units; null for a point value.' })
  minValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound of a range, in full units; null for a point value.' })
  maxValue!: number | null;

  @Field({
    description:
      'Unit, from the vocabulary: an ISO 4217 currency code for money (USD), `percent`, `count`, or a duration (`day`, `week`, `month`, `quarter`, `year`). ' +
      "The level's unit; for a figure that states only a change, the change's.",
  })
  unit!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What a count counts, as its words name it ("1 billion people" counts "people"); null unless `unit` is `count`.',
  })
  counted!: string | null;

  @Field(() => FigureQualifier, {
    nullable: true,
    description: 'How the words bound the level ("less than $6 million" is LESS_THAN); null when they state it plainly.',
  })
  qualifier!: FigureQualifier | null;

  @Field(() => FigureChange, { nullable: true, description: 'The change the words state ("rose 21% year over year"), or null when they state none.' })
  change!: FigureChange | null;

  @Field(() => String, { nullable: true, description: 'The period the figure applies to, ISO 8601 (2025, 2025-Q1), where the text gives one.' })
  period!: string | null;
}
