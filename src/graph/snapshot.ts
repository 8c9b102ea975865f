import type { Adjacency } from './adjacency';
import type { Direction } from './graph-store';
import type { Edge, FigureNode, GraphNode, Mention, NodeKind } from './model';
import type { SearchIndex } from './search-index';

/**
 * The keys made so far, by direction, predicate and kind. Predicates and
 * kinds come from closed vocabularies (GraphQL enums, the resolvers' own
 * hops and validated data), so the table stays small; it must never be fed
 * a string from a request unchecked.
 */
const RELATED_KEYS: Readonly<Record<Direction, Map<string, Map<NodeKind, string>>>> = { OUT: new Map(), IN: new Map() };

/**
 * Key of a bucket of `GraphSnapshot.related`. The same string object for the
 * same bucket every time: a key made afresh would be copied and hashed anew
 * on every lookup, and a request looks up dozens.
 */
export function relatedKey(direction: Direction, predicate: string, kind: NodeKind): string {
  let byKind = RELATED_KEYS[direction].get(predicate);
  if (!byKind) RELATED_KEYS[direction].set(predicate, (byKind = new Map()));
  let key = byKind.get(kind);
  if (key === undefined) byKind.set(kind, (key = `${direction}|${predicate}|${kind}`));
  return key;
}

/** Edges of one node, grouped by predicate; each group sorted by edge ordinal. */
export type EdgesByPredicate = ReadonlyMap<string, readonly Edge[]>;

/**
 * A loaded, validated graph with its indexes. Immutable: a reload builds a new
 * snapshot and swaps it in whole, so a reader always sees one consistent graph.
 */
export interface GraphSnapshot {
  /** Digest of the data the snapshot was built from; equal data, equal version. */
  readonly version: string;
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** Nodes of each kind, sorted by ordinal. */
  readonly nodesByKind: ReadonlyMap<NodeKind, readonly GraphNode[]>;
  /** All edges, sorted by ordinal (edge.ordinal is its index here). */
  readonly edges: readonly Edge[];
  readonly edgesById: ReadonlyMap<string, Edge>;
  /**
   * The distinct nodes joined to each node, by `relatedKey(direction,
   * predicate, kind of the other node)`, each list sorted by ordinal.
   */
  readonly related: ReadonlyMap<string, ReadonlyMap<string, readonly GraphNode[]>>;
  /** Outgoing edges by source node. */
  readonly edgesOut: ReadonlyMap<string, EdgesByPredicate>;
  /** Incoming edges by target node. */
  readonly edgesIn: ReadonlyMap<string, EdgesByPredicate>;
  /** The edges at each node in both directions, by ordinals (for walking the graph: paths, neighbourhoods). */
  readonly adjacency: Adjacency;
  /** Mentions of each entity, in (article, offset) order. */
  readonly mentionsByEntity: ReadonlyMap<string, readonly Mention[]>;
  /** Mentions in each article, in offset order. */
  readonly mentionsByArticle: ReadonlyMap<string, readonly Mention[]>;
  /** Entity ids by lower-cased name and alias. */
  readonly entityIdsByName: ReadonlyMap<string, readonly string[]>;
  /** Figures by unit, sorted by ordinal. */
  readonly figuresByUnit: ReadonlyMap<string, readonly FigureNode[]>;
  /** Every node, by ordinal. */
  readonly nodesByOrdinal: readonly GraphNode[];
  /** The full-text index over the nodes. */
  readonly search: SearchIndex;
}
