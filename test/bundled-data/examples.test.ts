import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeWords } from '../../src/graph';
import { bundledDataDir, type GraphFiles, readGraphFiles } from '../helpers/bundled-data';
import { type GraphTestServer, startGraphTestServer } from '../helpers/graph-test-server';

/**
 * Every operation in examples/ with its variables, on the bundled data, as a
 * person exploring in Sandbox runs it. The exact answers on the seed graph
 * are checked in test/graphql/examples.test.ts; here, what holds for any
 * valid data: no errors, and answers that agree with the data files.
 */
const EXAMPLES = join(__dirname, '..', '..', 'examples');
let server: GraphTestServer;
let files: GraphFiles;

beforeAll(async () => {
  server = await startGraphTestServer(bundledDataDir());
  files = readGraphFiles(bundledDataDir());
});
afterAll(() => server.stop());

/** Runs examples/<name>.graphql with examples/<name>.variables.json, expecting no errors. */
async function runExample(name: string): Promise<{ data: Record<string, any>; variables: Record<string, any> }> {
  const query = readFileSync(join(EXAMPLES, `${name}.graphql`), 'utf8');
  const variables = JSON.parse(readFileSync(join(EXAMPLES, `${name}.variables.json`), 'utf8'));
  const result = await server.run(query, variables);
  expect([name, result.errors]).toEqual([name, undefined]);
  return { data: result.data!, variables };
}

const entity = (id: string) => files.entities.find((e) => e.id === id)!;
const allClaims = () => files.articles.flatMap((a) => a.claims ?? []);

/** What each example's answer must agree with, whatever the articles. */
const CHECKS: Record<string, (data: any, variables: any) => void> = {
  'article-provenance': (data, { id }) => {
    const article = files.articles.find((a) => a.id === id)!;
    expect([data.article.headline, data.article.text]).toEqual([article.headline, article.text]);
    expect(data.article.mentions.nodes.length).toBeGreaterThan(0);
    for (const { entity: named, span } of data.article.mentions.nodes) {
      expect(span.text).toBe(article.text.slice(span.start, span.end));
      expect(files.entities.some((e) => e.name === named.name && [e.name, ...e.aliases!].includes(span.text))).toBe(true);
    }
  },
  'claims-about': (data, { entityId }) => {
    const about = allClaims().filter((c) => c.subjects.includes(entityId));
    expect(data.claims.totalCount).toBe(about.length);
    expect(data.claims.nodes).toHaveLength(Math.min(about.length, 50));
    expect(about.map((c) => c.text)).toEqual(expect.arrayContaining(data.claims.nodes.map((c: any) => c.text)));
  },
  connection: (data, { from, to }) => {
    expect(data.path.edges).toHaveLength(data.path.hops);
    expect([data.path.nodes[0].label, data.path.nodes[data.path.hops].label]).toEqual([entity(from).name, entity(to).name]);
  },
  'editorial-claims': (data, { attribution }) => {
    const editorial = allClaims().filter((c) => c.attribution === attribution);
    expect(data.claims.totalCount).toBe(editorial.length);
    expect(data.claims.nodes).toHaveLength(Math.min(editorial.length, 50));
    expect(editorial.map((c) => c.source.exact)).toEqual(expect.arrayContaining(data.claims.nodes.map((c: any) => c.span.text)));
  },
  'entity-profile': (data, { id }) => {
    const { name, aliases } = entity(id);
    expect([data.node.id, data.node.name]).toEqual([id, name]);
    for (const { span } of data.node.mentions.nodes) expect([name, ...aliases!]).toContain(span.text);
    for (const role of data.node.roles) expect(role.spans.length).toBeGreaterThan(0);
  },
  'money-figures': (data, { unit }) => {
    const figures = files.articles.flatMap((a) => a.figures ?? []).filter((f) => f.unit === unit);
    expect(data.figures.nodes).toHaveLength(Math.min(figures.length, 50));
    expect(figures.map((f) => f.source.exact)).toEqual(expect.arrayContaining(data.figures.nodes.map((f: any) => f.span.text)));
  },
  neighborhood: (data, { id }) => {
    const ids = data.neighborhood.nodes.map((n: any) => n.id);
    expect(ids[0]).toBe(id);
    for (const edge of data.neighborhood.edges) {
      expect(['HAS_ROLE_AT', 'SPOKE_AT', 'HOSTED', 'BASED_IN']).toContain(edge.predicate);
      expect([ids.includes(edge.from.id), ids.includes(edge.to.id)]).toEqual([true, true]);
    }
  },
  search: (data) => {
    expect(data.search.totalCount).toBeGreaterThan(0);
    const scores = data.search.nodes.map((h: any) => h.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
  },
  'shared-facts': (data) => {
    // Figures: the same fact is the same subject, unit, counted, value or range, qualifier, change and period; one is shared when two articles state it.
    const byKey = new Map<string, Set<string>[]>();
    for (const article of files.articles) {
      for (const f of article.figures ?? []) {
        const change = f.change && [f.change.direction, f.change.value ?? null, f.change.unit ?? null, f.change.qualifier ?? null, f.change.basis ?? null];
        const key = JSON.stringify([
          f.subject,
          f.unit,
          f.counted ?? null,
          f.value ?? null,
          f.minValue ?? null,
          f.maxValue ?? null,
          f.qualifier ?? null,
          change,
          f.period ?? null,
        ]);
        byKey.set(key, [...(byKey.get(key) ?? []), new Set([article.id])]);
      }
    }
    const groups = [...byKey.values()].map((reports) => ({ size: reports.length, articles: new Set(reports.flatMap((r) => [...r])).size }));
    expect([data.stats.distinctFigureCount, data.stats.sharedFigureCount]).toEqual([
      groups.reduce((n, g) => n + (g.articles > 1 ? 1 : g.size), 0),
      groups.filter((g) => g.articles > 1).length,
    ]);
    expect(data.figures.totalCount).toBe(data.stats.sharedFigureCount);
    expect(data.quotes.totalCount).toBe(data.stats.sharedQuoteCount);
    const count = (kind: string) => data.stats.byKind.find((k: any) => k.kind === kind).count;
    expect(data.stats.distinctQuoteCount).toBeLessThanOrEqual(count('QUOTE'));
    for (const figure of data.figures.nodes) {
      expect(figure.reportingArticleCount).toBeGreaterThan(1);
      for (const other of figure.alsoReportedBy) {
        expect([other.value, other.minValue, other.maxValue, other.unit, other.period, other.subject]).toEqual([
          figure.value,
          figure.minValue,
          figure.maxValue,
          figure.unit,
          figure.period,
          figure.subject,
        ]);
        expect(other.article.id).not.toBe(figure.article.id);
      }
    }
    // Quotes: the same speaker in another article, with the same words or words one holds, case and punctuation aside.
    for (const quote of data.quotes.nodes) {
      expect(quote.reportingArticleCount).toBeGreaterThan(1);
      for (const other of quote.alsoReportedIn) {
        const [a, b] = [normalizeWords(quote.text), normalizeWords(other.text)];
        expect([other.speaker, other.article.id !== quote.article.id, a.includes(b) || b.includes(a)]).toEqual([quote.speaker, true, true]);
      }
    }
  },
  'who-said-what': (data, { speakerId }) => {
    const said = files.articles.flatMap((a) => a.quotes ?? []).filter((q) => q.speaker === speakerId);
    expect(data.quotes.totalCount).toBe(said.length);
    for (const quote of data.quotes.nodes) expect(quote.speaker.name).toBe(entity(speakerId).name);
  },
};

describe('examples/ on the bundled data', () => {
  it('has a check here for every example', () => {
    const names = readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => f.replace(/\.graphql$/, ''));
    expect(Object.keys(CHECKS).sort()).toEqual(names.sort());
  });

  it.each(Object.keys(CHECKS))('%s runs without errors, with an answer that agrees with the data files', async (name) => {
    const { data, variables } = await runExample(name);
    CHECKS[name](data, variables);
  });
});
