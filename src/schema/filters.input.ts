import { Field, ID, InputType } from 'type-graphql';
import { Attribution } from './attribution.enum';
import { FactReportFilter } from './fact-report-filter.enum';

/** Filter for entity listings. */
@InputType({ description: 'Selects entities.' })
export class EntityFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or of any alias, case-insensitive ("zuck" finds Mark Zuckerberg).' })
  name?: string;

  @Field(() => ID, { nullable: true, description: 'Only entities this article mentions.' })
  articleId?: string;
}

/** Filter for claim listings. */
@InputType({ description: 'Selects claims; every filter given must hold.' })
export class ClaimFilter {
  @Field(() => ID, { nullable: true, description: 'Only claims this entity makes.' })
  claimantId?: string;

  @Field(() => ID, { nullable: true, description: 'Only claims about this entity.' })
  subjectId?: string;

  @Field(() => ID, { nullable: true, description: 'Only claims of this article.' })
  articleId?: string;

  @Field(() => Attribution, { nullable: true, description: 'Only claims with this attribution.' })
  attribution?: Attribution;
}

/** Filter for quote listings. */
@InputType({ description: 'Selects quotes; every filter given must hold.' })
export class QuoteFilter {
  @Field(() => ID, { nullable: true, description: 'Only quotes of this speaker.' })
  speakerId?: string;

  @Field(() => ID, { nullable: true, description: 'Only quotes in this article.' })
  articleId?: string;

  @Field(() => FactReportFilter, {
    nullable: true,
    description:
      'Every quote (ALL, the default: a remark two articles report is two quotes, and `totalCount` counts both), each remark once (FIRST), or remarks reported by more than one article (SHARED).',
  })
  reports?: FactReportFilter;
}

/** Filter for figure listings. */
@InputType({ description: 'Selects figures; every filter given must hold.' })
export class FigureFilter {
  @Field(() => String, { nullable: true, description: 'Only figures in this unit (an ISO 4217 code such as USD for money).' })
  unit?: string;

  @Field(() => ID, { nullable: true, description: 'Only figures about this entity.' })
  subjectId?: string;

  @Field(() => ID, { nullable: true, description: 'Only figures in this article.' })
  articleId?: string;

  @Field(() => FactReportFilter, {
    nullable: true,
    description:
      'Every figure (ALL, the default: a fact two articles report is two figures, and `totalCount` counts both), each fact once (FIRST), or facts reported by more than one article (SHARED).',
  })
  reports?: FactReportFilter;
}
