import type { DataProblem } from './data-problem';
import type { GraphStore, GraphSummary } from './graph-store';

/** A reload that made a new version current. */
export interface ReloadResult {
  readonly previousVersion: string;
  readonly version: string;
}

/** A write that was done: the article is in the data files and in the version now current. */
export interface WriteDone {
  readonly ok: true;
  readonly previousVersion: string;
  readonly version: string;
  readonly articleId: string;
  /** True when the write made a new article (PUT of a new slug). */
  readonly created: boolean;
  readonly entitiesAdded: readonly string[];
  readonly entitiesReplaced: readonly string[];
}

/** A write that was not done; nothing changed. */
export interface WriteRefused {
  readonly ok: false;
  /**
   * INVALID_GRAPH_DATA: the article (or what it does to the graph) has
   * problems, all listed; NOT_FOUND: no such article; RELOAD_IN_PROGRESS: a
   * reload is reading the data files, try again once it is done.
   */
  readonly code: 'INVALID_GRAPH_DATA' | 'NOT_FOUND' | 'RELOAD_IN_PROGRESS';
  readonly message: string;
  readonly problems?: readonly DataProblem[];
}

export type WriteOutcome = WriteDone | WriteRefused;

/** A write checked and not done: it would be accepted (and would make a new article, or replace one), or its refusal. */
export type CheckOutcome = { readonly ok: true; readonly created: boolean } | WriteRefused;

/**
 * The graph a service serves, one version after another: the seam between
 * the service and whatever holds the data. A request takes `current` once,
 * at its start, and reads that one version to its end; a write or a reload
 * makes a new version current for the requests that start after it.
 */
export interface LiveGraph {
  /** The store of the version being served now. */
  readonly current: GraphStore;
  /** Where the data comes from, for logs and messages (a folder). */
  readonly origin: string;
  /** What the version being served holds. */
  summary(): Promise<GraphSummary>;
  /**
   * Reads the data again, checks all of it, and makes it current. Throws a
   * GraphDataError listing every problem (and changes nothing) when any file
   * is not valid.
   */
  reload(): Promise<ReloadResult>;
  /** Lets go of what the graph holds open (connections), when it holds any. */
  close?(): Promise<void>;
  /**
   * Puts an article (new, or replacing the one of that slug) with the
   * entities it brings (`body`: `{ article, entities }` in the data format),
   * checked as the loader checks the data files, durably: it is in the data
   * before the promise resolves. Writes are applied one after the other.
   */
  putArticle(slug: string, body: unknown): Promise<WriteOutcome>;
  /**
   * Checks a put of an article as `putArticle` does, against the version
   * current now, and changes nothing: every problem, or that it would pass.
   */
  checkArticle(slug: string, body: unknown): Promise<CheckOutcome>;
  /** Removes an article, with its quotes, claims, figures, edges and mentions; the entities stay. */
  deleteArticle(slug: string): Promise<WriteOutcome>;
}
