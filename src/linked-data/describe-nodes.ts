import {
  type FigureChange,
  type FigureQualifier,
  type GraphNode,
  GraphQueryError,
  type GraphStore,
  type Hop,
  isEntity,
  type NodeKind,
  type Page,
  type RelatedQuery,
  type Role,
  type RoleQuery,
  type Span,
} from '../graph';

/** Most items of each list in one node's document; the rest are a `more` link away. */
export const LIST_LIMIT = 100;

/** Characters of the article's text before and after a quote, claim or figure, in its TextQuoteSelector. */
export const CONTEXT_CHARACTERS = 32;

/** One list of a node's document: the nodes joined to it by `via`, under `term`. */
interface ListSpec {
  readonly term: string;
  readonly via: readonly Hop[];
  readonly kinds?: readonly NodeKind[];
  /** At most one node: the value is the node, not a list. */
  readonly one?: boolean;
  /** The link is stated by the other node (a reverse term): only in a node's own document, not in the dump. */
  readonly seenFromOtherEnd?: boolean;
}

const out = (predicate: string): Hop => ({ direction: 'OUT', predicate });
const into = (predicate: string): Hop => ({ direction: 'IN', predicate });

const ENTITY_LISTS: readonly ListSpec[] = [
  { term: 'location', via: [out('BASED_IN')] },
  { term: 'performerIn', via: [out('SPOKE_AT')] },
  { term: 'competesWith', via: [out('COMPETES_WITH')] },
  { term: 'hosted', via: [out('HOSTED')] },
  { term: 'hasRelationshipWith', via: [out('HAS_RELATIONSHIP_WITH')] },
  { term: 'governs', via: [out('GOVERNS')] },
  { term: 'partOf', via: [out('PART_OF')] },
  { term: 'mentionedIn', via: [into('MENTIONS')], kinds: ['ARTICLE'], seenFromOtherEnd: true },
  { term: 'quotations', via: [out('SAID')], kinds: ['QUOTE'], seenFromOtherEnd: true },
  { term: 'claimsMade', via: [out('CLAIMS')], kinds: ['CLAIM'], seenFromOtherEnd: true },
  { term: 'claimsAbout', via: [into('ABOUT')], kinds: ['CLAIM'], seenFromOtherEnd: true },
  { term: 'measuredBy', via: [into('MEASURES')], kinds: ['FIGURE'], seenFromOtherEnd: true },
];

/** The lists of each kind of node, in the order they appear in its document. */
const LISTS: Readonly<Record<NodeKind, readonly ListSpec[]>> = {
  ARTICLE: [
    { term: 'mentions', via: [out('MENTIONS')] },
    { term: 'hasPart', via: [out('CONTAINS')] },
  ],
  PERSON: ENTITY_LISTS,
  ORGANIZATION: ENTITY_LISTS,
  PLACE: ENTITY_LISTS,
  EVENT: ENTITY_LISTS,
  TOPIC: ENTITY_LISTS,
  QUOTE: [
    { term: 'spokenByCharacter', via: [into('SAID')], one: true },
    { term: 'supports', via: [into('SUPPORTED_BY')], kinds: ['CLAIM'], seenFromOtherEnd: true },
  ],
  CLAIM: [
    { term: 'author', via: [into('CLAIMS')], one: true },
    { term: 'about', via: [out('ABOUT')] },
    { term: 'isBasedOn', via: [out('SUPPORTED_BY')], kinds: ['QUOTE'] },
    { term: 'states', via: [out('STATES')], kinds: ['FIGURE'] },
  ],
  FIGURE: [
    { term: 'measures', via: [out('MEASURES')], one: true },
    { term: 'statedBy', via: [into('STATES')], kinds: ['CLAIM'], one: true, seenFromOtherEnd: true },
  ],
};

/** The names of the lists a node's document may page (`?list=`), by kind. */
export function pagedListsOf(kind: NodeKind): string[] {
  return LISTS[kind].filter((spec) => !spec.one).map((spec) => spec.term);
}

/** A JSON-LD node object. */
export type JsonLdNode = Record<string, unknown>;

/** Options of describeNodes. */
export interface DescribeOptions {
  /** Base of node IRIs (the id is appended). */
  readonly iriBase: string;
  /**
   * `document`: a node's own document, with the links seen from the other
   * end too and every list cut at LIST_LIMIT items, each cut list with a
   * `more` entry whose `next` continues it. `dump`: what the node itself
   * states, every list whole, links as bare IRIs (the other ends state the
   * rest).
   */
  readonly mode: 'document' | 'dump';
  /** Most items of each list in a document. Default LIST_LIMIT. */
  readonly listLimit?: number;
  /** A document of one list only, continuing after `after` (a `next` link's `list` and `after`). */
  readonly page?: { readonly list: string; readonly after: string };
}

/** The schema.org type of a node. */
export function typeOf(node: GraphNode): string {
  switch (node.kind) {
    case 'ARTICLE':
      return 'NewsArticle';
    case 'TOPIC':
      return 'DefinedTerm';
    case 'QUOTE':
      return 'Quotation';
    case 'CLAIM':
      return 'Claim';
    case 'FIGURE':
      // An ISO 4217 code is money (graph-data/README.md); any other unit is a quantity.
      return /^[A-Z]{3}$/.test(node.unit) ? 'MonetaryAmount' : 'QuantitativeValue';
    case 'PERSON':
      return 'Person';
    case 'ORGANIZATION':
      return 'Organization';
    case 'PLACE':
      return 'Place';
    case 'EVENT':
      return 'Event';
  }
}

/** `currency` for an ISO 4217 code, `unitText` for any other unit. */
function unitTerms(unit: string): JsonLdNode {
  return /^[A-Z]{3}$/.test(unit) ? { currency: unit } : { unitText: unit };
}

/**
 * A stated number in schema.org's terms: a bound stated as one ("up to",
 * "at least", "less than", "more than") is `maxValue` or `minValue`, not an
 * exact `value`; `qualifier` says which bound it is.
 */
function amountTerms(value: number | null, qualifier: FigureQualifier | null): JsonLdNode {
  if (value === null) return {};
  if (qualifier === 'UP_TO' || qualifier === 'LESS_THAN') return { maxValue: value };
  if (qualifier === 'AT_LEAST' || qualifier === 'MORE_THAN') return { minValue: value };
  return { value };
}

/** A figure's change, as a node of its own: its direction, amount, unit, qualifier and basis. */
function changeTerms(change: FigureChange): JsonLdNode {
  const doc: JsonLdNode = { direction: change.direction };
  Object.assign(doc, amountTerms(change.value, change.qualifier));
  if (change.unit !== null) Object.assign(doc, unitTerms(change.unit));
  if (change.qualifier !== null) doc.qualifier = change.qualifier;
  if (change.basis !== null) doc.basis = change.basis;
  return doc;
}

/** Span texts asked for while a batch is described, fetched together in one store call. */
class SpanTexts {
  private readonly spans: Span[] = [];
  private texts: (string | null)[] = [];

  /** Asks for the words of a span; returns where its text will be. */
  ask(span: Span): number {
    return this.spans.push(span) - 1;
  }

  async fetch(store: GraphStore): Promise<void> {
    this.texts = this.spans.length > 0 ? await store.getSpanTexts(this.spans) : [];
  }

  at(index: number): string {
    return this.texts[index] ?? '';
  }
}

/** A value filled in once the batch's span texts are known. */
type Later = () => unknown;

/**
 * The JSON-LD node objects of `nodes` (without `@context`), in schema.org
 * terms (see `terms`), read from `store` in a few batched calls for the
 * whole list: one for the related nodes of every list, one for roles, one
 * for the words of spans. A quote's, claim's or figure's words are given
 * as a W3C Web Annotation on its article (TextPositionSelector and
 * TextQuoteSelector). Throws a GraphQueryError for a page whose list or
 * cursor is not one of the node's.
 */
export async function describeNodes(store: GraphStore, nodes: readonly GraphNode[], options: DescribeOptions): Promise<JsonLdNode[]> {
  const { iriBase, mode, page } = options;
  const listLimit = options.listLimit ?? LIST_LIMIT;
  const iri = (id: string) => iriBase + id;
  const spanTexts = new SpanTexts();
  const queries: RelatedQuery[] = [];
  const plans = nodes.map((node) => {
    let specs = LISTS[node.kind].filter((spec) => mode === 'document' || !spec.seenFromOtherEnd);
    if (page) {
      specs = specs.filter((spec) => spec.term === page.list && !spec.one);
      if (specs.length === 0) throw new GraphQueryError(`"list" must name a list of this node: ${pagedListsOf(node.kind).join(', ')}`, 'list');
    }
    const first = queries.length;
    for (const spec of specs) {
      const pageRequest = spec.one ? { first: 1 } : mode === 'dump' ? undefined : { first: listLimit, after: page?.after };
      queries.push({ nodeId: node.id, via: spec.via, kinds: spec.kinds, page: pageRequest });
    }
    return { node, specs, first };
  });
  const roleQueries: RoleQuery[] = plans.flatMap(({ node }): RoleQuery[] =>
    page
      ? []
      : node.kind === 'PERSON'
        ? [{ nodeId: node.id, direction: 'OUT' as const }]
        : node.kind === 'ORGANIZATION' && mode === 'document'
          ? [{ nodeId: node.id, direction: 'IN' as const }]
          : [],
  );
  const [related, roles] = await Promise.all([queries.length > 0 ? store.getRelated(queries) : [], roleQueries.length > 0 ? store.getRoles(roleQueries) : []]);
  const pages = related.map((answer) => {
    if (answer instanceof GraphQueryError) throw answer;
    return answer;
  });
  // In a document, the other ends of roles are shown with their names: one more batch for all of them.
  const roleEnds = new Map<string, GraphNode>();
  if (mode === 'document' && roles.length > 0) {
    const ids = [...new Set(roles.flat().flatMap((role) => [role.personId, role.organizationId]))];
    for (const found of await store.getNodes(ids)) if (found) roleEnds.set(found.id, found);
  }

  // A link: the other node's IRI, with its type and name in a document (so that a page can show it).
  const link = (node: GraphNode): unknown => {
    if (mode === 'dump') return iri(node.id);
    const ref: JsonLdNode = { '@id': iri(node.id), '@type': typeOf(node) };
    if (node.kind === 'ARTICLE') ref.headline = node.headline;
    else if (node.kind === 'CLAIM') ref.text = node.text;
    else if (node.kind === 'FIGURE') ref.name = node.label;
    else if (node.kind === 'QUOTE') {
      const at = spanTexts.ask(node.span);
      return () => ({ ...ref, text: spanTexts.at(at) });
    } else ref.name = node.name;
    return ref;
  };
  const articleLink = (articleId: string): unknown => (mode === 'dump' ? iri(articleId) : { '@id': iri(articleId), '@type': 'NewsArticle' });
  const provenance = (span: Span): Later => {
    const exact = spanTexts.ask(span);
    const prefix = spanTexts.ask({ articleId: span.articleId, start: Math.max(0, span.start - CONTEXT_CHARACTERS), end: span.start });
    const suffix = spanTexts.ask({ articleId: span.articleId, start: span.end, end: span.end + CONTEXT_CHARACTERS });
    return () => {
      const quote: JsonLdNode = { '@type': 'TextQuoteSelector', exact: spanTexts.at(exact) };
      if (spanTexts.at(prefix)) quote.prefix = spanTexts.at(prefix);
      if (spanTexts.at(suffix)) quote.suffix = spanTexts.at(suffix);
      return {
        '@type': 'Annotation',
        target: {
          '@type': 'SpecificResource',
          source: iri(span.articleId),
          selector: [{ '@type': 'TextPositionSelector', start: span.start, end: span.end }, quote],
        },
      };
    };
  };

  let roleAt = 0;
  const documents = plans.map(({ node, specs, first }) => {
    const doc: Record<string, unknown> = { '@id': iri(node.id), '@type': typeOf(node) };
    if (!page) {
      switch (node.kind) {
        case 'ARTICLE':
          doc.headline = node.headline;
          if (node.description !== null) doc.description = node.description;
          doc.articleBody = node.text;
          if (node.publishedAt !== null) doc.datePublished = node.publishedAt;
          if (node.url !== null) doc.url = node.url;
          break;
        case 'QUOTE': {
          const at = spanTexts.ask(node.span);
          doc.text = () => spanTexts.at(at);
          doc.isPartOf = articleLink(node.span.articleId);
          doc.annotation = provenance(node.span);
          break;
        }
        case 'CLAIM':
          doc.text = node.text;
          doc.attribution = node.attribution;
          doc.appearance = articleLink(node.span.articleId);
          doc.annotation = provenance(node.span);
          break;
        case 'FIGURE':
          doc.name = node.label;
          Object.assign(doc, amountTerms(node.value, node.qualifier));
          if (node.minValue !== null) doc.minValue = node.minValue;
          if (node.maxValue !== null) doc.maxValue = node.maxValue;
          Object.assign(doc, unitTerms(node.unit));
          if (node.counted !== null) doc.counted = node.counted;
          if (node.qualifier !== null) doc.qualifier = node.qualifier;
          if (node.change !== null) doc.change = changeTerms(node.change);
          if (node.period !== null) doc.period = node.period;
          doc.annotation = provenance(node.span);
          break;
        default:
          if (isEntity(node)) {
            doc.name = node.name;
            if (node.aliases.length > 0) doc.alternateName = [...node.aliases];
            if (node.description !== null) doc.description = node.description;
            if (node.sameAs.length > 0) doc.sameAs = [...node.sameAs];
          }
      }
    }
    const more: JsonLdNode[] = [];
    specs.forEach((spec, i) => {
      const found: Page<GraphNode> = pages[first + i];
      if (spec.one) {
        if (found.items.length > 0) doc[spec.term] = link(found.items[0]);
        return;
      }
      if (found.items.length === 0) return;
      doc[spec.term] = found.items.map(link);
      if (found.hasNextPage) {
        const after = found.cursorAt(found.items.length - 1);
        more.push({
          list: spec.term,
          totalItems: found.totalCount,
          next: `${iri(node.id)}?list=${encodeURIComponent(spec.term)}&after=${encodeURIComponent(after)}`,
        });
      }
    });
    if (!page && (node.kind === 'PERSON' || (node.kind === 'ORGANIZATION' && mode === 'document'))) {
      const held: readonly Role[] = roles[roleAt++];
      const shown = mode === 'document' ? held.slice(0, listLimit) : held;
      const other = node.kind === 'PERSON' ? 'memberOf' : 'member';
      if (shown.length > 0) {
        doc[other] = shown.map((role) => ({
          '@type': 'OrganizationRole',
          [other]: ((end) => (mode === 'dump' || !roleEnds.has(end) ? iri(end) : link(roleEnds.get(end)!)))(
            node.kind === 'PERSON' ? role.organizationId : role.personId,
          ),
          roleName: role.title,
        }));
      }
      // Roles are not paged here: GraphQL's Person.roles and Organization.members have them all.
      if (shown.length < held.length) more.push({ list: other, totalItems: held.length });
    }
    if (more.length > 0) doc.more = more;
    return doc;
  });
  await spanTexts.fetch(store);
  return documents.map(fill) as JsonLdNode[];
}

/** The value with every deferred part filled in. */
function fill(value: unknown): unknown {
  if (typeof value === 'function') return fill((value as Later)());
  if (Array.isArray(value)) return value.map(fill);
  if (value !== null && typeof value === 'object') {
    const filled: Record<string, unknown> = {};
    for (const [key, part] of Object.entries(value)) filled[key] = fill(part);
    return filled;
  }
  return value;
}
