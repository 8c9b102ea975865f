import { type Adjacency, buildAdjacency, type Incidences, incidenceRange, incidencesOf, NO_ADJACENCY } from './adjacency';
import type { ArticleRecord, UnplacedEdge, UnplacedNode } from './derive-article';
import { compareEdges, compareMentions, compareNodes } from './graph-order';
import type { GraphStats } from './graph-store';
import { type ArticleNode, type Edge, type EntityNode, type FigureNode, type GraphNode, isEntity, type Mention, NODE_KINDS, type NodeKind } from './model';
import type { RawEntitiesFile } from './raw-data';
import { SearchIndex } from './search-index';
import { ShardedMap } from './sharded-map';
import {
  type EdgesByPredicate,
  type EntitySource,
  type GraphSnapshot,
  nodeAtSlot,
  relatedKey,
  type RelatedBuckets,
  type SlotTable,
} from './snapshot';
import { type Sliced, sortSliced, Ticker } from './time-slices';
import { PREDICATES } from './vocabulary';
import { combineDigests } from './version-digest';

/**
 * A change of the graph, as nodes, edges and mentions to put and remove.
 * Putting a node whose id exists replaces it (it keeps its slot); putting
 * an edge whose id exists replaces it too.
 */
export interface GraphDelta {
  readonly putNodes: readonly UnplacedNode<GraphNode>[];
  readonly removeNodeIds: readonly string[];
  readonly putEdges: readonly UnplacedEdge[];
  readonly removeEdgeIds: readonly string[];
  /** Mentions to add; every mention of each (article, entity) named in `replaceMentionsOf` is removed first. */
  readonly putMentions: readonly Mention[];
  readonly replaceMentionsOf: readonly { readonly articleId: string; readonly entityId: string }[];
  readonly putArticles: readonly (readonly [string, ArticleRecord])[];
  readonly removeArticleIds: readonly string[];
  readonly putEntitySources: readonly (readonly [string, EntitySource])[];
  /** Entities files whose content changed, whole. */
  readonly putEntityFiles: readonly (readonly [string, RawEntitiesFile])[];
  /** Data files whose bytes changed: their new digest, or undefined for a file removed. */
  readonly files: readonly (readonly [string, string | undefined])[];
}

/** A version made by applying a delta, not yet visible: `commit` publishes what it shares with other versions, and returns it. */
export interface PreparedVersion {
  commit(): GraphSnapshot;
}

const EMPTY: readonly never[] = [];

/** `list` (in the order of `compare`) without the items `drop` says to drop, with `add` merged in; `list` itself is kept if nothing changes. */
function mergeList<T>(list: readonly T[], drop: ((item: T) => boolean) | undefined, add: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  const kept = drop ? list.filter((item) => !drop(item)) : list;
  if (add.length === 0) return kept.length === list.length ? list : kept;
  const sortedAdd = add.length > 1 ? [...add].sort(compare) : add;
  if (kept.length === 0) return sortedAdd;
  const merged: T[] = new Array(kept.length + sortedAdd.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < kept.length && j < sortedAdd.length) merged[k++] = compare(kept[i], sortedAdd[j]) <= 0 ? kept[i++] : sortedAdd[j++];
  while (i < kept.length) merged[k++] = kept[i++];
  while (j < sortedAdd.length) merged[k++] = sortedAdd[j++];
  return merged;
}

/** Pushes `value` onto the list of `key`. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The graph with nothing in it: where a build starts. */
export function emptySnapshot(): GraphSnapshot {
  const search = new SearchIndex();
  const searchVersion = search.firstVersion(0);
  const slots: SlotTable = { builtNodes: [], changedNodes: ShardedMap.of([]), nodeSlots: 0, edges: [], edgeSlots: 0 };
  const nodes = ShardedMap.of<string, GraphNode>([]);
  return {
    version: combineDigests([]),
    seq: 0,
    nodes,
    nodesByKind: new Map(NODE_KINDS.map((kind) => [kind, EMPTY])),
    edgesById: ShardedMap.of([]),
    related: ShardedMap.of([]),
    edgesOut: ShardedMap.of([]),
    edgesIn: ShardedMap.of([]),
    adjacency: NO_ADJACENCY,
    mentionsByEntity: ShardedMap.of([]),
    mentionsByArticle: ShardedMap.of([]),
    entityIdsByName: ShardedMap.of([]),
    figuresByUnit: new Map(),
    slots,
    stats: countsOf(new Map(NODE_KINDS.map((kind) => [kind, 0])), new Map(PREDICATES.map((p) => [p.name, 0])), 0, 0),
    search: search.view(searchVersion, () => undefined, () => ''),
    searchIndex: search,
    searchVersion,
    articles: ShardedMap.of([]),
    entitySources: ShardedMap.of([]),
    entityFiles: ShardedMap.of([]),
    fileDigests: ShardedMap.of([]),
  };
}

function countsOf(byKind: ReadonlyMap<NodeKind, number>, byPredicate: ReadonlyMap<string, number>, mentionCount: number, edgeCount: number): GraphStats {
  return {
    nodeCount: [...byKind.values()].reduce((a, b) => a + b, 0),
    edgeCount,
    mentionCount,
    byKind: NODE_KINDS.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })),
    byPredicate: PREDICATES.map((p) => ({ predicate: p.name, count: byPredicate.get(p.name) ?? 0 })),
  };
}

/** Options of `applyDelta`. */
export interface ApplyOptions {
  /**
   * True when the delta builds the graph from nothing: slots are given in
   * node order, and the adjacency is built whole rather than node by node.
   */
  readonly build?: boolean;
}

/**
 * Applies a delta to a version, making the next one (sliced work: see
 * time-slices.ts). Nothing the two versions share is changed until
 * `commit`: a prepared version that is never committed leaves the graph as
 * it was.
 */
export function* applyDelta(base: GraphSnapshot, delta: GraphDelta, options: ApplyOptions = {}): Sliced<PreparedVersion> {
  const tick = new Ticker();
  const build = options.build ?? false;

  // Nodes: the old node of each id put or removed, and slots for the new ones.
  const removedNodes = new Map<string, GraphNode>();
  for (const id of delta.removeNodeIds) {
    const old = base.nodes.get(id);
    if (old) removedNodes.set(id, old);
  }
  let puts = delta.putNodes as UnplacedNode<GraphNode>[];
  if (build) puts = yield* sortSliced([...puts], compareNodes);
  let nodeSlots = base.slots.nodeSlots;
  const putNodes: GraphNode[] = [];
  // A node put whose id exists (removed in the same delta or not) is replaced, and keeps its slot.
  const replacedNodes = new Map<string, GraphNode>();
  for (const pending of puts) {
    const old = base.nodes.get(pending.id);
    if (old) {
      replacedNodes.set(pending.id, old);
      removedNodes.delete(pending.id);
    }
    putNodes.push({ ...pending, slot: old ? old.slot : nodeSlots++ } as GraphNode);
    if (tick.due()) yield;
  }
  const putById = new Map<string, GraphNode>();
  for (const node of putNodes) {
    putById.set(node.id, node);
    if (tick.due()) yield;
  }
  const nodes = yield* base.nodes.withSliced([...putNodes.map((node) => [node.id, node] as const), ...[...removedNodes.keys()].map((id) => [id, undefined] as const)]);
  const nodeOf = (id: string): GraphNode | undefined => putById.get(id) ?? (removedNodes.has(id) ? undefined : base.nodes.get(id));
  yield;

  // Node lists by kind, and figures by unit.
  const goneOrReplaced = (node: GraphNode) => removedNodes.has(node.id) || replacedNodes.has(node.id);
  const addedByKind = new Map<NodeKind, GraphNode[]>();
  for (const node of putNodes) pushTo(addedByKind, node.kind, node);
  const nodesByKind = new Map(base.nodesByKind);
  const kindCounts = new Map(base.stats.byKind.map(({ kind, count }) => [kind, count]));
  const touchedKinds = new Set<NodeKind>([...addedByKind.keys(), ...[...removedNodes.values(), ...replacedNodes.values()].map((n) => n.kind)]);
  for (const kind of touchedKinds) {
    const list = mergeList(base.nodesByKind.get(kind) ?? EMPTY, build ? undefined : goneOrReplaced, build ? EMPTY : (addedByKind.get(kind) ?? EMPTY), compareNodes);
    nodesByKind.set(kind, build ? (addedByKind.get(kind) ?? EMPTY) : list);
    kindCounts.set(kind, nodesByKind.get(kind)!.length);
    yield;
  }
  const figuresByUnit = new Map(base.figuresByUnit);
  const addedFigures = new Map<string, FigureNode[]>();
  for (const node of putNodes) if (node.kind === 'FIGURE') pushTo(addedFigures, node.unit, node);
  const touchedUnits = new Set([...addedFigures.keys(), ...[...removedNodes.values(), ...replacedNodes.values()].flatMap((n) => (n.kind === 'FIGURE' ? [n.unit] : []))]);
  for (const unit of touchedUnits) {
    const list = mergeList(base.figuresByUnit.get(unit) ?? EMPTY, goneOrReplaced as (f: FigureNode) => boolean, addedFigures.get(unit) ?? EMPTY, compareNodes);
    if (list.length > 0) figuresByUnit.set(unit, list);
    else figuresByUnit.delete(unit);
    yield;
  }

  // Entity names.
  const nameChanges = new Map<string, Set<string>>();
  const namesOf = (entity: EntityNode) => new Set([entity.name, ...entity.aliases].map((n) => n.toLowerCase()));
  for (const old of [...removedNodes.values(), ...replacedNodes.values()]) {
    if (!isEntity(old)) continue;
    for (const name of namesOf(old)) {
      if (!nameChanges.has(name)) nameChanges.set(name, new Set(base.entityIdsByName.get(name) ?? EMPTY));
      nameChanges.get(name)!.delete(old.id);
    }
  }
  for (const node of putNodes) {
    if (!isEntity(node)) continue;
    for (const name of namesOf(node)) {
      if (!nameChanges.has(name)) nameChanges.set(name, new Set(base.entityIdsByName.get(name) ?? EMPTY));
      nameChanges.get(name)!.add(node.id);
    }
  }
  const entityIdsByName = yield* base.entityIdsByName.withSliced(
    [...nameChanges].map(([name, ids]) => [name, ids.size > 0 ? [...ids].sort((a, b) => compareNodes(nodeOf(a)!, nodeOf(b)!)) : undefined] as const),
  );
  yield;

  // Edges: removed, and put with new slots (an edge put again replaces the old one).
  const removedEdges = new Map<string, Edge>();
  for (const id of delta.removeEdgeIds) {
    const old = base.edgesById.get(id);
    if (old) removedEdges.set(id, old);
  }
  for (const pending of delta.putEdges) {
    const old = base.edgesById.get(pending.id);
    if (old) removedEdges.set(pending.id, old);
  }
  // Edges of removed nodes go too.
  for (const node of removedNodes.values()) {
    for (const index of [base.edgesOut, base.edgesIn]) {
      for (const list of index.get(node.id)?.values() ?? EMPTY) for (const edge of list) removedEdges.set(edge.id, edge);
    }
    if (tick.due()) yield;
  }
  let edgeSlots = base.slots.edgeSlots;
  const putEdges: Edge[] = [];
  for (const pending of delta.putEdges) {
    putEdges.push({ ...pending, slot: edgeSlots++ });
    if (tick.due()) yield;
  }
  const edgesById = yield* base.edgesById.withSliced([...[...removedEdges.keys()].map((id) => [id, undefined] as const), ...putEdges.map((edge) => [edge.id, edge] as const)]);
  yield;

  // Edge lists of each node whose edges changed.
  /** The edges removed and added at each node, by one of their ends. */
  interface EdgeChanges {
    readonly removed: Map<string, Set<string>>;
    readonly added: Map<string, Edge[]>;
    readonly touched: Set<string>;
  }
  function* edgeChanges(endOf: (edge: Edge) => string): Sliced<EdgeChanges> {
    const removed = new Map<string, Set<string>>();
    const added = new Map<string, Edge[]>();
    for (const edge of removedEdges.values()) {
      const at = endOf(edge);
      if (!removed.has(at)) removed.set(at, new Set());
      removed.get(at)!.add(edge.id);
      if (tick.due()) yield;
    }
    for (const edge of putEdges) {
      pushTo(added, endOf(edge), edge);
      if (tick.due()) yield;
    }
    const touched = new Set(removed.keys());
    for (const key of added.keys()) {
      touched.add(key);
      if (tick.due()) yield;
    }
    return { removed, added, touched };
  }
  const outChanges = yield* edgeChanges((edge) => edge.from);
  const inChanges = yield* edgeChanges((edge) => edge.to);
  function* nextEdgeIndex(index: ShardedMap<string, EdgesByPredicate>, changes: EdgeChanges): Sliced<ShardedMap<string, EdgesByPredicate>> {
    const updates: [string, EdgesByPredicate | undefined][] = [];
    for (const nodeId of changes.touched) {
      const before = index.get(nodeId);
      const removed = changes.removed.get(nodeId);
      const added = new Map<string, Edge[]>();
      for (const edge of changes.added.get(nodeId) ?? EMPTY) pushTo(added, edge.predicate, edge);
      const after = new Map(before ?? EMPTY);
      for (const predicate of new Set([...(removed ? [...removed].map((id) => removedEdges.get(id)!.predicate) : EMPTY), ...added.keys()])) {
        const list = mergeList(before?.get(predicate) ?? EMPTY, removed ? (edge) => removed.has(edge.id) : undefined, added.get(predicate) ?? EMPTY, compareEdges);
        if (list.length > 0) after.set(predicate, list);
        else after.delete(predicate);
      }
      updates.push([nodeId, after.size > 0 ? after : undefined]);
      if (tick.due()) yield;
    }
    return yield* index.withSliced(updates);
  }
  const edgesOut = yield* nextEdgeIndex(base.edgesOut, outChanges);
  const edgesIn = yield* nextEdgeIndex(base.edgesIn, inChanges);

  // Related buckets, made again from the edge lists of every node whose edges changed or whose
  // neighbour was put again (its bucket holds the node object).
  const relatedTouched = new Set(outChanges.touched);
  for (const nodeId of inChanges.touched) {
    relatedTouched.add(nodeId);
    if (tick.due()) yield;
  }
  for (const node of replacedNodes.values()) {
    for (const index of [edgesOut, edgesIn]) {
      for (const list of index.get(node.id)?.values() ?? EMPTY) for (const edge of list) relatedTouched.add(edge.from === node.id ? edge.to : edge.from);
    }
    if (tick.due()) yield;
  }
  const relatedUpdates: [string, RelatedBuckets | undefined][] = [];
  for (const nodeId of relatedTouched) {
    if (!nodeOf(nodeId)) {
      relatedUpdates.push([nodeId, undefined]);
      continue;
    }
    const buckets = new Map<string, GraphNode[]>();
    for (const [direction, index] of [['OUT', edgesOut] as const, ['IN', edgesIn] as const]) {
      for (const [predicate, list] of index.get(nodeId) ?? EMPTY) {
        for (const edge of list) {
          const other = nodeOf(direction === 'OUT' ? edge.to : edge.from)!;
          pushTo(buckets, relatedKey(direction, predicate, other.kind), other);
        }
      }
    }
    for (const [key, list] of buckets) {
      const sorted = yield* sortSliced(list, compareNodes);
      buckets.set(key, sorted.filter((node, i) => i === 0 || sorted[i - 1] !== node));
    }
    relatedUpdates.push([nodeId, buckets.size > 0 ? buckets : undefined]);
    if (tick.due()) yield;
  }
  const related = yield* base.related.withSliced(relatedUpdates);

  // Slots: the nodes put and removed, and the edges put.
  let slots: SlotTable;
  if (build) {
    slots = { builtNodes: putNodes, changedNodes: ShardedMap.of([]), nodeSlots, edges: putEdges, edgeSlots };
  } else {
    slots = {
      builtNodes: base.slots.builtNodes,
      changedNodes: base.slots.changedNodes.with([...putNodes.map((node) => [node.slot, node] as const), ...[...removedNodes.values()].map((node) => [node.slot, null] as const)]),
      nodeSlots,
      edges: base.slots.edges,
      edgeSlots,
    };
  }
  const slotOf = (id: string) => nodeOf(id)!.slot;

  // Adjacency: built whole, or the incidences of each node whose edges changed, in edge order.
  let adjacency: Adjacency;
  if (build) {
    adjacency = yield* buildAdjacency(putEdges, nodeSlots, slotOf);
  } else {
    const updates: [number, Incidences][] = [];
    const range = incidenceRange();
    const edgeAt = (slot: number): Edge => (slot >= base.slots.edgeSlots ? putEdges[slot - base.slots.edgeSlots] : base.slots.edges[slot]);
    for (const nodeId of new Set([...outChanges.touched, ...inChanges.touched, ...removedNodes.keys()])) {
      const node = nodeOf(nodeId) ?? removedNodes.get(nodeId)!;
      if (!nodeOf(nodeId)) {
        updates.push([node.slot, { edge: new Uint32Array(0), other: new Uint32Array(0) }]);
        continue;
      }
      const kept: Edge[] = [];
      incidencesOf(base.adjacency, node.slot, range);
      for (let i = range.from; i < range.to; i++) {
        const edge = edgeAt(range.edge[i]);
        if (!removedEdges.has(edge.id)) kept.push(edge);
      }
      const added = [...(outChanges.added.get(nodeId) ?? EMPTY), ...(inChanges.added.get(nodeId) ?? EMPTY)];
      const incidences = mergeList(kept, undefined, added, compareEdges);
      const edge = new Uint32Array(incidences.length);
      const other = new Uint32Array(incidences.length);
      incidences.forEach((e, i) => {
        edge[i] = e.slot;
        other[i] = slotOf(e.from === nodeId ? e.to : e.from);
      });
      updates.push([node.slot, { edge, other }]);
      if (tick.due()) yield;
    }
    adjacency = { ...base.adjacency, changed: base.adjacency.changed.with(updates) };
  }

  // Mentions.
  const mentionsByArticleUpdates = new Map<string, readonly Mention[]>();
  const mentionsByEntityUpdates = new Map<string, readonly Mention[]>();
  const droppedPairs = new Set(delta.replaceMentionsOf.map(({ articleId, entityId }) => `${articleId}\u0000${entityId}`));
  for (const id of delta.removeArticleIds) for (const mention of base.mentionsByArticle.get(id) ?? EMPTY) droppedPairs.add(`${id}\u0000${mention.entityId}`);
  const dropMention = (mention: Mention) => droppedPairs.has(`${mention.span.articleId}\u0000${mention.entityId}`);
  const addedByArticle = new Map<string, Mention[]>();
  const addedByEntity = new Map<string, Mention[]>();
  for (const mention of delta.putMentions) {
    pushTo(addedByArticle, mention.span.articleId, mention);
    pushTo(addedByEntity, mention.entityId, mention);
  }
  let mentionCount = base.stats.mentionCount;
  const articlesTouched = new Set([...addedByArticle.keys(), ...[...droppedPairs].map((pair) => pair.split('\u0000')[0])]);
  const entitiesTouched = new Set([...addedByEntity.keys(), ...[...droppedPairs].map((pair) => pair.split('\u0000')[1])]);
  const byMention = (a: Mention, b: Mention) => compareMentions(a, b, nodeOf);
  for (const articleId of articlesTouched) {
    const before = base.mentionsByArticle.get(articleId) ?? EMPTY;
    const after = mergeList(before, dropMention, addedByArticle.get(articleId) ?? EMPTY, byMention);
    mentionCount += after.length - before.length;
    mentionsByArticleUpdates.set(articleId, after);
    if (tick.due()) yield;
  }
  for (const entityId of entitiesTouched) {
    mentionsByEntityUpdates.set(entityId, mergeList(base.mentionsByEntity.get(entityId) ?? EMPTY, dropMention, addedByEntity.get(entityId) ?? EMPTY, byMention));
    if (tick.due()) yield;
  }
  const emptyToUndefined = ([key, list]: readonly [string, readonly Mention[]]) => [key, list.length > 0 ? list : undefined] as const;
  const mentionsByArticle = yield* base.mentionsByArticle.withSliced([...mentionsByArticleUpdates].map(emptyToUndefined));
  const mentionsByEntity = yield* base.mentionsByEntity.withSliced([...mentionsByEntityUpdates].map(emptyToUndefined));

  // Counts.
  const predicateCounts = new Map(base.stats.byPredicate.map(({ predicate, count }) => [predicate, count]));
  for (const edge of removedEdges.values()) predicateCounts.set(edge.predicate, predicateCounts.get(edge.predicate)! - 1);
  for (const edge of putEdges) predicateCounts.set(edge.predicate, predicateCounts.get(edge.predicate)! + 1);
  const stats = countsOf(kindCounts, predicateCounts, mentionCount, base.stats.edgeCount - removedEdges.size + putEdges.length);

  // Sources.
  const articles = yield* base.articles.withSliced([...delta.removeArticleIds.map((id) => [id, undefined] as const), ...delta.putArticles]);
  const entitySources = yield* base.entitySources.withSliced(delta.putEntitySources);
  const entityFiles = yield* base.entityFiles.withSliced(delta.putEntityFiles);
  const fileDigests = yield* base.fileDigests.withSliced(delta.files);
  const version = combineDigests(fileDigests.values());
  const seq = base.seq + 1;
  yield;

  const searchIndex = build ? new SearchIndex() : base.searchIndex;
  const searchAdded = putNodes;
  const searchRemoved = [...removedNodes.values(), ...replacedNodes.values()].map((node) => node.slot);
  if (build) {
    // The first version's documents are added while building, a few at a time, in node order.
    const articleText = (id: string) => (putById.get(id) as ArticleNode).text;
    for (let at = 0; at < putNodes.length; at += 256) {
      searchIndex.addNodes(putNodes.slice(at, at + 256), seq, articleText);
      yield;
    }
  }

  let committed: GraphSnapshot | undefined;
  return {
    commit(): GraphSnapshot {
      if (committed) return committed;
      if (!build) (base.slots.edges as Edge[]).push(...putEdges);
      const snapshotParts = { nodes, slots };
      const nodeAt = (slot: number) => nodeAtSlot(snapshotParts.slots, slot);
      const articleText = (id: string) => (snapshotParts.nodes.get(id) as ArticleNode).text;
      const searchVersion = build ? searchIndex.firstVersion(seq) : searchIndex.update(base.searchVersion, seq, searchAdded, searchRemoved, articleText);
      committed = {
        version,
        seq,
        nodes,
        nodesByKind,
        edgesById,
        related,
        edgesOut,
        edgesIn,
        adjacency,
        mentionsByEntity,
        mentionsByArticle,
        entityIdsByName,
        figuresByUnit,
        slots,
        stats,
        search: searchIndex.view(searchVersion, nodeAt, articleText),
        searchIndex,
        searchVersion,
        articles,
        entitySources,
        entityFiles,
        fileDigests,
      };
      return committed;
    },
  };
}
