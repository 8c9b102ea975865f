import { registerEnumType } from 'type-graphql';

/** The kind of a node (GraphQL enum `NodeKind`). */
export enum NodeKind {
  ARTICLE = 'ARTICLE',
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  PLACE = 'PLACE',
  EVENT = 'EVENT',
  TOPIC = 'TOPIC',
  QUOTE = 'QUOTE',
  CLAIM = 'CLAIM',
  FIGURE = 'FIGURE',
}

registerEnumType(NodeKind, {
  name: 'NodeKind',
  description: 'The kind of a node. Each kind has its own GraphQL type (ARTICLE is `Article`, PERSON is `Person`, ...).',
  valuesConfig: {
    ARTICLE: { description: 'A news article: its headline, text, and the quotes, claims and figures it holds.' },
    PERSON: { description: 'A person, named or described, defined once and shared by every article that mentions them.' },
    ORGANIZATION: { description: 'A company, government body or group of organizations.' },
    PLACE: { description: 'A country, city or region.' },
    EVENT: { description: 'Something that happened at a time, such as an earnings call.' },
    TOPIC: { description: 'A subject articles discuss, such as open-source AI.' },
    QUOTE: { description: 'Words of a speaker, verbatim as they stand in an article.' },
    CLAIM: { description: 'A statement an article makes in its own voice or reports someone making.' },
    FIGURE: { description: 'A quantity stated in an article (an amount of money, a count), in full units.' },
  },
});
