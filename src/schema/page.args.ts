import { GraphQLError } from 'graphql';
import { ArgsType, Field, Int } from 'type-graphql';
import type { PageRequest } from '../graph';

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './limits';

/** `first`/`after` of every connection field. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return: from 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}, also when null). A larger value is refused with BAD_USER_INPUT.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (from `edges.cursor` or `pageInfo.endCursor` of the same list).' })
  after?: string | null;
}

/** Checks `first` and turns page arguments into a store page request. */
export function toPageRequest({ first: given, after }: PageArgs): PageRequest {
  const first = given ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new GraphQLError(`"first" must be from 0 to ${MAX_PAGE_SIZE}; got ${first}`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    });
  }
  return { first, after: after ?? null };
}
