import { type Adjacency, buildAdjacency, type Incidences, incidenceRange, incidencesOf, NO_ADJACENCY } from './adjacency';
import type { ArticleRecord, UnplacedEdge, UnplacedNode } from './derive-article';
import { compareEdges, compareMentions, compareNodes } from './graph-order';
import type { GraphStats } from './graph-store';
import { type ArticleNode, type Edge, type EntityNode, type FigureNode, type GraphNode, isEntity, type Mention, NODE_KINDS, type NodeKind } from './model';
import type { RawEntitiesFile } from './raw-data';
import { bucketCounts, type FactBucket, type FactCount, type FactReport, nextBucketSliced, reportsOfSliced } from './same-facts';
import { SearchIndex } from './search-index';
import { ShardedMap } from './sharded-map';
import { type EdgesByPredicate, type EntitySource, type GraphSnapshot, nodeAtSlot, relatedKey, type RelatedBuckets, type SlotTable } from './snapshot';
import { mapSliced, type Sliced, sortSliced, Ticker } from './time-slices';
import { PREDICATES } from './vocabulary';
import { addDigests, sumDigestsSliced, versionOf } from './version-digest';

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

/** Longer lists of new items than this (the new edges or mentions of a whole graph's busiest entity) are sorted a part at a time. */
const SORT_IN_SLICES_FROM = 4096;

/** The first position at or after `from` in `items` (in the order of `compare`) whose item does not come before `item` (binary search). */
function lowerBound<T>(items: readonly T[], item: T, compare: (a: T, b: T) => number, from = 0): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(items[mid], item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `list` (in the order of `compare`) without `remove` (items of it) and with
 * `add`, each found or put in place by binary search, so that a change of a
 * few items in a long list costs a few comparisons and one copy.
 */
function spliceList<T>(list: readonly T[], remove: readonly T[], add: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  if (remove.length === 0 && add.length === 0) return list;
  const positionOf = (items: readonly T[], item: T, from = 0) => lowerBound(items, item, compare, from);
  let kept: readonly T[] = list;
  if (remove.length > 0) {
    const drop = new Set<number>();
    for (const item of remove) {
      const at = positionOf(list, item);
      // The item itself, or the one equal to it in order (a node of the same id, put again).
      for (let i = at; i < list.length && compare(list[i], item) === 0; i++) if (list[i] === item) drop.add(i);
    }
    kept = drop.size === 0 ? list : list.filter((_, i) => !drop.has(i));
  }
  if (add.length === 0) return kept;
  const sortedAdd = add.length > 1 ? [...add].sort(compare) : add;
  const merged: T[] = [];
  let copied = 0;
  for (const item of sortedAdd) {
    const at = positionOf(kept, item, copied);
    for (let i = copied; i < at; i++) merged.push(kept[i]);
    merged.push(item);
    copied = at;
  }
  for (let i = copied; i < kept.length; i++) merged.push(kept[i]);
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
    version: versionOf(0n),
    digestSum: 0n,
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
    factReports: ShardedMap.of([]),
    factBuckets: ShardedMap.of([]),
    sharedFacts: new Map(),
    factCounts: [
      { kind: 'FIGURE', distinct: 0, shared: 0 },
      { kind: 'QUOTE', distinct: 0, shared: 0 },
    ],
    slots,
    stats: countsOf(new Map(NODE_KINDS.map((kind) => [kind, 0])), new Map(PREDICATES.map((p) => [p.name, 0])), 0, 0),
    search: search.view(
      searchVersion,
      () => undefined,
      () => '',
    ),
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
  const nodes = yield* base.nodes.withSliced(
    yield* mapSliced(
      putNodes,
      (node): readonly [string, GraphNode | undefined] => [node.id, node],
      [...removedNodes.keys()].map((id) => [id, undefined] as const),
    ),
  );
  const nodeOf = (id: string): GraphNode | undefined => putById.get(id) ?? (removedNodes.has(id) ? undefined : base.nodes.get(id));
  yield;

  // Node lists by kind, and figures by unit.
  const addedByKind = new Map<NodeKind, GraphNode[]>();
  for (const node of putNodes) {
    pushTo(addedByKind, node.kind, node);
    if (tick.due()) yield;
  }
  const nodesByKind = new Map(base.nodesByKind);
  const kindCounts = new Map(base.stats.byKind.map(({ kind, count }) => [kind, count]));
  const touchedKinds = new Set<NodeKind>([...addedByKind.keys(), ...[...removedNodes.values(), ...replacedNodes.values()].map((n) => n.kind)]);
  for (const kind of touchedKinds) {
    const old = [...removedNodes.values(), ...replacedNodes.values()].filter((node) => node.kind === kind);
    const list = build ? (addedByKind.get(kind) ?? EMPTY) : spliceList(base.nodesByKind.get(kind) ?? EMPTY, old, addedByKind.get(kind) ?? EMPTY, compareNodes);
    nodesByKind.set(kind, build ? (addedByKind.get(kind) ?? EMPTY) : list);
    kindCounts.set(kind, nodesByKind.get(kind)!.length);
    yield;
  }
  const figuresByUnit = new Map(base.figuresByUnit);
  const addedFigures = new Map<string, FigureNode[]>();
  for (const node of putNodes) {
    if (node.kind === 'FIGURE') pushTo(addedFigures, node.unit, node);
    if (tick.due()) yield;
  }
  const touchedUnits = new Set([
    ...addedFigures.keys(),
    ...[...removedNodes.values(), ...replacedNodes.values()].flatMap((n) => (n.kind === 'FIGURE' ? [n.unit] : [])),
  ]);
  for (const unit of touchedUnits) {
    const old = [...removedNodes.values(), ...replacedNodes.values()].filter((node): node is FigureNode => node.kind === 'FIGURE' && node.unit === unit);
    const list = spliceList(base.figuresByUnit.get(unit) ?? EMPTY, old, addedFigures.get(unit) ?? EMPTY, compareNodes);
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
    if (tick.due()) yield;
    if (!isEntity(node)) continue;
    for (const name of namesOf(node)) {
      if (!nameChanges.has(name)) nameChanges.set(name, new Set(base.entityIdsByName.get(name) ?? EMPTY));
      nameChanges.get(name)!.add(node.id);
    }
  }
  const byNodeOrder = (a: string, b: string) => compareNodes(nodeOf(a)!, nodeOf(b)!);
  const entityIdsByName = yield* base.entityIdsByName.withSliced(
    yield* mapSliced(nameChanges, ([name, ids]) => [name, ids.size > 0 ? [...ids].sort(byNodeOrder) : undefined] as const),
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
    if (tick.due()) yield;
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
  const edgesById = yield* base.edgesById.withSliced(
    yield* mapSliced(
      putEdges,
      (edge): readonly [string, Edge | undefined] => [edge.id, edge],
      [...removedEdges.keys()].map((id) => [id, undefined] as const),
    ),
  );
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
        const gone = removed ? [...removed].map((id) => removedEdges.get(id)!).filter((edge) => edge.predicate === predicate) : EMPTY;
        let come: readonly Edge[] = added.get(predicate) ?? EMPTY;
        // A node with thousands of new edges (a whole graph's busiest entity): sorted a part at a time.
        if (come.length > SORT_IN_SLICES_FROM) come = yield* sortSliced([...come], compareEdges);
        const list = spliceList(before?.get(predicate) ?? EMPTY, gone, come, compareEdges);
        if (list.length > 0) after.set(predicate, list);
        else after.delete(predicate);
      }
      updates.push([nodeId, after.size > 0 ? after : undefined]);
      if (tick.due(1 + (changes.added.get(nodeId)?.length ?? 0) + (removed?.size ?? 0))) yield;
    }
    return yield* index.withSliced(updates);
  }
  const edgesOut = yield* nextEdgeIndex(base.edgesOut, outChanges);
  const edgesIn = yield* nextEdgeIndex(base.edgesIn, inChanges);

  // Related buckets, made again from the edge lists of every node whose edges changed or whose
  // neighbour was put again (its bucket holds the node object).
  const relatedTouched = new Set<string>();
  for (const nodeId of outChanges.touched) {
    relatedTouched.add(nodeId);
    if (tick.due()) yield;
  }
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
  if (build) {
    for (const nodeId of relatedTouched) {
      const buckets = new Map<string, GraphNode[]>();
      for (const [direction, index] of [['OUT', edgesOut] as const, ['IN', edgesIn] as const]) {
        for (const [predicate, list] of index.get(nodeId) ?? EMPTY) {
          for (const edge of list) {
            const other = nodeOf(direction === 'OUT' ? edge.to : edge.from)!;
            pushTo(buckets, relatedKey(direction, predicate, other.kind), other);
            if (tick.due()) yield;
          }
        }
      }
      for (const [key, list] of buckets) {
        const sorted = yield* sortSliced(list, compareNodes);
        buckets.set(
          key,
          sorted.filter((node, i) => i === 0 || sorted[i - 1] !== node),
        );
      }
      relatedUpdates.push([nodeId, buckets.size > 0 ? buckets : undefined]);
      if (tick.due()) yield;
    }
  } else {
    for (const nodeId of relatedTouched) {
      if (!nodeOf(nodeId)) {
        relatedUpdates.push([nodeId, undefined]);
        continue;
      }
      relatedUpdates.push([nodeId, nextBuckets(nodeId)]);
      if (tick.due()) yield;
    }
  }

  /**
   * The buckets of one node after the change, made from the version before:
   * a bucket that lost an edge is made again from its predicate's edge list
   * (another edge may still join the same node); one that only gained is the
   * old one with the new nodes put in place; and a node put again replaces
   * its old object wherever it stood.
   */
  function nextBuckets(nodeId: string): RelatedBuckets | undefined {
    const before = base.related.get(nodeId);
    const buckets = new Map<string, readonly GraphNode[]>(before ?? EMPTY);
    const remade = new Set<string>();
    const remake = (direction: 'OUT' | 'IN', predicate: string, kind: GraphNode['kind']) => {
      const key = relatedKey(direction, predicate, kind);
      if (remade.has(key)) return;
      remade.add(key);
      const list = (direction === 'OUT' ? edgesOut : edgesIn).get(nodeId)?.get(predicate) ?? EMPTY;
      const others: GraphNode[] = [];
      for (const edge of list) {
        const other = nodeOf(direction === 'OUT' ? edge.to : edge.from)!;
        if (other.kind === kind) others.push(other);
      }
      others.sort(compareNodes);
      const distinct = others.filter((node, i) => i === 0 || others[i - 1] !== node);
      if (distinct.length > 0) buckets.set(key, distinct);
      else buckets.delete(key);
    };
    for (const [direction, changes] of [['OUT', outChanges] as const, ['IN', inChanges] as const]) {
      for (const id of changes.removed.get(nodeId) ?? EMPTY) {
        const edge = removedEdges.get(id)!;
        const other = base.nodes.get(direction === 'OUT' ? edge.to : edge.from);
        if (other) remake(direction, edge.predicate, other.kind);
        const now = nodeOf(direction === 'OUT' ? edge.to : edge.from);
        if (now && now.kind !== other?.kind) remake(direction, edge.predicate, now.kind);
      }
    }
    const place = (key: string, node: GraphNode, old?: GraphNode) => {
      const list = buckets.get(key) ?? EMPTY;
      const without = old ? list.filter((item) => item.id !== old.id) : list;
      if (!old && without.some((item) => item.id === node.id)) return;
      const lo = lowerBound(without, node, compareNodes);
      if (without[lo]?.id === node.id) return;
      buckets.set(key, [...without.slice(0, lo), node, ...without.slice(lo)]);
    };
    for (const [direction, changes] of [['OUT', outChanges] as const, ['IN', inChanges] as const]) {
      for (const edge of changes.added.get(nodeId) ?? EMPTY) {
        const other = nodeOf(direction === 'OUT' ? edge.to : edge.from)!;
        const key = relatedKey(direction, edge.predicate, other.kind);
        if (!remade.has(key)) place(key, other);
      }
    }
    // Neighbours put again: their new objects take the places of the old ones. A bucket longer
    // than the list of nodes put again (a busy entity's) is searched for each of them, not read whole.
    if (replacedNodes.size > 0) {
      for (const [key, list] of buckets) {
        if (remade.has(key)) continue;
        if (list.length <= replacedNodes.size) {
          for (const item of list) {
            const replaced = putById.get(item.id);
            if (replaced && replaced !== item) place(key, replaced, item);
          }
          continue;
        }
        for (const [id, old] of replacedNodes) if (list[lowerBound(list, old, compareNodes)] === old) place(key, putById.get(id)!, old);
      }
    }
    return buckets.size > 0 ? buckets : undefined;
  }
  const related = yield* base.related.withSliced(relatedUpdates);

  // Slots: the nodes put and removed, and the edges put.
  let slots: SlotTable;
  if (build) {
    slots = { builtNodes: putNodes, changedNodes: ShardedMap.of([]), nodeSlots, edges: putEdges, edgeSlots };
  } else {
    slots = {
      builtNodes: base.slots.builtNodes,
      changedNodes: base.slots.changedNodes.with([
        ...putNodes.map((node) => [node.slot, node] as const),
        ...[...removedNodes.values()].map((node) => [node.slot, null] as const),
      ]),
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
    const removedSlots = new Set([...removedEdges.values()].map((edge) => edge.slot));
    for (const nodeId of new Set([...outChanges.touched, ...inChanges.touched, ...removedNodes.keys()])) {
      const node = nodeOf(nodeId) ?? removedNodes.get(nodeId)!;
      if (!nodeOf(nodeId)) {
        updates.push([node.slot, { edge: new Uint32Array(0), other: new Uint32Array(0) }]);
        continue;
      }
      // The incidences kept (no edge object is read for them), then each new edge put in its place.
      const { edge: edges, other: others, from, to } = incidencesOf(base.adjacency, node.slot, range);
      let keptEdge = edges.subarray(from, to);
      let keptOther = others.subarray(from, to);
      if (outChanges.removed.has(nodeId) || inChanges.removed.has(nodeId)) {
        const keep: number[] = [];
        for (let i = 0; i < keptEdge.length; i++) if (!removedSlots.has(keptEdge[i])) keep.push(i);
        keptEdge = Uint32Array.from(keep, (i) => keptEdge[i]);
        keptOther = Uint32Array.from(keep, (i) => keptOther[i]);
      }
      const added = [...(outChanges.added.get(nodeId) ?? EMPTY), ...(inChanges.added.get(nodeId) ?? EMPTY)].sort(compareEdges);
      const edge = new Uint32Array(keptEdge.length + added.length);
      const other = new Uint32Array(keptEdge.length + added.length);
      let copied = 0;
      let written = 0;
      for (const next of added) {
        // Where the new edge goes among the kept ones (binary search in edge order).
        let lo = copied;
        let hi = keptEdge.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (compareEdges(edgeAt(keptEdge[mid]), next) < 0) lo = mid + 1;
          else hi = mid;
        }
        edge.set(keptEdge.subarray(copied, lo), written);
        other.set(keptOther.subarray(copied, lo), written);
        written += lo - copied;
        copied = lo;
        edge[written] = next.slot;
        other[written] = slotOf(next.from === nodeId ? next.to : next.from);
        written++;
      }
      edge.set(keptEdge.subarray(copied), written);
      other.set(keptOther.subarray(copied), written);
      updates.push([node.slot, { edge, other }]);
      if (tick.due()) yield;
    }
    adjacency = { ...base.adjacency, changed: base.adjacency.changed.with(updates) };
  }

  // Mentions.
  const mentionsByArticleUpdates = new Map<string, readonly Mention[]>();
  const mentionsByEntityUpdates = new Map<string, readonly Mention[]>();
  // The mentions that go: every mention of a removed article, and those of each (article, entity) found again.
  const removedMentions: Mention[] = [];
  for (const id of delta.removeArticleIds) removedMentions.push(...(base.mentionsByArticle.get(id) ?? EMPTY));
  const removedArticles = new Set(delta.removeArticleIds);
  for (const { articleId, entityId } of delta.replaceMentionsOf) {
    if (removedArticles.has(articleId)) continue;
    for (const mention of base.mentionsByArticle.get(articleId) ?? EMPTY) if (mention.entityId === entityId) removedMentions.push(mention);
  }
  const removedByArticle = new Map<string, Mention[]>();
  const removedByEntity = new Map<string, Mention[]>();
  for (const mention of removedMentions) {
    pushTo(removedByArticle, mention.span.articleId, mention);
    pushTo(removedByEntity, mention.entityId, mention);
    if (tick.due()) yield;
  }
  const addedByArticle = new Map<string, Mention[]>();
  const addedByEntity = new Map<string, Mention[]>();
  for (const mention of delta.putMentions) {
    pushTo(addedByArticle, mention.span.articleId, mention);
    pushTo(addedByEntity, mention.entityId, mention);
    if (tick.due()) yield;
  }
  let mentionCount = base.stats.mentionCount;
  // Old mentions are compared in the old order (their entity's old name), new ones in the new.
  const byOldMention = (a: Mention, b: Mention) => compareMentions(a, b, (id) => base.nodes.get(id));
  const byMention = (a: Mention, b: Mention) => compareMentions(a, b, nodeOf);
  for (const articleId of new Set([...addedByArticle.keys(), ...removedByArticle.keys()])) {
    const before = base.mentionsByArticle.get(articleId) ?? EMPTY;
    const kept = spliceList(before, removedByArticle.get(articleId) ?? EMPTY, EMPTY, byOldMention);
    const after = spliceList(kept, EMPTY, addedByArticle.get(articleId) ?? EMPTY, byMention);
    mentionCount += after.length - before.length;
    mentionsByArticleUpdates.set(articleId, after);
    if (tick.due(1 + after.length)) yield;
  }
  for (const entityId of new Set([...addedByEntity.keys(), ...removedByEntity.keys()])) {
    const kept = spliceList(base.mentionsByEntity.get(entityId) ?? EMPTY, removedByEntity.get(entityId) ?? EMPTY, EMPTY, byOldMention);
    const added = addedByEntity.get(entityId) ?? EMPTY;
    // An entity mentioned in thousands of articles: its new mentions are sorted a part at a time.
    const sortedAdded = added.length > SORT_IN_SLICES_FROM ? yield* sortSliced([...added], byMention) : added;
    mentionsByEntityUpdates.set(entityId, spliceList(kept, EMPTY, sortedAdded, byMention));
    if (tick.due(1 + kept.length + added.length)) yield;
  }
  const emptyToUndefined = ([key, list]: readonly [string, readonly Mention[]]) => [key, list.length > 0 ? list : undefined] as const;
  const mentionsByArticle = yield* base.mentionsByArticle.withSliced([...mentionsByArticleUpdates].map(emptyToUndefined));
  const mentionsByEntity = yield* base.mentionsByEntity.withSliced([...mentionsByEntityUpdates].map(emptyToUndefined));

  // Counts.
  const predicateCounts = new Map(base.stats.byPredicate.map(({ predicate, count }) => [predicate, count]));
  for (const edge of removedEdges.values()) {
    predicateCounts.set(edge.predicate, predicateCounts.get(edge.predicate)! - 1);
    if (tick.due()) yield;
  }
  for (const edge of putEdges) {
    predicateCounts.set(edge.predicate, predicateCounts.get(edge.predicate)! + 1);
    if (tick.due()) yield;
  }
  const stats = countsOf(kindCounts, predicateCounts, mentionCount, base.stats.edgeCount - removedEdges.size + putEdges.length);

  // Facts: the buckets of the figures and quotes removed, replaced or put, each made again from the one before.
  const goneReports = new Set<string>();
  const touchedBuckets = new Map<string, FactReport[]>();
  for (const old of [...removedNodes.values(), ...replacedNodes.values()]) {
    const report = old.kind === 'FIGURE' || old.kind === 'QUOTE' ? base.factReports.get(old.id) : undefined;
    if (!report) continue;
    goneReports.add(report.id);
    if (!touchedBuckets.has(report.bucket)) touchedBuckets.set(report.bucket, []);
  }
  const newReports = yield* reportsOfSliced(putNodes, delta.putEdges, (id) => (nodeOf(id) as ArticleNode).text);
  for (const report of newReports) {
    pushTo(touchedBuckets, report.bucket, report);
    if (tick.due()) yield;
  }
  const byReport = (a: FactReport, b: FactReport) => compareNodes(nodeOf(a.id)!, nodeOf(b.id)!);
  const bucketUpdates: [string, FactBucket | undefined][] = [];
  const sharedGone = new Map<'FIGURE' | 'QUOTE', GraphNode[]>();
  const sharedCome = new Map<'FIGURE' | 'QUOTE', GraphNode[]>();
  const countChange = new Map<'FIGURE' | 'QUOTE', { distinct: number; shared: number }>([
    ['FIGURE', { distinct: 0, shared: 0 }],
    ['QUOTE', { distinct: 0, shared: 0 }],
  ]);
  for (const [bucket, added] of touchedBuckets) {
    const before = base.factBuckets.get(bucket);
    const after = yield* nextBucketSliced(before, goneReports, added, byReport);
    bucketUpdates.push([bucket, after]);
    const kind = (before ?? after)!.reports[0].kind;
    for (const group of before?.groups ?? EMPTY) if (group.articleCount > 1) pushTo(sharedGone, kind, base.nodes.get(group.factId)!);
    for (const group of after?.groups ?? EMPTY) if (group.articleCount > 1) pushTo(sharedCome, kind, nodeOf(group.factId)!);
    const [was, is] = [bucketCounts(before), bucketCounts(after)];
    const change = countChange.get(kind)!;
    change.distinct += is.distinct - was.distinct;
    change.shared += is.shared - was.shared;
    if (tick.due()) yield;
  }
  const factBuckets = yield* base.factBuckets.withSliced(bucketUpdates);
  const factReports = yield* base.factReports.withSliced(
    yield* mapSliced(
      newReports,
      (report): readonly [string, FactReport | undefined] => [report.id, report],
      [...goneReports].map((id) => [id, undefined] as const),
    ),
  );
  const sharedFacts = new Map(base.sharedFacts);
  for (const kind of ['FIGURE', 'QUOTE'] as const) {
    const gone = sharedGone.get(kind) ?? EMPTY;
    const come = sharedCome.get(kind) ?? EMPTY;
    if (gone.length === 0 && come.length === 0) continue;
    const list = spliceList(base.sharedFacts.get(kind) ?? EMPTY, gone, come, compareNodes);
    if (list.length > 0) sharedFacts.set(kind, list);
    else sharedFacts.delete(kind);
  }
  const factCounts: FactCount[] = base.factCounts.map(({ kind, distinct, shared }) => ({
    kind,
    distinct: distinct + countChange.get(kind)!.distinct,
    shared: shared + countChange.get(kind)!.shared,
  }));
  yield;

  // Sources.
  const articles = yield* base.articles.withSliced([...delta.removeArticleIds.map((id) => [id, undefined] as const), ...delta.putArticles]);
  const entitySources = yield* base.entitySources.withSliced(delta.putEntitySources);
  const entityFiles = yield* base.entityFiles.withSliced(delta.putEntityFiles);
  const fileDigests = yield* base.fileDigests.withSliced(delta.files);
  // The version: the sum of the files' digests, less the old digests of the files changed, plus their new ones.
  const digestSum = build
    ? yield* sumDigestsSliced(fileDigests.values())
    : addDigests(
        base.digestSum,
        delta.files.flatMap(([file]) => (base.fileDigests.get(file) ? [base.fileDigests.get(file)!] : [])),
        delta.files.flatMap(([, digest]) => (digest ? [digest] : [])),
      );
  const version = versionOf(digestSum);
  const seq = base.seq + 1;
  yield;

  const searchIndex = build ? new SearchIndex() : base.searchIndex;
  const searchAdded = putNodes;
  const searchRemoved = [...removedNodes.values(), ...replacedNodes.values()].map((node) => node.slot);
  if (build) {
    // The first version's documents are added while building, a few at a time, in node order.
    const articleText = (id: string) => (putById.get(id) as ArticleNode).text;
    for (let at = 0; at < putNodes.length; at += 32) {
      searchIndex.addNodes(putNodes.slice(at, at + 32), seq, articleText);
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
        factReports,
        factBuckets,
        sharedFacts,
        factCounts,
        slots,
        stats,
        search: searchIndex.view(searchVersion, nodeAt, articleText),
        searchIndex,
        searchVersion,
        articles,
        entitySources,
        entityFiles,
        fileDigests,
        digestSum,
      };
      return committed;
    },
  };
}
