import { FixtureFiles, fixtureFolders, FIXTURES_DIR } from '../helpers/graph-fixture';
import { type GraphTestServer, startGraphTestServer } from '../helpers/graph-test-server';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';
import { join } from 'node:path';

/** The seed graph with a second article, written for these tests, that reports some of the seed article's facts in other words. */
const fixtures = fixtureFolders({
  'second-report': {
    base: 'seed-graph',
    patch: (files) => {
      const second = FixtureFiles.read(join(FIXTURES_DIR, 'same-facts-article'));
      for (const path of second.paths()) files.write(path, second.text(path));
    },
  },
});

const SEED = 'zuckerberg-american-open-source-ai-standards';
const SECOND = 'sample-meta-capex-second-report';

let server: GraphTestServer;
let seedOnly: GraphTestServer;
beforeAll(async () => {
  server = await startGraphTestServer(fixtures.dir('second-report'));
  seedOnly = await startGraphTestServer(SEED_GRAPH_DIR);
});
afterAll(async () => {
  await server?.stop();
  await seedOnly?.stop();
  fixtures.remove();
});

/** The data of an operation that must answer without errors. */
async function data(query: string, variables?: Record<string, unknown>, on: GraphTestServer = server) {
  const result = await on.run(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

describe('the same fact in two articles', () => {
  it("links Meta's capex range to the same range in the other article, and not to the same range for 2026", async () => {
    const answer = await data(`{
      figures(filter: { subjectId: "organization:meta", unit: "USD" }) {
        totalCount
        nodes { id period alsoReportedBy { id article { id } } firstReport { id } reportingArticleCount }
      }
    }`);
    expect(answer.figures).toEqual({
      totalCount: 4,
      nodes: [
        {
          id: `figure:${SECOND}/meta-capex-2025`,
          period: '2025',
          alsoReportedBy: [{ id: `figure:${SEED}/meta-capex-2025`, article: { id: `article:${SEED}` } }],
          firstReport: { id: `figure:${SECOND}/meta-capex-2025` },
          reportingArticleCount: 2,
        },
        {
          id: `figure:${SECOND}/meta-capex-2024`,
          period: '2024',
          alsoReportedBy: [],
          firstReport: { id: `figure:${SECOND}/meta-capex-2024` },
          reportingArticleCount: 1,
        },
        {
          id: `figure:${SECOND}/meta-capex-2026`,
          period: '2026',
          alsoReportedBy: [],
          firstReport: { id: `figure:${SECOND}/meta-capex-2026` },
          reportingArticleCount: 1,
        },
        {
          id: `figure:${SEED}/meta-capex-2025`,
          period: '2025',
          alsoReportedBy: [{ id: `figure:${SECOND}/meta-capex-2025`, article: { id: `article:${SECOND}` } }],
          firstReport: { id: `figure:${SECOND}/meta-capex-2025` },
          reportingArticleCount: 2,
        },
      ],
    });
  });

  it("sums Meta's USD figures with each fact once when the list keeps FIRST reports", async () => {
    const answer = await data(`{
      figures(filter: { subjectId: "organization:meta", unit: "USD", reports: FIRST }) { totalCount nodes { value minValue maxValue } }
    }`);
    expect(answer.figures.totalCount).toBe(3);
    const low = answer.figures.nodes.reduce((sum: number, f: { value: number | null; minValue: number | null }) => sum + (f.value ?? f.minValue!), 0);
    expect(low).toBe(39_000_000_000 + 60_000_000_000 + 60_000_000_000);
  });

  it("links Zuckerberg's remarks transcribed two ways, but not his words in another speaker's mouth nor a three-word fragment", async () => {
    const answer = await data(`{
      zuckerberg: quotes(filter: { speakerId: "person:mark-zuckerberg", articleId: "article:${SECOND}" }) {
        nodes { id text alsoReportedIn { id text speaker { id } } reportingArticleCount }
      }
      lindqvist: quotes(filter: { speakerId: "person:rosa-lindqvist" }) { nodes { id alsoReportedIn { id } reportingArticleCount } }
    }`);
    expect(answer.zuckerberg.nodes).toEqual([
      {
        id: `quote:${SECOND}/too-early-capex`,
        text: 'too early to really have a strong opinion on what this means for the trajectory around infrastructure and CapEx',
        alsoReportedIn: [
          {
            id: `quote:${SEED}/too-early-for-strong-opinion`,
            text: "It's probably too early to really have a strong opinion on what this means for the trajectory around infrastructure and capex and things like that.",
            speaker: { id: 'person:mark-zuckerberg' },
          },
        ],
        reportingArticleCount: 2,
      },
      {
        id: `quote:${SECOND}/advances-to-implement`,
        text: 'They have advances, that we will hope to implement in our systems.',
        alsoReportedIn: [
          {
            id: `quote:${SEED}/advances-to-implement`,
            text: 'They have advances that we will hope to implement in our systems',
            speaker: { id: 'person:mark-zuckerberg' },
          },
        ],
        reportingArticleCount: 2,
      },
      { id: `quote:${SECOND}/open-source-standard`, text: 'open-source standard', alsoReportedIn: [], reportingArticleCount: 1 },
    ]);
    expect(answer.lindqvist.nodes).toEqual([{ id: `quote:${SECOND}/optimistic`, alsoReportedIn: [], reportingArticleCount: 1 }]);
  });

  it('lists the facts more than one article reports, a page at a time, with their articles counted', async () => {
    const query = `query($after: String) {
      figures(filter: { reports: SHARED }) { totalCount nodes { id reportingArticleCount } }
      quotes(filter: { reports: SHARED }, first: 1, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id reportingArticleCount alsoReportedIn { id } }
      }
    }`;
    const first = await data(query);
    expect(first.figures).toEqual({ totalCount: 1, nodes: [{ id: `figure:${SECOND}/meta-capex-2025`, reportingArticleCount: 2 }] });
    expect([first.quotes.totalCount, first.quotes.pageInfo.hasNextPage, first.quotes.nodes]).toEqual([
      2,
      true,
      [{ id: `quote:${SECOND}/too-early-capex`, reportingArticleCount: 2, alsoReportedIn: [{ id: `quote:${SEED}/too-early-for-strong-opinion` }] }],
    ]);
    const second = await data(query, { after: first.quotes.pageInfo.endCursor });
    expect([second.quotes.pageInfo.hasNextPage, second.quotes.nodes]).toEqual([
      false,
      [{ id: `quote:${SECOND}/advances-to-implement`, reportingArticleCount: 2, alsoReportedIn: [{ id: `quote:${SEED}/advances-to-implement` }] }],
    ]);
  });

  it('counts distinct facts beside mentions: in the stats, and for each entity', async () => {
    const answer = await data(`{
      stats { byKind { kind count } distinctFigureCount distinctQuoteCount sharedFigureCount sharedQuoteCount }
      organizations(filter: { name: "Meta" }) { nodes { id figures { totalCount } distinctFigureCount } }
      people(filter: { name: "Zuckerberg" }) { nodes { id quotes { totalCount } distinctQuoteCount } }
    }`);
    expect(answer.stats.byKind.filter((k: { kind: string }) => k.kind === 'QUOTE' || k.kind === 'FIGURE')).toEqual([
      { kind: 'QUOTE', count: 9 },
      { kind: 'FIGURE', count: 4 },
    ]);
    expect([answer.stats.distinctFigureCount, answer.stats.distinctQuoteCount, answer.stats.sharedFigureCount, answer.stats.sharedQuoteCount]).toEqual([
      3, 7, 1, 2,
    ]);
    expect(answer.organizations.nodes).toEqual([{ id: 'organization:meta', figures: { totalCount: 4 }, distinctFigureCount: 3 }]);
    expect(answer.people.nodes).toEqual([{ id: 'person:mark-zuckerberg', quotes: { totalCount: 8 }, distinctQuoteCount: 6 }]);
  });

  it('finds nothing shared in the seed article alone: every figure and quote is its own fact', async () => {
    const answer = await data(
      `{
        stats { distinctFigureCount distinctQuoteCount sharedFigureCount sharedQuoteCount }
        figures { nodes { alsoReportedBy { id } reportingArticleCount } }
        quotes(filter: { reports: FIRST }) { totalCount }
        shared: quotes(filter: { reports: SHARED }) { totalCount }
      }`,
      undefined,
      seedOnly,
    );
    expect(answer).toEqual({
      stats: { distinctFigureCount: 1, distinctQuoteCount: 5, sharedFigureCount: 0, sharedQuoteCount: 0 },
      figures: { nodes: [{ alsoReportedBy: [], reportingArticleCount: 1 }] },
      quotes: { totalCount: 5 },
      shared: { totalCount: 0 },
    });
  });
});
