/** IRI prefixes of the vocabularies the linked data uses. */
export const SCHEMA_ORG = 'https://schema.org/';
export const WEB_ANNOTATION = 'http://www.w3.org/ns/oa#';

/** What a term of the context stands for. */
export interface TermDefinition {
  /** The full IRI of the property or type. */
  readonly iri: string;
  /** The property links to nodes: its string values are IRIs. */
  readonly link?: boolean;
  /** The value of the property is the subject, the node holding it the object (JSON-LD `@reverse`). */
  readonly reverse?: boolean;
}

const schema = (name: string, link = false): TermDefinition => ({ iri: SCHEMA_ORG + name, link });
const annotation = (name: string, link = false): TermDefinition => ({ iri: WEB_ANNOTATION + name, link });

/**
 * The terms of newsgraph's JSON-LD, each to a full IRI: schema.org for
 * things, articles, quotes, claims and amounts, the W3C Web Annotation
 * vocabulary for provenance (https://www.w3.org/TR/annotation-vocab/), and
 * newsgraph's own vocabulary (`vocabulary`) for what neither has. Every
 * term is defined (no `@vocab`), so a mistyped term is an error, not a
 * guess.
 */
export function terms(vocabulary: string): Readonly<Record<string, TermDefinition>> {
  const own = (name: string, link = false): TermDefinition => ({ iri: vocabulary + name, link });
  return {
    // Types.
    NewsArticle: schema('NewsArticle'),
    Person: schema('Person'),
    Organization: schema('Organization'),
    Place: schema('Place'),
    Event: schema('Event'),
    DefinedTerm: schema('DefinedTerm'),
    Quotation: schema('Quotation'),
    Claim: schema('Claim'),
    MonetaryAmount: schema('MonetaryAmount'),
    QuantitativeValue: schema('QuantitativeValue'),
    OrganizationRole: schema('OrganizationRole'),
    Annotation: annotation('Annotation'),
    SpecificResource: annotation('SpecificResource'),
    TextPositionSelector: annotation('TextPositionSelector'),
    TextQuoteSelector: annotation('TextQuoteSelector'),
    // What every entity has.
    name: schema('name'),
    alternateName: schema('alternateName'),
    description: schema('description'),
    sameAs: schema('sameAs', true),
    // Articles.
    headline: schema('headline'),
    articleBody: schema('articleBody'),
    datePublished: schema('datePublished'),
    url: schema('url', true),
    mentions: schema('mentions', true),
    hasPart: schema('hasPart', true),
    // Quotes and claims.
    text: schema('text'),
    spokenByCharacter: schema('spokenByCharacter', true),
    isPartOf: schema('isPartOf', true),
    author: schema('author', true),
    about: schema('about', true),
    appearance: schema('appearance', true),
    isBasedOn: schema('isBasedOn', true),
    attribution: own('attribution'),
    states: own('states', true),
    // Figures.
    value: schema('value'),
    minValue: schema('minValue'),
    maxValue: schema('maxValue'),
    currency: schema('currency'),
    unitText: schema('unitText'),
    period: own('period'),
    counted: own('counted'),
    qualifier: own('qualifier'),
    change: own('change'),
    direction: own('direction'),
    basis: own('basis'),
    measures: own('measures', true),
    // Roles and stated relations.
    memberOf: schema('memberOf', true),
    member: schema('member', true),
    roleName: schema('roleName'),
    location: schema('location', true),
    performerIn: schema('performerIn', true),
    competesWith: own('competesWith', true),
    hosted: own('hosted', true),
    hasRelationshipWith: own('hasRelationshipWith', true),
    governs: own('governs', true),
    partOf: own('partOf', true),
    // The same links seen from the other end.
    mentionedIn: { iri: SCHEMA_ORG + 'mentions', link: true, reverse: true },
    quotations: { iri: SCHEMA_ORG + 'spokenByCharacter', link: true, reverse: true },
    claimsMade: { iri: SCHEMA_ORG + 'author', link: true, reverse: true },
    claimsAbout: { iri: SCHEMA_ORG + 'about', link: true, reverse: true },
    measuredBy: { iri: vocabulary + 'measures', link: true, reverse: true },
    supports: { iri: SCHEMA_ORG + 'isBasedOn', link: true, reverse: true },
    statedBy: { iri: vocabulary + 'states', link: true, reverse: true },
    // Lists cut short in a document, and where they go on.
    more: own('more'),
    list: own('list'),
    totalItems: own('totalItems'),
    next: own('next', true),
    // Provenance: an annotation whose body is the node, targeting the article's words.
    annotation: { iri: WEB_ANNOTATION + 'hasBody', link: true, reverse: true },
    target: annotation('hasTarget', true),
    source: annotation('hasSource', true),
    selector: annotation('hasSelector', true),
    start: annotation('start'),
    end: annotation('end'),
    exact: annotation('exact'),
    prefix: annotation('prefix'),
    suffix: annotation('suffix'),
  };
}

/** The terms as a JSON-LD `@context`. */
export function jsonLdContext(vocabulary: string): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  for (const [term, definition] of Object.entries(terms(vocabulary))) {
    const key = definition.reverse ? '@reverse' : '@id';
    context[term] = definition.link ? { [key]: definition.iri, '@type': '@id' } : definition.reverse ? { '@reverse': definition.iri } : definition.iri;
  }
  return context;
}
