import type { Attribution, Edge, EntityNode, GraphNode, Mention, NodeKind, Span } from './model';
import type { FactCount } from './same-facts';

/** Which way an edge is followed from a node. */
export type Direction = 'OUT' | 'IN';

/** Which slice of a sorted list to return. */
export interface PageRequest {
  /** How many items at most. */
  readonly first: number;
  /** Opaque cursor of the item after which the page starts. */
  readonly after?: string | null;
}

/** One page of a sorted list. */
export interface Page<T> {
  readonly items: readonly T[];
  /** The cursor of the item at `index` in `items` (made when asked: most pages are read without cursors). */
  cursorAt(index: number): string;
  /** How many items the whole list holds. */
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

/** One hop of a related-nodes query: follow `predicate` edges in `direction`. */
export interface Hop {
  readonly direction: Direction;
  readonly predicate: string;
}

/** The distinct nodes joined to `nodeId` by any of `via`, optionally only of some kinds; ordered by node order. */
export interface RelatedQuery {
  readonly nodeId: string;
  readonly via: readonly Hop[];
  readonly kinds?: readonly NodeKind[];
  /** Absent: the whole list. */
  readonly page?: PageRequest;
}

/** The edges at `nodeId`, in edge order. */
export interface EdgeQuery {
  readonly nodeId: string;
  readonly direction: Direction | 'BOTH';
  /** Absent: every predicate. */
  readonly predicates?: readonly string[];
  readonly page?: PageRequest;
}

/** The mentions of an entity, or in an article, in (article, offset) order. */
export interface MentionQuery {
  readonly entityId?: string;
  readonly articleId?: string;
  readonly page?: PageRequest;
}

/** Filters for listing nodes; all given filters must hold. */
export interface NodeFilter {
  /** Substring of the name or any alias, case-insensitive (entities only). */
  readonly name?: string;
  readonly claimantId?: string;
  readonly subjectId?: string;
  readonly speakerId?: string;
  readonly articleId?: string;
  readonly attribution?: Attribution;
  readonly unit?: string;
  /**
   * Figures and quotes by the facts they report (same-facts.ts): FIRST, the
   * first report of each fact (each fact once); SHARED, the first report of
   * each fact that more than one article reports. ALL or absent: every report.
   */
  readonly reports?: 'ALL' | 'FIRST' | 'SHARED';
}

/**
 * Filters that name a node, and the hops from that node to the nodes the
 * filter selects. Both stores list from the first one given (an index
 * lookup) and test the others on each candidate.
 */
export const NODE_FILTERS: readonly { filter: 'claimantId' | 'speakerId' | 'subjectId' | 'articleId'; via: readonly Hop[] }[] = [
  { filter: 'claimantId', via: [{ direction: 'OUT', predicate: 'CLAIMS' }] },
  { filter: 'speakerId', via: [{ direction: 'OUT', predicate: 'SAID' }] },
  {
    filter: 'subjectId',
    via: [
      { direction: 'IN', predicate: 'ABOUT' },
      { direction: 'IN', predicate: 'MEASURES' },
    ],
  },
  {
    filter: 'articleId',
    via: [
      { direction: 'OUT', predicate: 'CONTAINS' },
      { direction: 'OUT', predicate: 'MENTIONS' },
    ],
  },
];

/** A listing of nodes of some kinds, in node order. */
export interface NodeListQuery {
  readonly kinds: readonly NodeKind[];
  readonly filter?: NodeFilter;
  readonly page: PageRequest;
}

/**
 * How many more index entries searches may read: one allowance is shared by
 * the searches it is passed to, and each search takes from it what it read.
 * An index entry is one document and field that a word of the query, a
 * longer word it begins or a near spelling of it appears in; reading them is
 * most of a search's time.
 */
export interface SearchAllowance {
  /** Entries the allowance started with. */
  readonly limit: number;
  /** Entries still to be read. */
  remaining: number;
}

/** A full-text search. */
export interface SearchQuery {
  readonly text: string;
  /** Only nodes of these kinds (default: all). */
  readonly kinds?: readonly NodeKind[];
  readonly page: PageRequest;
  /** Index entries the search may read (default: no limit); a search that would read more is refused with a GraphQueryError on `query`. */
  readonly allowance?: SearchAllowance;
}

/** A shortest-path question. */
export interface PathQuery {
  readonly fromId: string;
  readonly toId: string;
  readonly maxHops: number;
}

/** A neighbourhood question. */
export interface NeighborhoodQuery {
  readonly centerId: string;
  readonly depth: number;
  /** Most nodes to return (the centre included). */
  readonly limit: number;
  /** Only follow edges with these predicates (default: all). */
  readonly predicates?: readonly string[];
}

/** The roles held by a person (`direction` OUT) or at an organization (IN): its `HAS_ROLE_AT` edges, folded. */
export interface RoleQuery {
  readonly nodeId: string;
  readonly direction: Direction;
}

/**
 * A role: one person, one organization, one title. The same title at the
 * same organization, stated twice (in one article or two), is one role; the
 * words stating it are asked for apart (`getRoleSpans`): a person quoted in
 * thousands of articles has thousands of them, and most readers of a role
 * want its title.
 */
export interface Role {
  readonly title: string;
  readonly personId: string;
  readonly organizationId: string;
}

/** One ranked hit of a search: the node, its score (higher is better), the index terms it matched, and those words in context. */
export interface SearchHit {
  readonly node: GraphNode;
  readonly score: number;
  readonly terms: readonly string[];
  /** The matching words in context, each marked «like this»; "…" where the text is cut. */
  readonly snippet: string;
}

/** A path between two nodes: `nodeIds[i]` and `nodeIds[i + 1]` are joined by `edges[i]`. */
export interface GraphPath {
  readonly nodeIds: readonly string[];
  readonly edges: readonly Edge[];
}

/** The nodes within some edges of a centre, and the edges among them. */
export interface Neighborhood {
  /** Ids in breadth-first order: the centre first, then by distance; each node's neighbours in edge order. */
  readonly nodeIds: readonly string[];
  /** Edges whose both ends are in `nodeIds`, in edge order. */
  readonly edges: readonly Edge[];
  /** True when `limit` cut the node list short. */
  readonly truncated: boolean;
  /** True when the edges among the nodes were more than a neighbourhood returns (MAX_NEIGHBORHOOD_EDGES). */
  readonly edgesTruncated: boolean;
}

/** Most edges a neighbourhood returns: the first found from the centre outwards. */
export const MAX_NEIGHBORHOOD_EDGES = 2_000;

/** Most edges one path search or neighbourhood may follow before it is refused (a GraphQueryError). */
export const MAX_WALK_EDGES = 10_000_000;

/** Counts of the graph. */
export interface GraphStats {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly mentionCount: number;
  readonly byKind: readonly { readonly kind: NodeKind; readonly count: number }[];
  readonly byPredicate: readonly { readonly predicate: string; readonly count: number }[];
}

/** A figure or quote as a report of a fact (see same-facts.ts). */
export interface FactReports {
  /** The reports of the same fact in other articles that match this one, in node order. */
  readonly alsoReportedIds: readonly string[];
  /** The fact's first report in node order (this one's id when it is first). */
  readonly factId: string;
  /** Every report of the fact (this one included), in node order. */
  readonly reportIds: readonly string[];
  /** How many articles report the fact. */
  readonly articleCount: number;
}

/** The figures about an entity (FIGURE: it is their subject) or its quotes (QUOTE: it is their speaker), to count the facts they report. */
export interface EntityFactQuery {
  readonly entityId: string;
  readonly kind: 'FIGURE' | 'QUOTE';
}

/** The hop from an entity to its figures or quotes. */
export const ENTITY_FACT_HOP: Readonly<Record<EntityFactQuery['kind'], Hop>> = {
  FIGURE: { direction: 'IN', predicate: 'MEASURES' },
  QUOTE: { direction: 'OUT', predicate: 'SAID' },
};

/** Counts of facts: each fact once, by kind (FIGURE, then QUOTE). */
export interface FactStats {
  readonly byKind: readonly FactCount[];
}

/** What one version of the graph holds, for logs, readiness and replies. */
export interface GraphSummary {
  readonly version: string;
  readonly articles: number;
  readonly nodes: number;
  readonly edges: number;
}

/** The summary of a store's version, from its counts. */
export async function summarizeStore(store: GraphStore): Promise<GraphSummary> {
  const stats = await store.getStats();
  return {
    version: store.version,
    articles: stats.byKind.find((k) => k.kind === 'ARTICLE')?.count ?? 0,
    nodes: stats.nodeCount,
    edges: stats.edgeCount,
  };
}

/** Runs `answer`, returning a GraphQueryError it throws instead of throwing it (for per-query results of a batch). */
export function answerOrError<T>(answer: () => T): T | GraphQueryError {
  try {
    return answer();
  } catch (error) {
    if (error instanceof GraphQueryError) return error;
    throw error;
  }
}

/** A user-caused problem with a store query (a bad cursor, an out-of-range argument). */
export class GraphQueryError extends Error {
  constructor(
    message: string,
    readonly argument: string,
  ) {
    super(message);
    this.name = 'GraphQueryError';
  }
}

/**
 * The refusal of a search that would read more than `limit` index entries,
 * what was left of `allowance`; the allowance is spent, so the operation's
 * later searches are refused too.
 */
export function searchTooBroad(allowance: SearchAllowance, limit: number): GraphQueryError {
  allowance.remaining = 0;
  const spent = allowance.limit - limit;
  if (limit <= 0) {
    return new GraphQueryError(
      `"query" is not searched: this request's other searches have read all ${allowance.limit} index entries one request may read. ` +
        'Ask for fewer searches in one request, with fewer, longer or rarer words, or split them over several requests.',
      'query',
    );
  }
  return new GraphQueryError(
    `"query" matches too much of the index: this search would read more than ${limit} index entries (one per document and field that a word of the query, ` +
      `a longer word it begins or a near spelling of it appears in), ${spent > 0 ? `which with the ${spent} read by this request's other searches is ` : ''}` +
      `over the ${allowance.limit} one request may read. Search for fewer, longer or rarer words, or split the searches over several requests.`,
    'query',
  );
}

/**
 * The read API over one immutable version of the graph. Every method is
 * async and takes many keys at once, so that a database-backed store can
 * replace the in-memory one without touching the GraphQL layer.
 */
export interface GraphStore {
  /** The version of the data behind this store. */
  readonly version: string;
  /** The nodes with these ids, in the same order; null for unknown ids. */
  getNodes(ids: readonly string[]): Promise<(GraphNode | null)[]>;
  /** One page of related nodes per query; a GraphQueryError in the place of a query that cannot be answered. */
  getRelated(queries: readonly RelatedQuery[]): Promise<(Page<GraphNode> | GraphQueryError)[]>;
  /** One page of edges per query; a GraphQueryError in the place of a query that cannot be answered. */
  getEdges(queries: readonly EdgeQuery[]): Promise<(Page<Edge> | GraphQueryError)[]>;
  /** One page of mentions per query; a GraphQueryError in the place of a query that cannot be answered. */
  getMentions(queries: readonly MentionQuery[]): Promise<(Page<Mention> | GraphQueryError)[]>;
  /** The roles of each query, in the order first stated; an empty list for an unknown node. */
  getRoles(queries: readonly RoleQuery[]): Promise<(readonly Role[])[]>;
  /** The words stating each role, in edge order (by article, then position in the text); an empty list for a role not in the graph. */
  getRoleSpans(roles: readonly Role[]): Promise<(readonly Span[])[]>;
  /**
   * The entity whose `sameAs` holds each IRI (exactly as written), in the
   * same order; null where none does. Where several do, the first in node
   * order.
   */
  getEntitiesBySameAs(iris: readonly string[]): Promise<(EntityNode | null)[]>;
  /** The words of each span (`article.text.slice(start, end)`), without handing out the article; null when its article is unknown. */
  getSpanTexts(spans: readonly Span[]): Promise<(string | null)[]>;
  /** A filtered, paged listing of nodes. */
  listNodes(query: NodeListQuery): Promise<Page<GraphNode>>;
  /** Counts of nodes and edges. */
  getStats(): Promise<GraphStats>;
  /** Each figure or quote as a report of a fact, in the order asked; null for an id that is neither. */
  getFactReports(ids: readonly string[]): Promise<(FactReports | null)[]>;
  /** Counts of distinct facts. */
  getFactStats(): Promise<FactStats>;
  /** How many distinct facts each query's figures or quotes report, in the order asked (0 for an unknown entity). */
  countEntityFacts(queries: readonly EntityFactQuery[]): Promise<number[]>;
  /** Ranked full-text hits, best first. */
  search(query: SearchQuery): Promise<Page<SearchHit>>;
  /** A shortest path, or null when none is within `maxHops`; throws a GraphQueryError for an unknown id. */
  findPath(query: PathQuery): Promise<GraphPath | null>;
  /** The subgraph around a node; throws a GraphQueryError for an unknown id. */
  getNeighborhood(query: NeighborhoodQuery): Promise<Neighborhood>;
}
