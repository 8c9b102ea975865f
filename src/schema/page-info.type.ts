import { Field, ObjectType } from 'type-graphql';

/** Relay page information. */
@ObjectType({ simpleResolvers: true, description: 'Where a page stands in its list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page: pass `endCursor` as `after` to get them.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when items come before this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of the page; pass it as `after` for the next page. Null when the page is empty.',
  })
  endCursor!: string | null;
}
