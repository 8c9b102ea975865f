import { Field, InterfaceType } from 'type-graphql';
import { Node, resolveNodeType } from './node.interface';

/** A person, organization, place, event or topic. */
@InterfaceType({
  description:
    'A person, organization, place, event or topic: defined once and shared by every article that mentions it, so following an entity links articles together.',
  implements: Node,
  resolveType: resolveNodeType,
})
export abstract class Entity extends Node {
  @Field({ description: 'The name the entity goes by.' })
  name!: string;

  @Field(() => [String], { description: 'Other names or forms the articles use for it ("Zuckerberg", "Big Tech"). Mentions are found by name and aliases.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'One sentence on what the entity is, as the articles present it.' })
  description!: string | null;

  @Field(() => [String], {
    description: 'IRIs of the same thing in other graphs (such as Wikidata entity IRIs). Only identifiers known to be right; empty rather than a guess.',
  })
  sameAs!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'The Wikidata item id (`Q36215`) of the Wikidata entity IRI in `sameAs` (`http://www.wikidata.org/entity/Q36215`), or null when there is none. ' +
      'A key of the entity for other graphs (Apollo Federation `@key(fields: "wikidataId")`).',
  })
  wikidataId!: string | null;
}
