import DataLoader from 'dataloader';
import type {
  Edge,
  EdgeQuery,
  EntityFactQuery,
  EntityNode,
  FactReports,
  GraphNode,
  GraphStore,
  Mention,
  MentionQuery,
  Page,
  PageRequest,
  RelatedQuery,
  Role,
  RoleQuery,
  Span,
} from '../graph';

/** The DataLoaders of one request. */
export interface Loaders {
  /** Nodes by id; null for unknown ids. */
  readonly node: DataLoader<string, GraphNode | null>;
  /** Entities by an IRI of their `sameAs`; null where no entity holds it. */
  readonly entityBySameAs: DataLoader<string, EntityNode | null>;
  /** Pages of related nodes. */
  readonly related: DataLoader<RelatedQuery, Page<GraphNode>, string>;
  /** Pages of edges. */
  readonly edges: DataLoader<EdgeQuery, Page<Edge>, string>;
  /** Pages of mentions. */
  readonly mentions: DataLoader<MentionQuery, Page<Mention>, string>;
  /** Roles of a person (OUT) or at an organization (IN). */
  readonly roles: DataLoader<RoleQuery, readonly Role[], string>;
  /** The words stating roles, in edge order. */
  readonly roleSpans: DataLoader<Role, readonly Span[], string>;
  /** The words of spans; null when the span's article is unknown. */
  readonly spanText: DataLoader<Span, string | null, string>;
  /** Figures and quotes as reports of facts, by id; null for an id that is neither. */
  readonly factReports: DataLoader<string, FactReports | null>;
  /** Counts of the distinct facts of an entity's figures or quotes. */
  readonly entityFacts: DataLoader<EntityFactQuery, number, string>;
  /**
   * Lets go of everything the request's loads hold (cached pages, and the
   * last batch of each loader, whose callbacks reach the whole execution),
   * once execution has ended. Loads made afterwards still work, on fresh
   * loaders.
   */
  release(): void;
}

// Cache keys: equal queries, equal keys, and different queries, different
// keys. Vocabulary words hold no "|", "," or ">"; a node id and a cursor,
// which may hold anything, get a length prefix or come last. Built by hand,
// not JSON.stringify'd (bench/README.md).

/** A page as a key part: `all` for the whole list, else `first`, then `>after` when there is a cursor (an empty one is none, as for the store). */
function pageKey(page: PageRequest | undefined): string {
  if (!page) return 'all';
  return page.after ? `${page.first}>${page.after}` : `${page.first}`;
}

/** A list of vocabulary words as a key part: `*` when absent (any), else the words joined by ",". */
function wordsKey(words: readonly string[] | undefined): string {
  return words ? words.join(',') : '*';
}

function relatedQueryKey({ nodeId, via, kinds, page }: RelatedQuery): string {
  let hops = '';
  for (let i = 0; i < via.length; i++) hops += `${i > 0 ? ',' : ''}${via[i].direction}:${via[i].predicate}`;
  return `${nodeId.length}:${nodeId}|${hops}|${wordsKey(kinds)}|${pageKey(page)}`;
}

function edgeQueryKey({ nodeId, direction, predicates, page }: EdgeQuery): string {
  return `${nodeId.length}:${nodeId}|${direction}|${wordsKey(predicates)}|${pageKey(page)}`;
}

/** An optional id as a key part: `-` when absent, else its length, ":" and the id. */
function idKey(id: string | undefined): string {
  return id === undefined ? '-' : `${id.length}:${id}`;
}

function mentionQueryKey({ entityId, articleId, page }: MentionQuery): string {
  return `${idKey(entityId)}|${idKey(articleId)}|${pageKey(page)}`;
}

function roleQueryKey({ nodeId, direction }: RoleQuery): string {
  return `${direction}|${nodeId}`;
}

function roleKey({ personId, organizationId, title }: Role): string {
  return `${personId}|${organizationId}|${title}`;
}

function spanKey({ articleId, start, end }: Span): string {
  return `${start}|${end}|${articleId}`;
}

/** The loaders of one request, over one store; each is created on first use, so that releasing allocates nothing (bench/README.md). */
class RequestLoaders implements Loaders {
  private nodeLoader?: DataLoader<string, GraphNode | null>;
  private entityBySameAsLoader?: DataLoader<string, EntityNode | null>;
  private relatedLoader?: DataLoader<RelatedQuery, Page<GraphNode>, string>;
  private edgesLoader?: DataLoader<EdgeQuery, Page<Edge>, string>;
  private mentionsLoader?: DataLoader<MentionQuery, Page<Mention>, string>;
  private rolesLoader?: DataLoader<RoleQuery, readonly Role[], string>;
  private roleSpansLoader?: DataLoader<Role, readonly Span[], string>;
  private spanTextLoader?: DataLoader<Span, string | null, string>;
  private factReportsLoader?: DataLoader<string, FactReports | null>;
  private entityFactsLoader?: DataLoader<EntityFactQuery, number, string>;

  constructor(private readonly store: GraphStore) {}

  get node(): DataLoader<string, GraphNode | null> {
    return (this.nodeLoader ??= new DataLoader((ids) => this.store.getNodes(ids)));
  }

  get entityBySameAs(): DataLoader<string, EntityNode | null> {
    return (this.entityBySameAsLoader ??= new DataLoader((iris) => this.store.getEntitiesBySameAs(iris)));
  }

  get related(): DataLoader<RelatedQuery, Page<GraphNode>, string> {
    return (this.relatedLoader ??= new DataLoader<RelatedQuery, Page<GraphNode>, string>((queries) => this.store.getRelated(queries), {
      cacheKeyFn: relatedQueryKey,
    }));
  }

  get edges(): DataLoader<EdgeQuery, Page<Edge>, string> {
    return (this.edgesLoader ??= new DataLoader<EdgeQuery, Page<Edge>, string>((queries) => this.store.getEdges(queries), { cacheKeyFn: edgeQueryKey }));
  }

  get mentions(): DataLoader<MentionQuery, Page<Mention>, string> {
    return (this.mentionsLoader ??= new DataLoader<MentionQuery, Page<Mention>, string>((queries) => this.store.getMentions(queries), {
      cacheKeyFn: mentionQueryKey,
    }));
  }

  get roles(): DataLoader<RoleQuery, readonly Role[], string> {
    return (this.rolesLoader ??= new DataLoader<RoleQuery, readonly Role[], string>((queries) => this.store.getRoles(queries), { cacheKeyFn: roleQueryKey }));
  }

  get roleSpans(): DataLoader<Role, readonly Span[], string> {
    return (this.roleSpansLoader ??= new DataLoader<Role, readonly Span[], string>((roles) => this.store.getRoleSpans(roles), { cacheKeyFn: roleKey }));
  }

  get spanText(): DataLoader<Span, string | null, string> {
    return (this.spanTextLoader ??= new DataLoader<Span, string | null, string>((spans) => this.store.getSpanTexts(spans), { cacheKeyFn: spanKey }));
  }

  get factReports(): DataLoader<string, FactReports | null> {
    return (this.factReportsLoader ??= new DataLoader((ids) => this.store.getFactReports(ids)));
  }

  get entityFacts(): DataLoader<EntityFactQuery, number, string> {
    return (this.entityFactsLoader ??= new DataLoader<EntityFactQuery, number, string>((queries) => this.store.countEntityFacts(queries), {
      cacheKeyFn: ({ entityId, kind }) => `${kind}|${entityId}`,
    }));
  }

  release(): void {
    this.entityFactsLoader =
      this.factReportsLoader =
      this.nodeLoader =
      this.entityBySameAsLoader =
      this.relatedLoader =
      this.edgesLoader =
      this.mentionsLoader =
      this.rolesLoader =
      this.roleSpansLoader =
      this.spanTextLoader =
        undefined;
  }
}

/**
 * Creates the DataLoaders for one request, over one store (one snapshot):
 * the loads made while resolving one level of a query go to the store as a
 * single batched call, and repeated loads are served from the request's cache.
 */
export function createLoaders(store: GraphStore): Loaders {
  return new RequestLoaders(store);
}
