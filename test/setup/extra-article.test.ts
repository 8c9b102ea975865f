import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadGraph } from '../../src/graph';
import type { ArticleNode, EntityNode } from '../../src/graph/model';
import { SEED_ARTICLE_ID } from '../helpers/graph-test-server';
import { readGraphFiles } from '../helpers/bundled-data';
import { copySeedGraph, SEED_GRAPH_DIR } from '../helpers/seed-graph';
import { copyWithExtraArticle } from './extra-article.global-setup';

const SAMPLE_ID = 'article:sample-lisbon-open-source-ai-lab';
const countsByKind = (dir: string) => Object.fromEntries([...loadGraph(dir).nodesByKind].map(([kind, nodes]) => [kind, nodes.length]));

describe('copyWithExtraArticle', () => {
  it('copies the data and adds the sample article, with the three entities it brings', () => {
    const dir = copyWithExtraArticle(SEED_GRAPH_DIR);
    try {
      // The seed graph has 1 article, 3 people, 5 organizations, 2 places, 5 quotes, 23 claims and 1 figure.
      expect(countsByKind(dir)).toEqual({ ARTICLE: 2, PERSON: 4, ORGANIZATION: 6, PLACE: 3, EVENT: 1, TOPIC: 1, QUOTE: 7, CLAIM: 31, FIGURE: 3 });
      const snapshot = loadGraph(dir);
      expect(snapshot.nodesByKind.get('ARTICLE')!.map((a) => a.id)).toEqual([SAMPLE_ID, SEED_ARTICLE_ID]);
      // An invented report, and says so.
      expect((snapshot.nodes.get(SAMPLE_ID) as ArticleNode).headline).toMatch(/^Sample report: /);
      expect(readGraphFiles(SEED_GRAPH_DIR).articles).toEqual(readGraphFiles(dir).articles.filter((a) => a.id !== SAMPLE_ID));
    } finally {
      rmSync(dirname(dir), { recursive: true, force: true });
    }
  });

  it("adds none of the sample's entities that the data already defines", () => {
    const base = copySeedGraph();
    writeFileSync(
      join(base.dir, 'entities', 'cities.json'),
      JSON.stringify({ entities: [{ id: 'place:lisbon', type: 'Place', name: 'Lisbon', description: 'Capital of Portugal.' }] }),
    );
    const dir = copyWithExtraArticle(base.dir);
    try {
      expect(countsByKind(dir)).toMatchObject({ ARTICLE: 2, PERSON: 4, ORGANIZATION: 6, PLACE: 3 });
      const added = readGraphFiles(dir).entities.filter((e) => !readGraphFiles(base.dir).entities.some((b) => b.id === e.id));
      expect(added.map((e) => e.id)).toEqual(['organization:atlantic-compute-alliance', 'person:ines-carvalho']);
      expect((loadGraph(dir).nodes.get('place:lisbon') as EntityNode).description).toBe('Capital of Portugal.');
    } finally {
      rmSync(dirname(dir), { recursive: true, force: true });
      base.remove();
    }
  });

  it('refuses data that already has a file of the sample, and leaves no copy behind', () => {
    const base = copySeedGraph();
    const copies = () =>
      readdirSync(tmpdir())
        .filter((name) => name.startsWith('newsgraph-extra-article-'))
        .sort();
    try {
      writeFileSync(join(base.dir, 'articles', 'sample-lisbon-open-source-ai-lab.json'), '{}');
      const before = copies();
      expect(() => copyWithExtraArticle(base.dir)).toThrow(
        `${base.dir} already has articles/sample-lisbon-open-source-ai-lab.json: rename the sample article in `,
      );
      expect(copies()).toEqual(before);
    } finally {
      base.remove();
    }
  });
});
