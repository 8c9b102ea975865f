import { BUNDLED_GRAPH_DATA_DIR } from '../../src/config';
import { loadGraph } from '../../src/graph';
import { bundledDataDir, readGraphFiles } from '../helpers/bundled-data';

/**
 * Run only by the jest project "bundled data with an extra article": its
 * tests of the bundled data (test/bundled-data) read a copy of graph-data/
 * that holds one more article than graph-data/ does.
 */
describe('the data of the project "bundled data with an extra article"', () => {
  it('is a copy of graph-data/ with every article it has, and the sample article besides', () => {
    const dir = bundledDataDir();
    expect(dir).not.toBe(BUNDLED_GRAPH_DATA_DIR);
    const copy = readGraphFiles(dir);
    const bundled = readGraphFiles(BUNDLED_GRAPH_DATA_DIR);
    expect(copy.articles.filter((a) => a.id !== 'article:sample-lisbon-open-source-ai-lab')).toEqual(bundled.articles);
    expect(copy.articles).toHaveLength(bundled.articles.length + 1);
    expect(loadGraph(dir).nodesByKind.get('ARTICLE')).toHaveLength(bundled.articles.length + 1);
  });
});
