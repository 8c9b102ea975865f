import type { GraphDelta } from './apply-change';
import type { DataProblem } from './data-problem';
import {
  type ArticleFragment,
  deriveArticle,
  entityOf,
  recordOf,
  entityProblems,
  findEntityMentions,
  noMentionMessage,
  type UnplacedEdge,
  type UnplacedNode,
} from './derive-article';
import type { ArticleNode, EntityNode, GraphNode, Mention } from './model';
import type { RawEntitiesFile, RawEntity } from './raw-data';
import { checkArticleSchema, schemaProblems } from './read-graph-data';
import { entityIn, type EntitySource, type GraphSnapshot } from './snapshot';
import { fileDigest } from './version-digest';

/** The body of a write of one article: the article, in the data format, and the entities it brings or changes. */
export interface ArticleWriteBody {
  readonly article: unknown;
  readonly entities?: unknown;
}

/** A data file to write (its whole new content), or to remove (content null). */
export interface FileChange {
  /** Path relative to the data directory, with `/` separators. */
  readonly file: string;
  readonly content: string | null;
}

/** What a write does, before it is done. */
export interface WritePlan {
  readonly delta: GraphDelta;
  readonly files: readonly FileChange[];
  readonly articleId: string;
  /** True when the article is new, false when it replaces one. */
  readonly created: boolean;
  readonly entitiesAdded: readonly string[];
  readonly entitiesReplaced: readonly string[];
}

/** A write that cannot be done: every problem with the data, or the article is not there. */
export type WriteRefusal =
  | { readonly code: 'INVALID_GRAPH_DATA'; readonly message: string; readonly problems: readonly DataProblem[] }
  | { readonly code: 'NOT_FOUND'; readonly message: string };

/** Where the body itself is at fault (it is not a data file). */
const BODY = 'request body';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The entities file a new entity of each type goes to. */
const FILE_OF_TYPE: Readonly<Record<RawEntity['type'], string>> = {
  Person: 'entities/people.json',
  Organization: 'entities/organizations.json',
  Place: 'entities/places.json',
  Event: 'entities/events.json',
  Topic: 'entities/topics.json',
};

/** A data file's bytes as the service writes them: two-space JSON and a final newline. */
export function formatDataFile(content: unknown): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(problems: readonly DataProblem[]): WriteRefusal {
  return {
    code: 'INVALID_GRAPH_DATA',
    message: `The article has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was changed. Fix every problem listed and send it again.`,
    problems,
  };
}

/** True when two entity records say the same. */
function sameRecord(a: RawEntity, b: RawEntity): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The MENTIONS edge of an article to an entity, at its first mention. */
function mentionsEdge(articleId: string, entityId: string, first: { start: number; end: number }): UnplacedEdge {
  return {
    id: `${articleId}|MENTIONS|${entityId}`,
    predicate: 'MENTIONS',
    from: articleId,
    to: entityId,
    qualifier: null,
    span: { articleId, start: first.start, end: first.end },
  };
}

/**
 * Plans putting the article `slug` (new, or replacing the article of that
 * id) with the entities the body brings: new ids are added, a given
 * existing id replaces that entity. Checked as the loader checks the data
 * files: against the graph of `snapshot` with the given entities, and every
 * other article that lists a replaced entity checked again for its
 * mentions. Returns the plan, or every problem (nothing is changed).
 */
export function planArticlePut(snapshot: GraphSnapshot, slug: string, body: unknown): WritePlan | WriteRefusal {
  const problems: DataProblem[] = [];
  if (!isObject(body) || !isObject(body.article)) {
    return invalid([
      { file: BODY, path: '$', message: 'the body must be a JSON object {"article": {...}, "entities": [...]}, with the article in the graph-data format' },
    ]);
  }
  const given = body.entities ?? [];
  if (!Array.isArray(given)) return invalid([{ file: BODY, path: '$.entities', message: '"entities" must be an array of entity records (or left out)' }]);
  const extra = Object.keys(body).filter((key) => key !== 'article' && key !== 'entities');
  for (const key of extra)
    problems.push({
      file: BODY,
      path: `$[${JSON.stringify(key)}]`,
      message: `unknown property ${JSON.stringify(key)}; the body holds "article" and "entities"`,
    });
  if (!SLUG.test(slug)) {
    problems.push({ file: BODY, path: '$', message: `${JSON.stringify(slug)} is not an article slug: lower-case letters and digits in words joined by "-"` });
    return invalid(problems);
  }
  const articleId = `article:${slug}`;
  const existing = snapshot.articles.get(articleId);
  const articleFile = existing?.file ?? `articles/${slug}.json`;
  if (!existing && snapshot.fileDigests.has(articleFile)) {
    problems.push({
      file: articleFile,
      path: '$.id',
      message: `the file ${articleFile} holds another article; an article of id ${articleId} cannot be written there`,
    });
  }

  // The entities given: each checked alone, then merged with the graph's.
  const records: RawEntity[] = [];
  const givenIds = new Set<string>();
  given.forEach((record: unknown, i: number) => {
    const path = `$.entities[${i}]`;
    const found = schemaProblems('entities', { entities: [record] }, BODY).map((p) => ({ ...p, path: p.path.replace(/^\$\.entities\[0\]/, path) }));
    if (found.length > 0) {
      problems.push(...found);
      return;
    }
    const raw = record as RawEntity;
    for (const problem of entityProblems(raw, path)) problems.push({ file: BODY, ...problem });
    if (givenIds.has(raw.id)) {
      problems.push({ file: BODY, path: `${path}.id`, message: `duplicate id ${JSON.stringify(raw.id)}: given twice in "entities"` });
      return;
    }
    givenIds.add(raw.id);
    const current = snapshot.entitySources.get(raw.id);
    if (!current || !sameRecord(current.raw, raw)) records.push(raw);
  });
  const changedEntities = new Map(records.map((raw) => [raw.id, entityOf(raw)]));
  const lookup = {
    get: (id: string): EntityNode | undefined => (changedEntities.get(id) as EntityNode | undefined) ?? entityIn(snapshot, id),
  };

  // The article, checked as the loader checks a file.
  const raw = body.article;
  const checked = checkArticleSchema(raw, articleFile);
  problems.push(...checked.problems);
  let fragment: ArticleFragment | undefined;
  if (checked.checkable) {
    const { article, leftOut } = checked.checkable;
    if (article.id !== articleId) {
      problems.push({
        file: articleFile,
        path: '$.id',
        message: `the id must be ${JSON.stringify(articleId)}, the slug of the path written to; it is ${JSON.stringify(article.id)}`,
      });
    } else {
      fragment = deriveArticle(articleFile, article, lookup, problems, leftOut);
    }
  }

  // Every other article that lists an entity whose names change finds its mentions again.
  const putEdges: UnplacedEdge[] = [...(fragment?.edges ?? [])];
  const putMentions: Mention[] = [...(fragment?.mentions ?? [])];
  const replaceMentionsOf: { articleId: string; entityId: string }[] = [];
  for (const [id, entity] of changedEntities) {
    const before = entityIn(snapshot, id);
    if (!before || (before.name === entity.name && before.aliases.join('\u0000') === entity.aliases.join('\u0000'))) continue;
    for (const edge of snapshot.edgesIn.get(id)?.get('MENTIONS') ?? []) {
      if (edge.from === articleId) continue;
      const other = snapshot.articles.get(edge.from)!;
      const text = (snapshot.nodes.get(edge.from) as ArticleNode).text;
      const found = findEntityMentions(text, entity);
      if (found.length === 0) {
        problems.push({ file: other.file, path: `$.entities[${other.entities.indexOf(id)}]`, message: noMentionMessage(entity) });
        continue;
      }
      replaceMentionsOf.push({ articleId: edge.from, entityId: id });
      for (const { start, end } of found) putMentions.push({ entityId: id, span: { articleId: edge.from, start, end } });
      putEdges.push(mentionsEdge(edge.from, id, found[0]));
    }
  }
  if (problems.length > 0 || !fragment) return invalid(problems);

  // The files: the article's, and each entities file that gains or changes a record.
  const files: FileChange[] = [{ file: articleFile, content: formatDataFile(raw) }];
  const entityFiles = new Map<string, RawEntitiesFile & { $schema?: string }>();
  const putEntitySources: [string, EntitySource][] = [];
  for (const record of records) {
    const current = snapshot.entitySources.get(record.id);
    const file = current?.file ?? FILE_OF_TYPE[record.type];
    let content = entityFiles.get(file);
    if (!content) {
      const before = snapshot.entityFiles.get(file) as (RawEntitiesFile & { $schema?: string }) | undefined;
      content = before ? { ...before, entities: [...before.entities] } : { $schema: '../schema/entities.schema.json', entities: [] };
      entityFiles.set(file, content);
    }
    const at = content.entities.findIndex((e) => e.id === record.id);
    if (at >= 0) content.entities[at] = record;
    else content.entities.push(record);
    putEntitySources.push([record.id, { file, raw: record }]);
  }
  for (const [file, content] of entityFiles) files.push({ file, content: formatDataFile(content) });

  const oldIds = existing ? [articleId, ...existing.itemIds] : [];
  const delta: GraphDelta = {
    putNodes: [...(changedEntities.values() as Iterable<UnplacedNode<GraphNode>>), fragment.article, ...fragment.items],
    removeNodeIds: oldIds,
    putEdges,
    removeEdgeIds: existing ? existing.edgeIds : [],
    putMentions,
    replaceMentionsOf,
    putArticles: [[articleId, recordOf(fragment)]],
    removeArticleIds: existing ? [articleId] : [],
    putEntitySources,
    putEntityFiles: [...entityFiles],
    files: files.map(({ file, content }) => [file, fileDigest(file, content!)] as const),
  };
  return {
    delta,
    files,
    articleId,
    created: !existing,
    entitiesAdded: records.filter((r) => !snapshot.entitySources.has(r.id)).map((r) => r.id),
    entitiesReplaced: records.filter((r) => snapshot.entitySources.has(r.id)).map((r) => r.id),
  };
}

/** Plans removing the article `slug`: its quotes, claims, figures, edges and mentions go; the entities stay. */
export function planArticleDelete(snapshot: GraphSnapshot, slug: string): WritePlan | WriteRefusal {
  const articleId = `article:${slug}`;
  const existing = SLUG.test(slug) ? snapshot.articles.get(articleId) : undefined;
  if (!existing) return { code: 'NOT_FOUND', message: `No article has the id ${JSON.stringify(articleId)}; nothing was changed.` };
  const delta: GraphDelta = {
    putNodes: [],
    removeNodeIds: [articleId, ...existing.itemIds],
    putEdges: [],
    removeEdgeIds: existing.edgeIds,
    putMentions: [],
    replaceMentionsOf: [],
    putArticles: [],
    removeArticleIds: [articleId],
    putEntitySources: [],
    putEntityFiles: [],
    files: [[existing.file, undefined]],
  };
  return { delta, files: [{ file: existing.file, content: null }], articleId, created: false, entitiesAdded: [], entitiesReplaced: [] };
}

/** True when a plan came back, not a refusal. */
export function isPlan(outcome: WritePlan | WriteRefusal): outcome is WritePlan {
  return 'delta' in outcome;
}
