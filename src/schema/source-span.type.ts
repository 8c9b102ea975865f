import { Field, Int, ObjectType } from 'type-graphql';

/** Where in an article something rests. */
@ObjectType({
  simpleResolvers: true,
  description:
    'The words of an article a fact rests on (W3C Web Annotation TextPositionSelector): UTF-16 code unit offsets into `Article.text`, end exclusive. `text` always equals `article.text.slice(start, end)`.',
})
export class SourceSpan {
  @Field(() => Int, { description: 'Offset of the first character (UTF-16 code units, from 0).' })
  start!: number;

  @Field(() => Int, { description: 'Offset just past the last character (end exclusive).' })
  end!: number;
}
