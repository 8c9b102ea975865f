import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLED_GRAPH_DATA_DIR } from '../../src/config';
import type { RawArticle, RawEntitiesFile, RawEntity } from '../../src/graph/raw-data';

/** The variable that points the tests over the bundled data at another folder. */
export const TEST_DATA_DIR_VARIABLE = 'NEWSGRAPH_TEST_DATA_DIR';

/**
 * The graph data that the tests under test/bundled-data read: the folder
 * NEWSGRAPH_TEST_DATA_DIR names, or else the bundled graph-data/. Those
 * tests check only what holds for any valid data, so that they pass on
 * graph-data/ whatever articles it holds; the jest project "bundled data
 * and an extra article" runs them again on a copy with one more article.
 */
export function bundledDataDir(): string {
  const dir = process.env[TEST_DATA_DIR_VARIABLE];
  return dir ? resolve(dir) : BUNDLED_GRAPH_DATA_DIR;
}

/** The files of a graph-data folder, parsed, as the tests compare answers with them. */
export interface GraphFiles {
  /** The articles, by id. */
  readonly articles: readonly RawArticle[];
  /** The entities, in entity order: by name (lower-cased), then id, as the schema documents. */
  readonly entities: readonly RawEntity[];
}

/** Every `.json` file under `dir`, recursively, parsed. */
function readJsonFiles<T>(dir: string): T[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, '')) as T);
}

/** Compares strings by UTF-16 code units, as the graph orders ids and names. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads the article and entity files of a graph-data folder. */
export function readGraphFiles(dir: string): GraphFiles {
  const articles = readJsonFiles<RawArticle>(join(dir, 'articles')).sort((a, b) => compareText(a.id, b.id));
  const entities = readJsonFiles<RawEntitiesFile>(join(dir, 'entities'))
    .flatMap((file) => file.entities)
    .map((entity) => ({ aliases: [], sameAs: [], ...entity }))
    .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id));
  return { articles, entities };
}

/** The slug of an article id: `article:x-y` → `x-y`; quotes, claims and figures of the article have ids `<kind>:<slug>/<key>`. */
export function slugOf(articleId: string): string {
  return articleId.slice('article:'.length);
}

/** The id of the article that holds a quote, claim or figure. */
export function articleOf(itemId: string): string {
  return `article:${itemId.slice(itemId.indexOf(':') + 1, itemId.indexOf('/'))}`;
}
