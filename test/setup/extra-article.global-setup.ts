import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUNDLED_GRAPH_DATA_DIR } from '../../src/config';
import type { RawEntitiesFile } from '../../src/graph/raw-data';

/** The variable through which the global setup hands the copy to the tests of its project. */
export const EXTRA_ARTICLE_DATA_VARIABLE = 'NEWSGRAPH_EXTRA_ARTICLE_DATA_DIR';

/** The sample article and the entities it needs: an invented report, not a published article. */
export const EXTRA_ARTICLE_DIR = join(__dirname, '..', 'fixtures', 'extra-article');

/** Ids of the entities defined by the entity files of a graph-data folder. */
function definedEntityIds(dir: string): Set<string> {
  const entitiesDir = join(dir, 'entities');
  return new Set(
    readdirSync(entitiesDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => (JSON.parse(readFileSync(join(entitiesDir, name), 'utf8').replace(/^\uFEFF/, '')) as RawEntitiesFile).entities.map((e) => e.id)),
  );
}

/**
 * Copies the graph data in `dataDir` into a new temporary folder and adds the
 * sample article of test/fixtures/extra-article, with those of its entities
 * that the data does not define yet (it shares the others, as a new article
 * would). Returns the copy, `<temporary folder>/graph-data`.
 */
export function copyWithExtraArticle(dataDir: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'newsgraph-extra-article-')), 'graph-data');
  try {
    cpSync(dataDir, dir, { recursive: true });
    for (const name of readdirSync(join(EXTRA_ARTICLE_DIR, 'articles'))) {
      const target = join(dir, 'articles', name);
      if (existsSync(target)) throw new Error(`${dataDir} already has articles/${name}: rename the sample article in ${EXTRA_ARTICLE_DIR}`);
      cpSync(join(EXTRA_ARTICLE_DIR, 'articles', name), target);
    }
    const defined = definedEntityIds(dir);
    for (const name of readdirSync(join(EXTRA_ARTICLE_DIR, 'entities'))) {
      const target = join(dir, 'entities', name);
      if (existsSync(target)) throw new Error(`${dataDir} already has entities/${name}: rename the sample's entity file in ${EXTRA_ARTICLE_DIR}`);
      const file = JSON.parse(readFileSync(join(EXTRA_ARTICLE_DIR, 'entities', name), 'utf8')) as RawEntitiesFile;
      writeFileSync(target, `${JSON.stringify({ ...file, entities: file.entities.filter((e) => !defined.has(e.id)) }, null, 2)}\n`);
    }
    return dir;
  } catch (error) {
    rmSync(dirname(dir), { recursive: true, force: true });
    throw error;
  }
}

/**
 * Jest global setup of the project "bundled data with an extra article": a
 * copy of graph-data/ with the sample article, handed to the project's tests
 * in NEWSGRAPH_EXTRA_ARTICLE_DATA_DIR (see extra-article.setup.ts) and
 * removed by extra-article.global-teardown.ts.
 */
export default function makeExtraArticleData(): void {
  process.env[EXTRA_ARTICLE_DATA_VARIABLE] = copyWithExtraArticle(BUNDLED_GRAPH_DATA_DIR);
}
