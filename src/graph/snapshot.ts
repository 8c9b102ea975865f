import type { Adjacency } from './adjacency';
import type { ArticleRecord } from './derive-article';
import { compareEdges, compareNodes } from './graph-order';
import type { Direction, GraphStats } from './graph-store';
import type { Edge, EntityNode, FigureNode, GraphNode, Mention, NodeKind } from './model';
import type { RawEntitiesFile, RawEntity } from './raw-data';
import type { FactBucket, FactCount, FactReport } from './same-facts';
import type { SearchIndex, SearchVersion, SearchView } from './search-index';
import type { ShardedMap } from './sharded-map';

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

/** Edges of one node, grouped by predicate; each group in edge order. */
export type EdgesByPredicate = ReadonlyMap<string, readonly Edge[]>;

/** The distinct nodes joined to one node, by `relatedKey(direction, predicate, kind of the other node)`, each list in node order. */
export type RelatedBuckets = ReadonlyMap<string, readonly GraphNode[]>;

/** Where an entity comes from: its record and the file that defines it. */
export interface EntitySource {
  readonly file: string;
  readonly raw: RawEntity;
}

/**
 * Every node and edge by slot. Slots are handed out in order and never
 * reused within one build of the graph; later versions append to the edge
 * list they share, and override the nodes they replace or remove.
 */
export interface SlotTable {
  /** Nodes by slot as first built. */
  readonly builtNodes: readonly GraphNode[];
  /** Nodes added, replaced (same slot) or removed (null) since. */
  readonly changedNodes: ShardedMap<number, GraphNode | null>;
  /** Node slots handed out so far: every node slot of this version is below it. */
  readonly nodeSlots: number;
  /** Edges by slot (shared by every version of one build, appended to only). */
  readonly edges: readonly Edge[];
  /** Edge slots of this version: every edge it reaches is below it. */
  readonly edgeSlots: number;
}

/** The node with this slot in this version, if it has one. */
export function nodeAtSlot(slots: SlotTable, slot: number): GraphNode | undefined {
  const changed = slots.changedNodes.size > 0 ? slots.changedNodes.get(slot) : undefined;
  if (changed === undefined) return slots.builtNodes[slot];
  return changed ?? undefined;
}

/**
 * One version of the graph with its indexes. Immutable: a write builds the
 * next version, sharing all it does not change with this one, so a request
 * keeps reading the version it started with to its end.
 */
export interface GraphSnapshot {
  /** Digest of the data files the version holds: equal data, equal version, however it was reached. */
  readonly version: string;
  /** The version's number in its graph: each write counts one more. */
  readonly seq: number;
  readonly nodes: ShardedMap<string, GraphNode>;
  /** Nodes of each kind, in node order. */
  readonly nodesByKind: ReadonlyMap<NodeKind, readonly GraphNode[]>;
  readonly edgesById: ShardedMap<string, Edge>;
  /** The distinct nodes joined to each node (see RelatedBuckets). */
  readonly related: ShardedMap<string, RelatedBuckets>;
  /** Outgoing edges by source node. */
  readonly edgesOut: ShardedMap<string, EdgesByPredicate>;
  /** Incoming edges by target node. */
  readonly edgesIn: ShardedMap<string, EdgesByPredicate>;
  /** The edges at each node in both directions, by slots (for walking the graph: paths, neighbourhoods). */
  readonly adjacency: Adjacency;
  /** Mentions of each entity, in mention order (by article, then offset). */
  readonly mentionsByEntity: ShardedMap<string, readonly Mention[]>;
  /** Mentions in each article, in offset order. */
  readonly mentionsByArticle: ShardedMap<string, readonly Mention[]>;
  /** Entity ids by lower-cased name and alias. */
  readonly entityIdsByName: ShardedMap<string, readonly string[]>;
  /** Figures by unit, in node order. */
  readonly figuresByUnit: ReadonlyMap<string, readonly FigureNode[]>;
  /** Each figure and quote as a report of a fact, by id (see same-facts.ts). */
  readonly factReports: ShardedMap<string, FactReport>;
  /** The reports of each bucket, their matches and the facts they make, by bucket. */
  readonly factBuckets: ShardedMap<string, FactBucket>;
  /** The first report of each fact more than one article reports, by kind, in node order. */
  readonly sharedFacts: ReadonlyMap<'FIGURE' | 'QUOTE', readonly GraphNode[]>;
  /** Counts of distinct facts, FIGURE then QUOTE. */
  readonly factCounts: readonly FactCount[];
  readonly slots: SlotTable;
  /** Counts of the version. */
  readonly stats: GraphStats;
  /** Full-text search over this version. */
  readonly search: SearchView;
  /** The full-text index shared by the versions of one build, and what of it this version sees. */
  readonly searchIndex: SearchIndex;
  readonly searchVersion: SearchVersion;
  /** What each article added, for replacing or removing it. */
  readonly articles: ShardedMap<string, ArticleRecord>;
  /** Each entity's record and file. */
  readonly entitySources: ShardedMap<string, EntitySource>;
  /** The content of each entities file, by path. */
  readonly entityFiles: ShardedMap<string, RawEntitiesFile>;
  /** Digest of each data file, by path: the version is their sum. */
  readonly fileDigests: ShardedMap<string, string>;
  /** The sum of the files' digests (see version-digest.ts). */
  readonly digestSum: bigint;
}

/** The entity with this id in the version, if there is one. */
export function entityIn(snapshot: GraphSnapshot, id: string): EntityNode | undefined {
  const node = snapshot.nodes.get(id);
  return node && node.kind !== 'ARTICLE' && node.kind !== 'QUOTE' && node.kind !== 'CLAIM' && node.kind !== 'FIGURE' ? node : undefined;
}

/** Every node of the version, in node order (for tests and measurements: it sorts them all). */
export function nodesInOrder(snapshot: GraphSnapshot): GraphNode[] {
  return [...snapshot.nodes.values()].sort(compareNodes);
}

/** Every edge of the version, in edge order (for tests and measurements: it sorts them all). */
export function edgesInOrder(snapshot: GraphSnapshot): Edge[] {
  return [...snapshot.edgesById.values()].sort(compareEdges);
}
