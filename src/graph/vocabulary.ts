import type { NodeKind } from './model';

/** What a predicate means and which node kinds it joins. */
export interface PredicateDefinition {
  readonly name: string;
  readonly description: string;
  /** Kinds allowed at the start of the edge. */
  readonly from: readonly NodeKind[];
  /** Kinds allowed at the end of the edge. */
  readonly to: readonly NodeKind[];
  /** True when the edge is written in article data; false when the loader derives it. */
  readonly stated: boolean;
  /** True when a stated edge must carry a qualifier (the title of a role). */
  readonly qualifierRequired?: boolean;
}

const ENTITY: readonly NodeKind[] = ['PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'TOPIC'];
const ACTOR: readonly NodeKind[] = ['PERSON', 'ORGANIZATION'];

/**
 * The edge vocabulary. Stated predicates are written in article files (each
 * with the words it rests on); derived ones are built by the loader from
 * quotes, claims, figures and mentions.
 */
export const PREDICATES: readonly PredicateDefinition[] = [
  {
    name: 'HAS_ROLE_AT',
    stated: true,
    qualifierRequired: true,
    from: ['PERSON'],
    to: ['ORGANIZATION'],
    description: 'A person holds a role (the qualifier is its title) at an organization.',
  },
  {
    name: 'BASED_IN',
    stated: true,
    from: ['PERSON', 'ORGANIZATION', 'EVENT'],
    to: ['PLACE'],
    description: 'A person, organization or event is based in or comes from a place.',
  },
  { name: 'COMPETES_WITH', stated: true, from: ACTOR, to: ACTOR, description: 'An organization or person competes with another.' },
  { name: 'SPOKE_AT', stated: true, from: ['PERSON'], to: ['EVENT'], description: 'A person spoke at an event.' },
  { name: 'HOSTED', stated: true, from: ACTOR, to: ['EVENT'], description: 'An organization or person hosted an event.' },
  {
    name: 'HAS_RELATIONSHIP_WITH',
    stated: true,
    from: ENTITY,
    to: ENTITY,
    description: "Two entities have a relationship; the qualifier says what kind, in the article's words.",
  },
  { name: 'GOVERNS', stated: true, from: ['ORGANIZATION'], to: ['PLACE'], description: 'A government or administration governs a place.' },
  { name: 'PART_OF', stated: true, from: ENTITY, to: ENTITY, description: 'An entity is part or a member of another.' },
  { name: 'CONTAINS', stated: false, from: ['ARTICLE'], to: ['QUOTE', 'CLAIM', 'FIGURE'], description: 'An article contains a quote, claim or figure.' },
  { name: 'MENTIONS', stated: false, from: ['ARTICLE'], to: ENTITY, description: 'An article mentions an entity by name or alias.' },
  { name: 'SAID', stated: false, from: ACTOR, to: ['QUOTE'], description: 'A speaker said a quote.' },
  { name: 'CLAIMS', stated: false, from: ACTOR, to: ['CLAIM'], description: 'A claimant (a person or organization) makes a claim.' },
  { name: 'ABOUT', stated: false, from: ['CLAIM'], to: ENTITY, description: 'A claim is about an entity (one of its subjects).' },
  { name: 'MEASURES', stated: false, from: ['FIGURE'], to: ENTITY, description: 'A figure is a quantity of an entity (its subject).' },
  { name: 'SUPPORTED_BY', stated: false, from: ['CLAIM'], to: ['QUOTE'], description: 'A claim is supported by a quote.' },
  { name: 'STATES', stated: false, from: ['CLAIM'], to: ['FIGURE'], description: 'A claim states a figure.' },
];

/** Predicate definitions by name. */
export const PREDICATE_BY_NAME: ReadonlyMap<string, PredicateDefinition> = new Map(PREDICATES.map((p) => [p.name, p]));
