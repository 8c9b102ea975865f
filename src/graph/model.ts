/**
 * The graph model: plain, immutable records. Nothing here knows about
 * GraphQL or files.
 */

/** Every kind of node in the graph. */
export type NodeKind = 'ARTICLE' | 'PERSON' | 'ORGANIZATION' | 'PLACE' | 'EVENT' | 'TOPIC' | 'QUOTE' | 'CLAIM' | 'FIGURE';

/** All node kinds, in the order used for listings. */
export const NODE_KINDS: readonly NodeKind[] = ['ARTICLE', 'PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'TOPIC', 'QUOTE', 'CLAIM', 'FIGURE'];

/** The node kinds that are entities (defined once, shared by articles). */
export type EntityKind = 'PERSON' | 'ORGANIZATION' | 'PLACE' | 'EVENT' | 'TOPIC';

/** Entity kinds, in listing order. */
export const ENTITY_KINDS: readonly EntityKind[] = ['PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'TOPIC'];

/** How a claim is attributed (see the contract README). */
export type Attribution = 'DIRECT_QUOTE' | 'PARAPHRASE' | 'EDITORIAL';

/** A range of an article's text: UTF-16 offsets, end exclusive. */
export interface Span {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
}

interface NodeBase {
  readonly id: string;
  readonly kind: NodeKind;
  /**
   * A small whole number naming the node in this graph, for arrays indexed
   * by node (adjacency, search): kept by a node that is replaced (an entity
   * given a new alias), never given to another node.
   */
  readonly slot: number;
}

/** A news article. */
export interface ArticleNode extends NodeBase {
  readonly kind: 'ARTICLE';
  readonly headline: string;
  readonly description: string | null;
  readonly text: string;
  readonly url: string | null;
  readonly publishedAt: string | null;
}

/** A person, organization, place, event or topic. */
export interface EntityNode extends NodeBase {
  readonly kind: EntityKind;
  readonly name: string;
  /** The name lower-cased: what entities sort by (see graph-order.ts). */
  readonly sortName: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
  readonly sameAs: readonly string[];
}

/** Verbatim words of a speaker, as they stand in an article. */
export interface QuoteNode extends NodeBase {
  readonly kind: 'QUOTE';
  readonly span: Span;
}

/** A statement an article makes or reports. */
export interface ClaimNode extends NodeBase {
  readonly kind: 'CLAIM';
  readonly text: string;
  readonly attribution: Attribution;
  readonly span: Span;
}

/** How a figure's words bound its number: "less than $6 million" is LESS_THAN. */
export type FigureQualifier = 'LESS_THAN' | 'MORE_THAN' | 'ABOUT' | 'NEARLY' | 'UP_TO' | 'AT_LEAST';

/** Which way a change goes. */
export type ChangeDirection = 'UP' | 'DOWN';

/** What a change is measured against: "year over year" is YEAR_OVER_YEAR. */
export type ChangeBasis = 'YEAR_OVER_YEAR' | 'QUARTER_OVER_QUARTER' | 'MONTH_OVER_MONTH';

/** A change a figure states: "rose 21% year over year" is UP 21 percent, YEAR_OVER_YEAR. */
export interface FigureChange {
  readonly direction: ChangeDirection;
  /** By how much (never negative: the direction says which way), or null when the words give only the direction. */
  readonly value: number | null;
  /** The unit of `value` (see figure-units.ts), null with it. */
  readonly unit: string | null;
  readonly qualifier: FigureQualifier | null;
  readonly basis: ChangeBasis | null;
}

/** A quantity stated in an article, in full units. */
export interface FigureNode extends NodeBase {
  readonly kind: 'FIGURE';
  readonly label: string;
  readonly value: number | null;
  readonly minValue: number | null;
  readonly maxValue: number | null;
  /** A unit of the vocabulary (figure-units.ts): the level's, or the change's when the figure states only a change. */
  readonly unit: string;
  /** What a count counts ("people"), as its words name it; null unless `unit` is `count`. */
  readonly counted: string | null;
  /** How the words bound the level ("less than"), or null when they state it plainly. */
  readonly qualifier: FigureQualifier | null;
  /** The change the words state, if any. */
  readonly change: FigureChange | null;
  readonly period: string | null;
  readonly span: Span;
}

/** Any node of the graph. */
export type GraphNode = ArticleNode | EntityNode | QuoteNode | ClaimNode | FigureNode;

/** A directed, typed edge. */
export interface Edge {
  /** Stable id: `<from>|<PREDICATE>|<to>`, with `|<n>` when the same pair is linked again. */
  readonly id: string;
  /** A small whole number naming the edge, for adjacency arrays; never given to another edge. */
  readonly slot: number;
  readonly predicate: string;
  readonly from: string;
  readonly to: string;
  /** The title of a role, or the stated nature of a relationship. */
  readonly qualifier: string | null;
  /** The words the edge rests on, where the article states it. */
  readonly span: Span | null;
}

/** An occurrence of an entity's name or alias in an article. */
export interface Mention {
  readonly entityId: string;
  readonly span: Span;
}

/** Returns true when the node is an entity. */
export function isEntity(node: GraphNode): node is EntityNode {
  return (ENTITY_KINDS as readonly string[]).includes(node.kind);
}
