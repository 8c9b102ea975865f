import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { type FoldedRole, foldRoles } from './fold-roles';
import { compareEdges, compareMentions, compareNodes } from './graph-order';
import {
  answerOrError,
  type Direction,
  type EdgeQuery,
  ENTITY_FACT_HOP,
  NODE_FILTERS,
  type EntityFactQuery,
  type FactReports,
  type FactStats,
  type GraphPath,
  GraphQueryError,
  searchTooBroad,
  MAX_NEIGHBORHOOD_EDGES,
  MAX_WALK_EDGES,
  type GraphStats,
  type GraphStore,
  type Hop,
  type MentionQuery,
  type Neighborhood,
  type NeighborhoodQuery,
  type NodeListQuery,
  type Page,
  type PathQuery,
  type RelatedQuery,
  type Role,
  type RoleQuery,
  type SearchHit,
  type SearchQuery,
} from './graph-store';
import { type Edge, ENTITY_KINDS, type EntityNode, type GraphNode, isEntity, type Mention, NODE_KINDS, type NodeKind, type Span } from './model';
import { findPathSliced, WalkTooCostlyError, WalkWork, walkExclusive } from './find-path';
import { neighborhoodSliced } from './neighborhood';
import { runInSlices, type Sliced } from './time-slices';
import { type RankedHits, SearchTooBroadError } from './search-index';
import { decodeCursor, encodeCursor, type PageKeys, paginate } from './paginate';
import { type GraphSnapshot, relatedKey } from './snapshot';

const EMPTY: readonly never[] = [];

/** A merge of lists holding at least this many items in all is kept for later requests: it costs a sort. */
const KEEP_MERGES_FROM = 64;

/** Most list items (references, 8 bytes each) the kept merges hold in all. */
const KEPT_MERGED_ITEMS = 2_000_000;

/** Merges lists that are each in the order of `compare` into one list in that order, without repeats. */
function mergeInOrder<T>(lists: readonly (readonly T[])[], compare: (a: T, b: T) => number): readonly T[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0];
  const merged = nonEmpty.flat().sort(compare);
  return merged.filter((item, i) => i === 0 || merged[i - 1] !== item);
}

/** A kept merge, with the lists it was made from: it stands for as long as a version hands out those very lists. */
interface KeptMerge {
  readonly from: readonly (readonly unknown[])[];
  readonly merged: readonly unknown[];
}

/**
 * What the stores of one graph keep from request to request: merges of
 * large lists, and roles folded from many role statements. Shared by every
 * version of the graph: an entry is used only by a version whose lists are
 * the ones it was made from (lists are never changed, only replaced).
 */
export class StoreMemo {
  readonly merges = new LRUCache<string, KeptMerge>({
    maxSize: KEPT_MERGED_ITEMS,
    sizeCalculation: (kept) => Math.max(1, kept.merged.length),
  });
}

/** True when two lists of lists hold the very same lists. */
function sameLists(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Paging keys of a list of items with ids, in the order of `compare`: the cursor names the item. */
function keysById<T extends { id: string }>(type: string, compare: (a: T, b: T) => number, lookup: (id: string) => T | undefined): PageKeys<T> {
  return {
    compare,
    cursorOf: (item) => encodeCursor(type, item.id),
    itemOfCursor: (cursor) => {
      const item = lookup(decodeCursor(cursor, type));
      if (!item) throw new GraphQueryError('"after" names an item that is no longer in the graph; start again without "after"', 'after');
      return item;
    },
  };
}

/**
 * The rank a search cursor stands for. Search hits are paged by rank: the
 * cursor holds the rank of the last hit seen and a digest of the search, so
 * that it only continues the same search (on the same graph version, where
 * the ranking is the same).
 */
function searchPosition(cursor: string, search: string): number {
  const [digest, at] = decodeCursor(cursor, 'search').split(':');
  const position = Number(at);
  if (digest !== search || !Number.isInteger(position) || position < 0) {
    throw new GraphQueryError('"after" is not a cursor of this search: page with cursors of the same query, kinds and graph version', 'after');
  }
  return position;
}

/** The in-memory store: answers every query from the indexes of one version of the graph. */
export class InMemoryGraphStore implements GraphStore {
  /** Lower-cased names and aliases of each entity, for the name filter. */
  private readonly lowerNames = new Map<string, readonly string[]>();

  /** Entities by each IRI of their `sameAs`, made at the first lookup of this version. */
  private entitiesBySameAs?: Map<string, EntityNode>;

  /**
   * @param memo What the stores of the graph keep between requests: a busy
   *   entity's claims or relations come from several indexed lists, and
   *   merging thousands of items on every request would make a page cost as
   *   much as the whole list.
   */
  constructor(
    readonly snapshot: GraphSnapshot,
    private readonly memo: StoreMemo = new StoreMemo(),
  ) {}

  get version(): string {
    return this.snapshot.version;
  }

  async getNodes(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return ids.map((id) => this.snapshot.nodes.get(id) ?? null);
  }

  async getRelated(queries: readonly RelatedQuery[]): Promise<(Page<GraphNode> | GraphQueryError)[]> {
    return queries.map((q) => answerOrError(() => paginate(this.related(q.nodeId, q.via, q.kinds), this.nodeKeys, q.page)));
  }

  async getEdges(queries: readonly EdgeQuery[]): Promise<(Page<Edge> | GraphQueryError)[]> {
    return queries.map((q) => answerOrError(() => paginate(this.edgesAt(q), this.edgeKeys, q.page)));
  }

  async getMentions(queries: readonly MentionQuery[]): Promise<(Page<Mention> | GraphQueryError)[]> {
    return queries.map((q) =>
      answerOrError(() => {
        let list: readonly Mention[];
        if (q.entityId !== undefined) {
          list = this.snapshot.mentionsByEntity.get(q.entityId) ?? EMPTY;
          if (q.articleId !== undefined) list = list.filter((m) => m.span.articleId === q.articleId);
        } else if (q.articleId !== undefined) {
          list = this.snapshot.mentionsByArticle.get(q.articleId) ?? EMPTY;
        } else {
          throw new GraphQueryError('a mention query needs an entity or an article', 'id');
        }
        return paginate(list, this.mentionKeys, q.page);
      }),
    );
  }

  async getRoles(queries: readonly RoleQuery[]): Promise<(readonly Role[])[]> {
    return queries.map(({ nodeId, direction }) =>
      this.foldedRoles(nodeId, direction).map(({ title, personId, organizationId }) => ({ title, personId, organizationId })),
    );
  }

  async getRoleSpans(roles: readonly Role[]): Promise<(readonly Span[])[]> {
    return roles.map(
      (role) => this.foldedRoles(role.personId, 'OUT').find((r) => r.organizationId === role.organizationId && r.title === role.title)?.spans ?? EMPTY,
    );
  }

  /** The `HAS_ROLE_AT` edges at a node, folded into roles with their spans. */
  private foldedRoles(nodeId: string, direction: Direction): readonly FoldedRole[] {
    const edges = (direction === 'OUT' ? this.snapshot.edgesOut : this.snapshot.edgesIn).get(nodeId)?.get('HAS_ROLE_AT') ?? EMPTY;
    if (edges.length < KEEP_MERGES_FROM) return foldRoles(edges);
    // A person quoted in thousands of articles has thousands of role statements: folded once, kept with the merges.
    return this.kept(`roles ${direction} ${nodeId}`, [edges], () => foldRoles(edges));
  }

  async getEntitiesBySameAs(iris: readonly string[]): Promise<(EntityNode | null)[]> {
    if (!this.entitiesBySameAs) {
      const index = new Map<string, EntityNode>();
      for (const kind of ENTITY_KINDS) {
        for (const node of this.snapshot.nodesByKind.get(kind) ?? EMPTY) {
          if (!isEntity(node)) continue;
          for (const iri of node.sameAs) {
            const known = index.get(iri);
            if (!known || compareNodes(node, known) < 0) index.set(iri, node);
          }
        }
      }
      this.entitiesBySameAs = index;
    }
    const index = this.entitiesBySameAs;
    return iris.map((iri) => index.get(iri) ?? null);
  }

  async getSpanTexts(spans: readonly Span[]): Promise<(string | null)[]> {
    return spans.map((span) => {
      const article = this.snapshot.nodes.get(span.articleId);
      return article?.kind === 'ARTICLE' ? article.text.slice(span.start, span.end) : null;
    });
  }

  async listNodes({ kinds, filter = {}, page }: NodeListQuery): Promise<Page<GraphNode>> {
    const given = NODE_FILTERS.filter((f) => filter[f.filter] !== undefined);
    let candidates: readonly GraphNode[];
    if (given.length > 0) candidates = this.related(filter[given[0].filter]!, given[0].via, kinds);
    else if (filter.reports === 'SHARED' && filter.unit === undefined)
      candidates = mergeInOrder(
        (['FIGURE', 'QUOTE'] as const).filter((kind) => kinds.includes(kind)).map((kind) => this.snapshot.sharedFacts.get(kind) ?? EMPTY),
        compareNodes,
      );
    else if (filter.unit !== undefined) candidates = kinds.includes('FIGURE') ? (this.snapshot.figuresByUnit.get(filter.unit) ?? EMPTY) : EMPTY;
    else
      candidates = this.merge(
        kinds.map((k) => this.snapshot.nodesByKind.get(k) ?? EMPTY),
        compareNodes,
        () => `kinds ${kinds.join(',')}`,
      );

    const tests: ((node: GraphNode) => boolean)[] = given.slice(1).map(({ filter: f, via }) => {
      const members = new Set(this.related(filter[f]!, via, kinds));
      return (node) => members.has(node);
    });
    if (filter.attribution !== undefined) tests.push((node) => node.kind === 'CLAIM' && node.attribution === filter.attribution);
    if (filter.unit !== undefined) tests.push((node) => node.kind === 'FIGURE' && node.unit === filter.unit);
    if (filter.reports === 'FIRST' || filter.reports === 'SHARED') {
      const shared = filter.reports === 'SHARED';
      tests.push((node) => {
        const group = this.groupOf(node.id);
        return group !== undefined && group.factId === node.id && (!shared || group.articleCount > 1);
      });
    }
    if (filter.name !== undefined) {
      const needle = filter.name.toLowerCase();
      tests.push((node) => isEntity(node) && this.namesOf(node).some((n) => n.includes(needle)));
    }
    const matching = tests.length === 0 ? candidates : candidates.filter((node) => tests.every((test) => test(node)));
    return paginate(matching, this.nodeKeys, page);
  }

  async getStats(): Promise<GraphStats> {
    return this.snapshot.stats;
  }

  async getFactReports(ids: readonly string[]): Promise<(FactReports | null)[]> {
    return ids.map((id) => {
      const report = this.snapshot.factReports.get(id);
      const bucket = report && this.snapshot.factBuckets.get(report.bucket);
      const group = bucket?.groupOf.get(id);
      if (!bucket || !group) return null;
      return { alsoReportedIds: bucket.links.get(id) ?? EMPTY, factId: group.factId, reportIds: group.reportIds, articleCount: group.articleCount };
    });
  }

  async getFactStats(): Promise<FactStats> {
    return { byKind: this.snapshot.factCounts };
  }

  async countEntityFacts(queries: readonly EntityFactQuery[]): Promise<number[]> {
    return queries.map(({ entityId, kind }) => {
      let count = 0;
      // A fact's reports share its subject or speaker, so each fact of the entity has its first report among them.
      for (const node of this.related(entityId, [ENTITY_FACT_HOP[kind]], [kind])) if (this.groupOf(node.id)?.factId === node.id) count++;
      return count;
    });
  }

  async search({ text, kinds, page, allowance }: SearchQuery): Promise<Page<SearchHit>> {
    let hits: RankedHits;
    try {
      hits = await this.snapshot.search.searchInSlices(text, kinds, allowance);
    } catch (error) {
      if (!(error instanceof SearchTooBroadError) || !allowance) throw error;
      throw searchTooBroad(allowance, error.limit);
    }
    const digest = createHash('sha1')
      .update(JSON.stringify([this.version, text, kinds ?? []]))
      .digest('base64url')
      .slice(0, 12);
    // A cursor names a rank in this very search: the ranks before it are skipped.
    let start = 0;
    if (page?.after) {
      const position = searchPosition(page.after, digest);
      if (position >= hits.count) {
        throw new GraphQueryError('"after" is not a cursor of this list: pass a cursor from its edges or pageInfo.endCursor', 'after');
      }
      start = position + 1;
    }
    const end = page ? Math.min(hits.count, start + Math.max(0, page.first)) : hits.count;
    return {
      items: hits.slice(start, end).map((hit) => this.snapshot.search.withSnippet(hit)),
      cursorAt: (index) => encodeCursor('search', `${digest}:${start + index}`),
      totalCount: hits.count,
      hasNextPage: end < hits.count,
      hasPreviousPage: start > 0,
    };
  }

  async findPath({ fromId, toId, maxHops }: PathQuery): Promise<GraphPath | null> {
    this.requireNode(fromId, 'from');
    this.requireNode(toId, 'to');
    return this.walk('maxHops', () => findPathSliced(this.snapshot, fromId, toId, maxHops, new WalkWork(MAX_WALK_EDGES)));
  }

  async getNeighborhood({ centerId, depth, limit, predicates }: NeighborhoodQuery): Promise<Neighborhood> {
    this.requireNode(centerId, 'id');
    return this.walk('depth', () =>
      neighborhoodSliced(
        this.snapshot,
        centerId,
        depth,
        limit,
        predicates ? new Set(predicates) : undefined,
        MAX_NEIGHBORHOOD_EDGES,
        new WalkWork(MAX_WALK_EDGES),
      ),
    );
  }

  /** Runs a walk of the graph a slice at a time, after the walks before it; one too costly is refused naming `argument`. */
  private async walk<T>(argument: string, work: () => Sliced<T>): Promise<T> {
    try {
      return await walkExclusive(this.snapshot, () => runInSlices(work()));
    } catch (error) {
      if (!(error instanceof WalkTooCostlyError)) throw error;
      throw new GraphQueryError(
        `the walk would follow more than ${error.limit} edges of this graph; ask for fewer hops (a lower "${argument}"), or start from less connected nodes`,
        argument,
      );
    }
  }

  /** The fact a figure or quote reports. */
  private groupOf(id: string) {
    const report = this.snapshot.factReports.get(id);
    return report && this.snapshot.factBuckets.get(report.bucket)?.groupOf.get(id);
  }

  private requireNode(id: string, argument: string): void {
    if (!this.snapshot.nodes.has(id)) throw new GraphQueryError(`no node has the id ${JSON.stringify(id)}`, argument);
  }

  /** The distinct nodes joined to `nodeId` by any hop, of the given kinds, in node order. */
  private related(nodeId: string, via: readonly Hop[], kinds?: readonly NodeKind[]): readonly GraphNode[] {
    const buckets = this.snapshot.related.get(nodeId);
    if (!buckets) return EMPTY;
    const lists: (readonly GraphNode[])[] = [];
    for (const hop of via) {
      for (const kind of kinds ?? NODE_KINDS) {
        const list = buckets.get(relatedKey(hop.direction, hop.predicate, kind));
        if (list) lists.push(list);
      }
    }
    return this.merge(
      lists,
      compareNodes,
      () => `related ${nodeId} ${via.map((hop) => `${hop.direction}:${hop.predicate}`).join(',')} ${kinds?.join(',') ?? '*'}`,
    );
  }

  /** Merges lists in order; a large merge is kept under `key` for later requests (and versions that have the same lists). */
  private merge<T>(lists: readonly (readonly T[])[], compare: (a: T, b: T) => number, key: () => string): readonly T[] {
    let total = 0;
    let nonEmpty = 0;
    for (const list of lists) {
      total += list.length;
      if (list.length > 0) nonEmpty++;
    }
    if (nonEmpty <= 1 || total < KEEP_MERGES_FROM) return mergeInOrder(lists, compare);
    return this.kept(key(), lists, () => mergeInOrder(lists, compare));
  }

  /** The value kept under `name` for these very input lists, made and kept if there is none. */
  private kept<T>(name: string, from: readonly (readonly unknown[])[], make: () => readonly T[]): readonly T[] {
    const kept = this.memo.merges.get(name);
    if (kept && sameLists(kept.from, from)) return kept.merged as readonly T[];
    const merged = make();
    this.memo.merges.set(name, { from, merged });
    return merged;
  }

  private edgesAt({ nodeId, direction, predicates }: EdgeQuery): readonly Edge[] {
    const lists: (readonly Edge[])[] = [];
    for (const index of direction === 'BOTH'
      ? [this.snapshot.edgesOut, this.snapshot.edgesIn]
      : [direction === 'OUT' ? this.snapshot.edgesOut : this.snapshot.edgesIn]) {
      const byPredicate = index.get(nodeId);
      if (!byPredicate) continue;
      if (predicates) for (const p of predicates) lists.push(byPredicate.get(p) ?? EMPTY);
      else lists.push(...byPredicate.values());
    }
    return this.merge(lists, compareEdges, () => `edges ${nodeId} ${direction} ${predicates?.join(',') ?? '*'}`);
  }

  private namesOf(entity: EntityNode): readonly string[] {
    let names = this.lowerNames.get(entity.id);
    if (!names) this.lowerNames.set(entity.id, (names = [entity.name, ...entity.aliases].map((n) => n.toLowerCase())));
    return names;
  }

  private readonly nodeKeys = keysById<GraphNode>('node', compareNodes, (id) => this.snapshot.nodes.get(id));

  private readonly edgeKeys = keysById<Edge>('edge', compareEdges, (id) => this.snapshot.edgesById.get(id));

  private readonly mentionKeys: PageKeys<Mention> = {
    compare: (a, b) => compareMentions(a, b, (id) => this.snapshot.nodes.get(id)),
    cursorOf: (m) => encodeCursor('mention', `${m.span.articleId} ${m.span.start} ${m.entityId}`),
    itemOfCursor: (cursor) => {
      const [articleId, start, entityId] = decodeCursor(cursor, 'mention').split(' ');
      const found = (this.snapshot.mentionsByArticle.get(articleId) ?? EMPTY).find((m) => m.span.start === Number(start) && m.entityId === entityId);
      if (!found) throw new GraphQueryError('"after" names a mention that is no longer in the graph; start again without "after"', 'after');
      return found;
    },
  };
}
