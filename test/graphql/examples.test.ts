import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GraphTestServer, type OperationResult, startGraphTestServer } from '../helpers/graph-test-server';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

let server: GraphTestServer;
beforeAll(async () => {
  server = await startGraphTestServer(SEED_GRAPH_DIR);
});
afterAll(() => server.stop());

/** Runs examples/<name>.graphql with examples/<name>.variables.json, on the seed graph (test/bundled-data/examples.test.ts runs them on graph-data/). */
async function runExample(name: string): Promise<OperationResult> {
  const query = readFileSync(join(EXAMPLES, `${name}.graphql`), 'utf8');
  const variables = JSON.parse(readFileSync(join(EXAMPLES, `${name}.variables.json`), 'utf8'));
  return server.run(query, variables);
}

describe('examples/', () => {
  it('has a variables file for every operation', () => {
    const files = readdirSync(EXAMPLES);
    const operations = files.filter((f) => f.endsWith('.graphql')).map((f) => f.replace(/\.graphql$/, ''));
    expect(files.filter((f) => f.endsWith('.variables.json')).map((f) => f.replace(/\.variables\.json$/, ''))).toEqual(operations);
    expect(operations).toHaveLength(10);
  });

  it.each([
    ['who-said-what', (d: any) => [d.quotes.totalCount, d.quotes.nodes[0].speaker.name], [5, 'Mark Zuckerberg']],
    ['claims-about', (d: any) => [d.claims.totalCount, d.claims.nodes[0].claimant.name], [11, 'Mark Zuckerberg']],
    ['editorial-claims', (d: any) => [d.claims.totalCount, d.claims.nodes[0].span.text.slice(0, 23)], [4, 'DeepSeek has gained att']],
    [
      'money-figures',
      (d: any) => [d.figures.nodes[0].minValue, d.figures.nodes[0].maxValue, d.figures.nodes[0].span.text],
      [60000000000, 65000000000, '$60 billion to $65 billion'],
    ],
    [
      'entity-profile',
      (d: any) => [d.node.mentions.totalCount, d.node.roles[0].title, d.node.roles[0].spans[0].text],
      [5, 'CEO', 'Mark Zuckerberg, the CEO of Meta'],
    ],
    ['search', (d: any) => [d.search.nodes[0].node.id, d.search.nodes[0].snippet], ['person:mark-zuckerberg', 'Mark «Zuckerberg»']],
    ['connection', (d: any) => [d.path.hops, d.path.edges.map((e: any) => e.predicate)], [2, ['CLAIMS', 'ABOUT']]],
    ['neighborhood', (d: any) => [d.neighborhood.truncated, d.neighborhood.nodes.length, d.neighborhood.edges.length], [false, 4, 4]],
    ['article-provenance', (d: any) => [d.article.mentions.totalCount, d.article.mentions.nodes[0].span.text], [35, 'Mark Zuckerberg']],
    [
      'shared-facts',
      (d: any) => [d.stats.distinctFigureCount, d.stats.distinctQuoteCount, d.stats.sharedFigureCount, d.stats.sharedQuoteCount, d.figures, d.quotes],
      [1, 5, 0, 0, { totalCount: 0, nodes: [] }, { totalCount: 0, nodes: [] }],
    ],
  ])('%s gives the answer of the seed graph', async (name, pick, expected) => {
    const result = await runExample(name);
    expect(result.errors).toBeUndefined();
    expect(pick(result.data)).toEqual(expected);
  });
});
