import type { NodeKind } from './model';
import { PREDICATES } from './vocabulary';

// Order keys: strings whose lexicographic order is the graph's canonical
// order. Ids hold only [a-z0-9:/-], so "\u0000" ends an id (or a name)
// before anything it could be compared with; numbers are zero-padded.

/** Groups of the node order: articles, then entities, then the items of articles. */
const ARTICLES = '0';
const ENTITIES = '1';
const ITEMS = '2';

const KIND_RANK: Readonly<Record<NodeKind, string>> = {
  ARTICLE: '0',
  PERSON: '1',
  ORGANIZATION: '2',
  PLACE: '3',
  EVENT: '4',
  TOPIC: '5',
  QUOTE: '6',
  CLAIM: '7',
  FIGURE: '8',
};

const PREDICATE_RANK: ReadonlyMap<string, string> = new Map(PREDICATES.map((p, i) => [p.name, String(i).padStart(2, '0')]));

/** A text offset as a fixed-width key part (article texts are far shorter than 10^10 characters). */
function offset(n: number): string {
  return String(n).padStart(10, '0');
}

/** The order key of an article: by id. */
export function articleOrder(id: string): string {
  return `${ARTICLES}${id}`;
}

/** The order key of an entity: by name without regard to case, then id. */
export function entityOrder(name: string, id: string): string {
  return `${ENTITIES}${name.toLowerCase()}\u0000${id}`;
}

/** The order key of a quote, claim or figure: by article, then start and end in its text, then kind, then id. */
export function itemOrder(articleId: string, start: number, end: number, kind: NodeKind, id: string): string {
  return `${ITEMS}${articleId}\u0000${offset(start)}${offset(end)}${KIND_RANK[kind]}${id}`;
}

/**
 * The order key of an edge: by article, then the start and end of its span,
 * then predicate (in vocabulary order), then its ends; `repeat` (from 0)
 * tells apart edges that are otherwise the same.
 */
export function edgeOrder(articleId: string, start: number, end: number, predicate: string, from: string, to: string, repeat: number): string {
  return `${articleId}\u0000${offset(start)}${offset(end)}${PREDICATE_RANK.get(predicate)}${from}\u0000${to}\u0000${offset(repeat)}`;
}

/** The order key of a mention: by article, then offset, then the entity's own order. */
export function mentionOrder(articleId: string, start: number, entityOrderKey: string): string {
  return `${articleId}\u0000${offset(start)}${entityOrderKey}`;
}

/** Compares two order keys (as `Array.prototype.sort` wants). */
export function compareOrder(a: { readonly order: string }, b: { readonly order: string }): number {
  return a.order < b.order ? -1 : a.order > b.order ? 1 : 0;
}
