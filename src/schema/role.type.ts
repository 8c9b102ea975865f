import { Field, ObjectType } from 'type-graphql';

/** A role a person holds at an organization. */
@ObjectType({ simpleResolvers: true, description: 'A role a person holds at an organization, as the articles state it (a view over `HAS_ROLE_AT` edges).' })
export class Role {
  @Field({ description: 'The title of the role ("CEO", "chief AI scientist").' })
  title!: string;
}
