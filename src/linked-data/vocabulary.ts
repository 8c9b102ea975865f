import { terms } from './context';

/** newsgraph's own vocabulary, beside the IRI base: `http://localhost:4000/id/` has `http://localhost:4000/vocab#`. */
export function vocabularyOf(iriBase: string): string {
  return new URL('../vocab#', iriBase).href;
}

/** What each term of newsgraph's own vocabulary means. */
const MEANINGS: Readonly<Record<string, string>> = {
  attribution:
    'How an article attributes a claim: DIRECT_QUOTE (it rests on a verbatim quote of its claimant), PARAPHRASE (the article reports what the claimant said or holds) or EDITORIAL (the article asserts it in its own voice).',
  states: 'A claim states a figure.',
  period: 'The period a figure applies to, ISO 8601 (2025, 2025-Q1).',
  measures: 'A figure is a quantity of an entity.',
  counted: 'What a count counts, as its words name it ("people" of "1 billion people").',
  qualifier:
    'How the words bound a number: LESS_THAN, MORE_THAN, ABOUT, NEARLY, UP_TO or AT_LEAST. A bound (up to, at least, less than, more than) is given as schema:maxValue or schema:minValue, not schema:value.',
  change:
    'A change a figure states ("rose 21% year over year"): its direction, amount (schema:value with schema:unitText or schema:currency), qualifier and basis.',
  direction: 'Which way a change goes: UP or DOWN; its amount is never negative.',
  basis: 'What a change is measured against: YEAR_OVER_YEAR, QUARTER_OVER_QUARTER or MONTH_OVER_MONTH.',
  competesWith: 'An organization or person competes with another, as an article states.',
  hosted: 'An organization or person hosted an event, as an article states.',
  hasRelationshipWith: 'Two entities have a relationship, as an article states.',
  governs: 'A government or administration governs a place, as an article states.',
  partOf: 'An entity is part or a member of another, as an article states.',
  more: 'A list of the document cut short.',
  list: 'The term of the list cut short.',
  totalItems: 'How many items the whole list holds.',
  next: 'Where the list goes on.',
};

/** newsgraph's own vocabulary as a JSON-LD document (RDF Schema properties with a comment each), served at its IRI. */
export function vocabularyDocument(vocabulary: string): Record<string, unknown> {
  const own = [
    ...new Set(
      Object.values(terms(vocabulary))
        .filter((term) => term.iri.startsWith(vocabulary))
        .map((term) => term.iri.slice(vocabulary.length)),
    ),
  ];
  return {
    '@context': { rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', rdfs: 'http://www.w3.org/2000/01/rdf-schema#' },
    '@graph': own.map((name) => ({ '@id': vocabulary + name, '@type': 'rdf:Property', 'rdfs:label': name, 'rdfs:comment': MEANINGS[name] })),
  };
}
