import { applyDelta, emptySnapshot, type GraphDelta } from './apply-change';
import type { DataProblem } from './data-problem';
import { type ArticleFragment, deriveArticle, entityOf, entityProblems, recordOf, type UnplacedNode } from './derive-article';
import type { EntityNode, GraphNode } from './model';
import type { ParsedFile, RawArticle, RawGraphData } from './raw-data';
import type { EntitySource, GraphSnapshot } from './snapshot';
import { flatMapSliced, mapSliced, runToEnd, type Sliced, sortSliced, Ticker } from './time-slices';

/** The result of building: a snapshot, or every problem that prevented it. */
export type BuildResult = { ok: true; snapshot: GraphSnapshot } | { ok: false; problems: DataProblem[] };

/** What valid graph data holds, checked across files and ready to index or store. */
export interface ValidGraphData {
  readonly entities: readonly UnplacedNode<EntityNode>[];
  readonly entitySources: ReadonlyMap<string, EntitySource>;
  /** Each article's fragment, by article id. */
  readonly fragments: readonly ArticleFragment[];
  /** Digest of each data file, by path. */
  readonly fileDigests: readonly (readonly [string, string])[];
  /** Each entities file's content, whole. */
  readonly entityFiles: RawGraphData['entityFiles'];
}

/** The result of validating: the data, or every problem found in it. */
export type ValidationResult = { ok: true; valid: ValidGraphData } | { ok: false; problems: DataProblem[] };

/**
 * Checks parsed graph data across files (sliced work: see time-slices.ts):
 * every problem is collected, together with `earlierProblems` (those of
 * reading the files); the data is handed on only when there is none.
 */
export function* validateGraphDataSliced(data: RawGraphData, earlierProblems: readonly DataProblem[] = []): Sliced<ValidationResult> {
  const tick = new Ticker();
  const problems: DataProblem[] = [...earlierProblems];
  const entities = new Map<string, UnplacedNode<EntityNode>>();
  const entitySources = new Map<string, EntitySource>();

  // Entities: defined once, anywhere under entities/.
  for (const { file, content } of data.entityFiles) {
    for (const [i, raw] of content.entities.entries()) {
      if (tick.due()) yield;
      const path = `$.entities[${i}]`;
      for (const problem of entityProblems(raw, path)) problems.push({ file, ...problem });
      const earlier = entitySources.get(raw.id);
      if (earlier) {
        problems.push({ file, path: `${path}.id`, message: `duplicate id ${JSON.stringify(raw.id)}: already defined in ${earlier.file}` });
        continue;
      }
      entities.set(raw.id, entityOf(raw));
      entitySources.set(raw.id, { file, raw });
    }
    yield;
  }

  const lookup = {
    get: (id: string) => entities.get(id) as EntityNode | undefined,
    isUnverified: (id: string) => data.unverifiedEntityIds.has(id),
    unreadableFiles: data.unreadableEntityFiles,
  };
  const articleFiles = new Map<string, ParsedFile<RawArticle>>();
  const fragments: ArticleFragment[] = [];
  for (const parsed of data.articleFiles) {
    const earlier = articleFiles.get(parsed.content.id);
    if (earlier) {
      problems.push({ file: parsed.file, path: '$.id', message: `duplicate id ${JSON.stringify(parsed.content.id)}: already used by ${earlier.file}` });
      // Still check the rest of the file, so its other problems show now and not after the id is fixed.
      deriveArticle(parsed.file, parsed.content, lookup, problems, parsed.leftOut);
      continue;
    }
    articleFiles.set(parsed.content.id, parsed);
    const fragment = deriveArticle(parsed.file, parsed.content, lookup, problems, parsed.leftOut);
    if (fragment) fragments.push(fragment);
    yield;
  }
  if (problems.length > 0) return { ok: false, problems };
  yield* sortSliced(fragments, (a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  return { ok: true, valid: { entities: [...entities.values()], entitySources, fragments, fileDigests: data.fileDigests, entityFiles: data.entityFiles } };
}

/** `validateGraphDataSliced`, run at once. */
export function validateGraphData(data: RawGraphData, earlierProblems: readonly DataProblem[] = []): ValidationResult {
  return runToEnd(validateGraphDataSliced(data, earlierProblems));
}

/**
 * Validates parsed graph data across files and builds the first version of
 * the graph, with its indexes (sliced work: see time-slices.ts). Every
 * problem is collected; if there is any, no snapshot is built (a partial
 * graph is never served).
 */
export function* buildSnapshotSliced(data: RawGraphData, earlierProblems: readonly DataProblem[] = []): Sliced<BuildResult> {
  const result = yield* validateGraphDataSliced(data, earlierProblems);
  if (!result.ok) return result;
  const { entities, entitySources, fragments, fileDigests } = result.valid;
  // Lists as long as the graph are made a few hundred items at a time (see time-slices.ts).
  const tick = new Ticker();
  const putNodes: UnplacedNode<GraphNode>[] = [...entities];
  for (const fragment of fragments) {
    putNodes.push(fragment.article);
    for (const item of fragment.items) putNodes.push(item as UnplacedNode<GraphNode>);
    if (tick.due()) yield;
  }
  const delta: GraphDelta = {
    putNodes,
    removeNodeIds: [],
    putEdges: yield* flatMapSliced(fragments, (f) => f.edges),
    removeEdgeIds: [],
    putMentions: yield* flatMapSliced(fragments, (f) => f.mentions),
    replaceMentionsOf: [],
    putArticles: yield* mapSliced(fragments, (f) => [f.article.id, recordOf(f)] as const),
    removeArticleIds: [],
    putEntitySources: [...entitySources],
    putEntityFiles: data.entityFiles.map(({ file, content }) => [file, content] as const),
    files: fileDigests,
  };
  const prepared = yield* applyDelta(emptySnapshot(), delta, { build: true });
  return { ok: true, snapshot: prepared.commit() };
}

/** `buildSnapshotSliced`, run at once. */
export function buildSnapshot(data: RawGraphData, earlierProblems: readonly DataProblem[] = []): BuildResult {
  return runToEnd(buildSnapshotSliced(data, earlierProblems));
}
