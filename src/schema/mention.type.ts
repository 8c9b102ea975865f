import { ObjectType } from 'type-graphql';

/** An occurrence of an entity's name in an article. */
@ObjectType({ simpleResolvers: true, description: "An occurrence of an entity's name or alias in an article's text (a whole-word, case-sensitive match)." })
export class Mention {}
