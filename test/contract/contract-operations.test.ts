import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractOperations, type GraphTestServer, SEED_ARTICLE_ID, startGraphTestServer } from '../helpers/graph-test-server';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

const ZUCKERBERG = 'person:mark-zuckerberg';
const LECUN = 'person:yann-lecun';
const ANALYST = 'person:unnamed-analyst-meta-earnings-call';
const META = 'organization:meta';
const DEEPSEEK = 'organization:deepseek';
const US_TECH = 'organization:us-tech-companies';
const BIG_TECH = 'organization:big-tech';
const US_ADMINISTRATION = 'organization:us-administration';
const CHINA = 'place:china';
const UNITED_STATES = 'place:united-states';
const EARNINGS_CALL = 'event:meta-earnings-call-deepseek';
const OPEN_SOURCE_AI = 'topic:open-source-ai';
const item = (kind: string, key: string) => `${kind}:zuckerberg-american-open-source-ai-standards/${key}`;

/** The seed article as received: headline, dek, body. */
const [HEADLINE, DEK, BODY] = (() => {
  const raw = readFileSync(join(__dirname, '..', 'fixtures', 'seed-article.txt'), 'utf8');
  const first = raw.indexOf('\n');
  const second = raw.indexOf('\n', first + 1);
  return [raw.slice(0, first), raw.slice(first + 1, second), raw.slice(second + 1)];
})();

/** The five verbatim quotes, all Zuckerberg's, in text order. */
const QUOTES = [
  ['advances-to-implement', 'They have advances that we will hope to implement in our systems'],
  [
    'too-early-for-strong-opinion',
    "It's probably too early to really have a strong opinion on what this means for the trajectory around infrastructure and capex and things like that.",
  ],
  ['conviction-strengthened', 'If anything, some of the recent news has only strengthened our conviction that this is the right thing for us to be focused on'],
  [
    'american-standard',
    "There's going to be an open-source standard globally, and I think for our own national advantage, it's important that it's an American standard.",
  ],
  ['optimistic-about-progress', 'I am optimistic about the progress and innovation that this can unlock'],
] as const;

/** Every claim in text order: key, attribution, claimant, subjects (in entity-name order). */
const CLAIMS: readonly [string, string, string | null, string[]][] = [
  ['uncertain-about-deepseek-impact', 'PARAPHRASE', ZUCKERBERG, [DEEPSEEK, META]],
  ['deepseek-cheaper-powerful-models', 'EDITORIAL', null, [DEEPSEEK, US_TECH]],
  ['deepseek-substantial-advances', 'PARAPHRASE', ZUCKERBERG, [DEEPSEEK]],
  ['meta-still-evaluating', 'PARAPHRASE', ZUCKERBERG, [DEEPSEEK, META]],
  ['hopes-to-implement-advances', 'DIRECT_QUOTE', ZUCKERBERG, [DEEPSEEK, META]],
  ['regardless-of-competition-source', 'PARAPHRASE', ZUCKERBERG, [META]],
  ['investment-strategy-unchanged', 'PARAPHRASE', ZUCKERBERG, [META]],
  ['too-early-for-strong-opinion', 'DIRECT_QUOTE', ZUCKERBERG, [DEEPSEEK, META]],
  ['us-tech-ai-returns-scrutiny', 'EDITORIAL', null, [US_TECH]],
  ['scrutiny-peaked-with-deepseek', 'EDITORIAL', null, [DEEPSEEK, US_TECH]],
  ['deepseek-trained-models-cheaply', 'PARAPHRASE', DEEPSEEK, [DEEPSEEK]],
  ['tech-stock-prices-impacted', 'EDITORIAL', null, [DEEPSEEK]],
  ['capex-plan-2025', 'PARAPHRASE', ZUCKERBERG, [META]],
  ['capex-essential-for-competitive-edge', 'PARAPHRASE', ZUCKERBERG, [META]],
  ['conviction-strengthened', 'DIRECT_QUOTE', ZUCKERBERG, [META]],
  ['american-open-source-standard-important', 'PARAPHRASE', ZUCKERBERG, [OPEN_SOURCE_AI, UNITED_STATES]],
  ['global-open-source-standard-coming', 'DIRECT_QUOTE', ZUCKERBERG, [OPEN_SOURCE_AI]],
  ['standard-should-be-american', 'DIRECT_QUOTE', ZUCKERBERG, [OPEN_SOURCE_AI, UNITED_STATES]],
  ['big-tech-administration-relationship', 'PARAPHRASE', ZUCKERBERG, [BIG_TECH, US_ADMINISTRATION]],
  ['administration-bolsters-american-technology', 'PARAPHRASE', ZUCKERBERG, [BIG_TECH, UNITED_STATES, US_ADMINISTRATION]],
  ['optimistic-about-progress', 'DIRECT_QUOTE', ZUCKERBERG, [BIG_TECH, US_ADMINISTRATION]],
  ['deepseek-shows-open-source-superiority', 'PARAPHRASE', LECUN, [DEEPSEEK, OPEN_SOURCE_AI]],
  ['challenges-china-outpacing-notion', 'PARAPHRASE', LECUN, [CHINA, DEEPSEEK, UNITED_STATES]],
];

const NAMES: Record<string, string> = {
  [ZUCKERBERG]: 'Mark Zuckerberg',
  [LECUN]: 'Yann LeCun',
  [META]: 'Meta',
  [DEEPSEEK]: 'DeepSeek',
  [US_TECH]: 'US tech companies',
  [BIG_TECH]: 'Big Tech',
  [US_ADMINISTRATION]: 'US administration',
  [CHINA]: 'China',
  [UNITED_STATES]: 'United States',
  [OPEN_SOURCE_AI]: 'open-source AI',
};
const named = (id: string) => ({ id, name: NAMES[id] });

const FIGURE = {
  id: item('figure', 'meta-capex-2025'),
  label: "Meta's 2025 capital expenditure plan",
  value: null,
  minValue: 60000000000,
  maxValue: 65000000000,
  unit: 'USD',
  period: '2025',
};

let server: GraphTestServer;
const operations = contractOperations();
const run = (name: string, variables?: Record<string, unknown>) => server.run(operations.get(name)!, variables);

beforeAll(async () => {
  server = await startGraphTestServer(SEED_GRAPH_DIR);
});
afterAll(async () => {
  await server.stop();
});

describe('the dashboard contract', () => {
  it('keeps a copy of every contract operation', () => {
    expect([...operations.keys()]).toEqual([
      'GraphStats',
      'Articles',
      'ArticleSummary',
      'FindPeople',
      'FindOrganizations',
      'EntityProfile',
      'ClaimsByClaimant',
      'ClaimsAbout',
      'QuotesBySpeaker',
      'MoneyFigures',
      'Search',
      'Connection',
      'Neighborhood',
      'Refetch',
    ]);
  });

  it('GraphStats counts nodes and edges by kind', async () => {
    expect(await run('GraphStats')).toEqual({
      data: {
        stats: {
          nodeCount: 42,
          edgeCount: 120,
          byKind: [
            { kind: 'ARTICLE', count: 1 },
            { kind: 'PERSON', count: 3 },
            { kind: 'ORGANIZATION', count: 5 },
            { kind: 'PLACE', count: 2 },
            { kind: 'EVENT', count: 1 },
            { kind: 'TOPIC', count: 1 },
            { kind: 'QUOTE', count: 5 },
            { kind: 'CLAIM', count: 23 },
            { kind: 'FIGURE', count: 1 },
          ],
        },
      },
    });
  });

  it('Articles lists the seed article with its headline and dek', async () => {
    const result = await run('Articles');
    expect(result.errors).toBeUndefined();
    expect(result.data!.articles).toEqual({
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      nodes: [{ id: SEED_ARTICLE_ID, headline: HEADLINE, description: DEK }],
    });
  });

  describe('ArticleSummary', () => {
    let article: any;
    beforeAll(async () => {
      const result = await run('ArticleSummary', { id: SEED_ARTICLE_ID });
      expect(result.errors).toBeUndefined();
      article = result.data!.article;
    });

    it('returns the article text exactly as published', () => {
      expect(article.headline).toBe(HEADLINE);
      expect(article.text).toBe(BODY);
    });

    it('lists the entities in the order of their first mention', () => {
      expect(article.entities.totalCount).toBe(12);
      expect(article.entities.nodes.map((e: any) => [e.__typename, e.id, e.kind])).toEqual([
        ['Person', ZUCKERBERG, 'PERSON'],
        ['Organization', META, 'ORGANIZATION'],
        ['Organization', DEEPSEEK, 'ORGANIZATION'],
        ['Place', CHINA, 'PLACE'],
        ['Event', EARNINGS_CALL, 'EVENT'],
        ['Place', UNITED_STATES, 'PLACE'],
        ['Person', ANALYST, 'PERSON'],
        ['Organization', US_TECH, 'ORGANIZATION'],
        ['Topic', OPEN_SOURCE_AI, 'TOPIC'],
        ['Organization', BIG_TECH, 'ORGANIZATION'],
        ['Organization', US_ADMINISTRATION, 'ORGANIZATION'],
        ['Person', LECUN, 'PERSON'],
      ]);
    });

    it('returns the five verbatim quotes, each spoken by Zuckerberg, with spans that slice the text', () => {
      expect(article.quotes.totalCount).toBe(5);
      expect(article.quotes.nodes).toEqual(
        QUOTES.map(([key, text]) => {
          const start = BODY.indexOf(text);
          return { id: item('quote', key), text, speaker: named(ZUCKERBERG), span: { start, end: start + text.length, text } };
        }),
      );
      for (const quote of article.quotes.nodes) expect(BODY.slice(quote.span.start, quote.span.end)).toBe(quote.text);
    });

    it('returns every claim with attribution, claimant, subjects and its span', () => {
      expect(article.claims.totalCount).toBe(23);
      expect(article.claims.nodes.map((c: any) => [c.id, c.attribution, c.claimant?.id ?? null, c.subjects.map((s: any) => s.id)])).toEqual(
        CLAIMS.map(([key, attribution, claimant, subjects]) => [item('claim', key), attribution, claimant, subjects]),
      );
      for (const claim of article.claims.nodes) {
        expect(claim.span.text).toBe(BODY.slice(claim.span.start, claim.span.end));
        expect(claim.span.end).toBeGreaterThan(claim.span.start);
      }
      const starts = article.claims.nodes.map((c: any) => c.span.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    });

    it('gives the capex claim its exact words', () => {
      const capex = article.claims.nodes.find((c: any) => c.id === item('claim', 'capex-plan-2025'));
      expect(capex).toEqual({
        id: item('claim', 'capex-plan-2025'),
        text: 'Meta plans to invest between $60 billion and $65 billion in capital in 2025.',
        attribution: 'PARAPHRASE',
        claimant: named(ZUCKERBERG),
        subjects: [named(META)],
        span: { start: 1106, end: 1203, text: "Zuckerberg reiterated Meta's plan to invest between $60 billion to $65 billion in capital in 2025" },
      });
    });

    it('returns the capex figure as a USD range in full units', () => {
      expect(article.figures).toEqual({ totalCount: 1, nodes: [{ ...FIGURE, subject: named(META) }] });
    });
  });

  it('FindPeople finds Zuckerberg by part of his name, with roles and quotes', async () => {
    const result = await run('FindPeople', { name: 'zuck' });
    expect(result.errors).toBeUndefined();
    const people = result.data!.people;
    expect(people.totalCount).toBe(1);
    expect(people.pageInfo).toEqual({ hasNextPage: false, endCursor: people.edges[0].cursor });
    expect(people.edges).toEqual([{ cursor: expect.any(String), node: { id: ZUCKERBERG } }]);
    expect(people.nodes).toEqual([
      {
        id: ZUCKERBERG,
        name: 'Mark Zuckerberg',
        aliases: ['Zuckerberg'],
        sameAs: ['http://www.wikidata.org/entity/Q36215'],
        roles: [{ title: 'CEO', organization: named(META) }],
        quotes: {
          totalCount: 5,
          nodes: QUOTES.map(([key, text]) => ({ id: item('quote', key), text, article: { id: SEED_ARTICLE_ID, headline: HEADLINE } })),
        },
      },
    ]);
  });

  it('FindPeople pages through every person exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const result = await run('FindPeople', { name: '', first: 1, after });
      const people: any = result.data!.people;
      expect(people.totalCount).toBe(3);
      seen.push(...people.nodes.map((p: any) => p.id));
      if (!people.pageInfo.hasNextPage) break;
      after = people.pageInfo.endCursor;
    }
    expect(seen).toEqual([ZUCKERBERG, ANALYST, LECUN]);
  });

  it('FindPeople gives LeCun his role and no quotes, since the article only paraphrases him', async () => {
    const result = await run('FindPeople', { name: 'LECUN' });
    expect(result.data!.people.nodes).toEqual([
      {
        id: LECUN,
        name: 'Yann LeCun',
        aliases: ['LeCun'],
        sameAs: ['http://www.wikidata.org/entity/Q3571662'],
        roles: [{ title: 'chief AI scientist', organization: named(META) }],
        quotes: { totalCount: 0, nodes: [] },
      },
    ]);
  });

  it('FindOrganizations matches names and aliases case-insensitively', async () => {
    const result = await run('FindOrganizations', { name: 'big tech' });
    expect(result).toEqual({
      data: {
        organizations: {
          totalCount: 1,
          nodes: [
            {
              id: BIG_TECH,
              name: 'Big Tech',
              aliases: [],
              description: 'The group of technology companies the article calls Big Tech.',
              sameAs: [],
            },
          ],
        },
      },
    });
    const us = await run('FindOrganizations', { name: 'us' });
    expect(us.data!.organizations.nodes.map((o: any) => o.id)).toEqual([US_ADMINISTRATION, US_TECH]);
    // "big tech" matches a name; Meta's alias "Meta Platforms" checks that aliases match too.
    const alias = await run('FindOrganizations', { name: 'META PLATFORMS' });
    expect(alias.data!.organizations.nodes.map((o: any) => [o.id, o.aliases])).toEqual([[META, ['Meta Platforms']]]);
  });

  it('EntityProfile shows Meta with its mentions, claims, figure, relations and members', async () => {
    const result = await run('EntityProfile', { id: META });
    expect(result.errors).toBeUndefined();
    const meta = result.data!.node;
    expect(meta).toMatchObject({
      __typename: 'Organization',
      id: META,
      kind: 'ORGANIZATION',
      label: 'Meta',
      iri: 'https://newsgraph.example/id/organization:meta',
      name: 'Meta',
      description: 'Company whose CEO is Mark Zuckerberg and whose chief AI scientist is Yann LeCun.',
      sameAs: ['http://www.wikidata.org/entity/Q380'],
      quotes: { totalCount: 0, nodes: [] },
      articles: { totalCount: 1, nodes: [{ id: SEED_ARTICLE_ID, headline: HEADLINE }] },
      members: [
        { title: 'CEO', person: named(ZUCKERBERG) },
        { title: 'chief AI scientist', person: named(LECUN) },
      ],
    });
    expect(meta.mentions.totalCount).toBe(7);
    expect(meta.mentions.nodes.map((m: any) => [m.span.start, m.span.text])).toEqual([28, 115, 409, 639, 1128, 1261, 1972].map((start) => [start, 'Meta']));
    expect(meta.claims.nodes.map((c: any) => c.id)).toEqual(
      CLAIMS.filter(([, , claimant, subjects]) => claimant === META || subjects.includes(META)).map(([key]) => item('claim', key)),
    );
    expect(meta.claims.totalCount).toBe(9);
    expect(meta.figures).toEqual({
      totalCount: 1,
      nodes: [
        {
          ...FIGURE,
          claim: {
            id: item('claim', 'capex-plan-2025'),
            text: 'Meta plans to invest between $60 billion and $65 billion in capital in 2025.',
            claimant: named(ZUCKERBERG),
          },
        },
      ],
    });
    expect(meta.relations.totalCount).toBe(14);
    const stated = meta.relations.nodes.filter((r: any) => ['HAS_ROLE_AT', 'HOSTED'].includes(r.predicate)).map((r: any) => [r.from.id, r.predicate, r.to.id]);
    expect(stated).toEqual([
      [ZUCKERBERG, 'HAS_ROLE_AT', META],
      [META, 'HOSTED', EARNINGS_CALL],
      [LECUN, 'HAS_ROLE_AT', META],
    ]);
    expect(meta.relations.nodes[0]).toEqual({
      predicate: 'HAS_ROLE_AT',
      from: { id: ZUCKERBERG, label: 'Mark Zuckerberg' },
      to: { id: META, label: 'Meta' },
    });
  });

  it('EntityProfile shows a person with roles and the claims they make', async () => {
    const result = await run('EntityProfile', { id: LECUN });
    const lecun = result.data!.node;
    expect(lecun.__typename).toBe('Person');
    expect(lecun.roles).toEqual([{ title: 'chief AI scientist', organization: named(META) }]);
    expect(lecun.claims).toEqual({
      totalCount: 2,
      nodes: [
        {
          id: item('claim', 'deepseek-shows-open-source-superiority'),
          text: 'The success of DeepSeek illustrates the superiority of open-source models over proprietary ones.',
          attribution: 'PARAPHRASE',
        },
        {
          id: item('claim', 'challenges-china-outpacing-notion'),
          text: "The notion that China's AI is outpacing American technology is challenged by what DeepSeek's success illustrates.",
          attribution: 'PARAPHRASE',
        },
      ],
    });
    expect(lecun.mentions).toEqual({ totalCount: 1, nodes: [{ span: { start: 1960, end: 1970, text: 'Yann LeCun' } }] });
  });

  it('EntityProfile returns null for an unknown id', async () => {
    expect(await run('EntityProfile', { id: 'person:nobody' })).toEqual({ data: { node: null } });
  });

  it("ClaimsByClaimant pages through Zuckerberg's claims, each exactly once", async () => {
    const expected = CLAIMS.filter(([, , claimant]) => claimant === ZUCKERBERG).map(([key]) => item('claim', key));
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const result = await run('ClaimsByClaimant', { entityId: ZUCKERBERG, first: 5, after });
      expect(result.errors).toBeUndefined();
      const claims: any = result.data!.claims;
      expect(claims.totalCount).toBe(16);
      seen.push(...claims.edges.map((e: any) => e.node.id));
      for (const { node } of claims.edges) expect(node.span.text).toBe(BODY.slice(node.span.start, node.span.end));
      if (!claims.pageInfo.hasNextPage) break;
      expect(claims.pageInfo.endCursor).toBe(claims.edges[claims.edges.length - 1].cursor);
      after = claims.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('ClaimsByClaimant links direct-quote claims to their quotes and the capex claim to its figure', async () => {
    const result = await run('ClaimsByClaimant', { entityId: ZUCKERBERG, first: 50 });
    const byId = new Map(result.data!.claims.edges.map((e: any) => [e.node.id, e.node]));
    expect((byId.get(item('claim', 'standard-should-be-american')) as any).quotes).toEqual([{ id: item('quote', 'american-standard'), text: QUOTES[3][1] }]);
    expect((byId.get(item('claim', 'capex-plan-2025')) as any).figures).toEqual([
      { id: FIGURE.id, label: FIGURE.label, minValue: 60000000000, maxValue: 65000000000, unit: 'USD' },
    ]);
    for (const node of byId.values() as Iterable<any>) {
      if (node.attribution === 'DIRECT_QUOTE') expect(node.quotes.length).toBeGreaterThan(0);
    }
  });

  it('ClaimsAbout lists the claims about DeepSeek with their claimants', async () => {
    const result = await run('ClaimsAbout', { entityId: DEEPSEEK });
    const expected = CLAIMS.filter(([, , , subjects]) => subjects.includes(DEEPSEEK));
    expect(result.data!.claims.totalCount).toBe(11);
    expect(result.data!.claims.nodes.map((c: any) => [c.id, c.attribution, c.claimant?.id ?? null])).toEqual(
      expected.map(([key, attribution, claimant]) => [item('claim', key), attribution, claimant]),
    );
  });

  it("QuotesBySpeaker lists Zuckerberg's quotes with their spans and the claims they support", async () => {
    const result = await run('QuotesBySpeaker', { speakerId: ZUCKERBERG });
    const quotes = result.data!.quotes;
    expect(quotes.totalCount).toBe(5);
    expect(quotes.nodes.map((q: any) => [q.id, q.text, q.span.text, q.span.article.id])).toEqual(
      QUOTES.map(([key, text]) => [item('quote', key), text, text, SEED_ARTICLE_ID]),
    );
    expect(quotes.nodes[0].claims.map((c: any) => c.id)).toEqual([
      item('claim', 'hopes-to-implement-advances'),
      item('claim', 'regardless-of-competition-source'),
    ]);
    expect(quotes.nodes[1].claims.map((c: any) => c.id)).toEqual([item('claim', 'too-early-for-strong-opinion')]);
    expect(quotes.nodes[3].claims.map((c: any) => c.id)).toEqual([
      item('claim', 'global-open-source-standard-coming'),
      item('claim', 'standard-should-be-american'),
    ]);
  });

  it('QuotesBySpeaker finds no quotes of LeCun', async () => {
    expect(await run('QuotesBySpeaker', { speakerId: LECUN })).toEqual({ data: { quotes: { totalCount: 0, nodes: [] } } });
  });

  it('MoneyFigures returns the capex range in full units with its subject, claim and words', async () => {
    expect(await run('MoneyFigures')).toEqual({
      data: {
        figures: {
          totalCount: 1,
          nodes: [
            {
              ...FIGURE,
              subject: named(META),
              claim: { id: item('claim', 'capex-plan-2025'), text: 'Meta plans to invest between $60 billion and $65 billion in capital in 2025.' },
              span: { start: 1158, end: 1184, text: '$60 billion to $65 billion' },
            },
          ],
        },
      },
    });
    expect(BODY.slice(1158, 1184)).toBe('$60 billion to $65 billion');
  });

  it('Refetch keeps the order of the ids, with null for unknown ids', async () => {
    expect(await run('Refetch', { ids: [LECUN, 'person:nobody', SEED_ARTICLE_ID, item('figure', 'meta-capex-2025')] })).toEqual({
      data: {
        nodes: [
          { __typename: 'Person', id: LECUN, kind: 'PERSON', label: 'Yann LeCun', iri: `https://newsgraph.example/id/${LECUN}` },
          null,
          { __typename: 'Article', id: SEED_ARTICLE_ID, kind: 'ARTICLE', label: HEADLINE, iri: `https://newsgraph.example/id/${SEED_ARTICLE_ID}` },
          { __typename: 'Figure', id: FIGURE.id, kind: 'FIGURE', label: FIGURE.label, iri: `https://newsgraph.example/id/${FIGURE.id}` },
        ],
      },
    });
  });

  it('Search ranks the person first for a surname', async () => {
    const result = await run('Search', { text: 'Zuckerberg', first: 3 });
    expect(result.errors).toBeUndefined();
    const hits = result.data!.search.nodes;
    expect(hits[0]).toEqual({
      score: hits[0].score,
      snippet: 'Mark «Zuckerberg»',
      node: { __typename: 'Person', id: ZUCKERBERG, kind: 'PERSON', label: 'Mark Zuckerberg', name: 'Mark Zuckerberg' },
    });
    expect(hits.map((h: any) => h.node.id)).toEqual([ZUCKERBERG, SEED_ARTICLE_ID, item('claim', 'optimistic-about-progress')]);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
    expect(hits[1].score).toBeGreaterThan(hits[2].score);
  });

  it('Search finds a misspelt name', async () => {
    const result = await run('Search', { text: 'Zuckerburg', kinds: ['PERSON'] });
    const { totalCount, nodes } = result.data!.search;
    // The analyst matches too, less well: the description says whose inquiry Zuckerberg responded to.
    expect(totalCount).toBe(2);
    expect(nodes).toEqual([
      {
        score: nodes[0].score,
        snippet: 'Mark «Zuckerberg»',
        node: { __typename: 'Person', id: ZUCKERBERG, kind: 'PERSON', label: 'Mark Zuckerberg', name: 'Mark Zuckerberg' },
      },
      {
        score: nodes[1].score,
        snippet: 'An analyst, not named in the article, to whose inquiry «Zuckerberg» responded.',
        node: { __typename: 'Person', id: ANALYST, kind: 'PERSON', label: 'Unnamed analyst', name: 'Unnamed analyst' },
      },
    ]);
    expect(nodes[0].score).toBeGreaterThan(nodes[1].score * 10);
  });

  it('Search matches the start of a word and marks the words it matched', async () => {
    const result = await run('Search', { text: 'invest', kinds: ['CLAIM'], first: 2 });
    expect(result.data!.search.totalCount).toBe(6);
    expect(result.data!.search.nodes.map((h: any) => [h.node.id, h.snippet])).toEqual([
      [item('claim', 'capex-plan-2025'), 'Meta plans to «invest» between $60 billion and $65 billion in capital in 2025.'],
      [item('claim', 'investment-strategy-unchanged'), "The current situation will not alter Meta's «investment» strategy in AI."],
    ]);
  });

  it('Search finds the figure by its label with its range', async () => {
    const result = await run('Search', { text: 'capital expenditure', kinds: ['FIGURE'] });
    expect(result.data!.search.nodes).toEqual([
      {
        score: expect.any(Number),
        snippet: "Meta's 2025 «capital» «expenditure» plan",
        node: { __typename: 'Figure', id: FIGURE.id, kind: 'FIGURE', label: FIGURE.label, minValue: 60000000000, maxValue: 65000000000, unit: 'USD' },
      },
    ]);
  });

  it('Connection shows that LeCun connects to DeepSeek through his claim about it', async () => {
    expect(await run('Connection', { from: LECUN, to: DEEPSEEK })).toEqual({
      data: {
        path: {
          hops: 2,
          nodes: [
            { __typename: 'Person', id: LECUN, kind: 'PERSON', label: 'Yann LeCun' },
            {
              __typename: 'Claim',
              id: item('claim', 'deepseek-shows-open-source-superiority'),
              kind: 'CLAIM',
              label: 'The success of DeepSeek illustrates the superiority of open-source models over…',
            },
            { __typename: 'Organization', id: DEEPSEEK, kind: 'ORGANIZATION', label: 'DeepSeek' },
          ],
          edges: [
            { predicate: 'CLAIMS', from: { id: LECUN }, to: { id: item('claim', 'deepseek-shows-open-source-superiority') } },
            { predicate: 'ABOUT', from: { id: item('claim', 'deepseek-shows-open-source-superiority') }, to: { id: DEEPSEEK } },
          ],
        },
      },
    });
  });

  it("Connection follows edges against their direction and keeps each edge's own direction", async () => {
    const result = await run('Connection', { from: EARNINGS_CALL, to: LECUN });
    expect(result.data!.path).toEqual({
      hops: 2,
      nodes: [
        { __typename: 'Event', id: EARNINGS_CALL, kind: 'EVENT', label: 'Meta earnings call' },
        { __typename: 'Organization', id: META, kind: 'ORGANIZATION', label: 'Meta' },
        { __typename: 'Person', id: LECUN, kind: 'PERSON', label: 'Yann LeCun' },
      ],
      edges: [
        { predicate: 'HOSTED', from: { id: META }, to: { id: EARNINGS_CALL } },
        { predicate: 'HAS_ROLE_AT', from: { id: LECUN }, to: { id: META } },
      ],
    });
  });

  it('Connection returns a 0-hop path from a node to itself, and null beyond maxHops', async () => {
    expect((await run('Connection', { from: CHINA, to: CHINA })).data!.path).toEqual({
      hops: 0,
      nodes: [{ __typename: 'Place', id: CHINA, kind: 'PLACE', label: 'China' }],
      edges: [],
    });
    expect(await run('Connection', { from: CHINA, to: LECUN, maxHops: 1 })).toEqual({ data: { path: null } });
  });

  it('Connection refuses an unknown id and a maxHops above 6', async () => {
    const unknown = await run('Connection', { from: 'person:nobody', to: LECUN });
    expect(unknown.errors!.map((e) => [e.message, e.extensions!.code])).toEqual([['no node has the id "person:nobody"', 'BAD_USER_INPUT']]);
    const far = await run('Connection', { from: CHINA, to: LECUN, maxHops: 7 });
    expect(far.errors!.map((e) => [e.message, e.extensions!.code])).toEqual([['"maxHops" must be from 0 to 6; got 7', 'BAD_USER_INPUT']]);
  });

  it('Neighborhood returns LeCun, what is one edge away, and the edges among them', async () => {
    const result = await run('Neighborhood', { id: LECUN });
    expect(result.errors).toBeUndefined();
    const { nodes, edges } = result.data!.neighborhood;
    expect(nodes.map((n: any) => n.id)).toEqual([
      LECUN,
      SEED_ARTICLE_ID,
      META,
      item('claim', 'deepseek-shows-open-source-superiority'),
      item('claim', 'challenges-china-outpacing-notion'),
    ]);
    expect(edges.map((e: any) => [e.from.id, e.predicate, e.to.id])).toEqual([
      [SEED_ARTICLE_ID, 'MENTIONS', META],
      [SEED_ARTICLE_ID, 'MENTIONS', LECUN],
      [LECUN, 'HAS_ROLE_AT', META],
      [SEED_ARTICLE_ID, 'CONTAINS', item('claim', 'deepseek-shows-open-source-superiority')],
      [LECUN, 'CLAIMS', item('claim', 'deepseek-shows-open-source-superiority')],
      [SEED_ARTICLE_ID, 'CONTAINS', item('claim', 'challenges-china-outpacing-notion')],
      [LECUN, 'CLAIMS', item('claim', 'challenges-china-outpacing-notion')],
    ]);
  });

  it('Neighborhood at depth 2 reaches every node of the article, and a limit truncates with a flag', async () => {
    const wide = await server.run('{ neighborhood(id: "person:yann-lecun", depth: 2, limit: 500) { nodes { id } edges { predicate } truncated } }');
    expect(wide.data!.neighborhood.nodes).toHaveLength(42);
    expect(wide.data!.neighborhood.edges).toHaveLength(120);
    expect(wide.data!.neighborhood.truncated).toBe(false);
    const cut = await server.run('{ neighborhood(id: "person:yann-lecun", depth: 2, limit: 3) { nodes { id } edges { predicate } truncated } }');
    expect(cut.data!.neighborhood).toEqual({
      nodes: [{ id: LECUN }, { id: SEED_ARTICLE_ID }, { id: META }],
      edges: [{ predicate: 'MENTIONS' }, { predicate: 'MENTIONS' }, { predicate: 'HAS_ROLE_AT' }],
      truncated: true,
    });
  });

  it('Neighborhood follows only the chosen predicates', async () => {
    const result = await server.run(
      '{ neighborhood(id: "organization:meta", depth: 2, predicates: [HAS_ROLE_AT, HOSTED, SPOKE_AT]) { nodes { id } edges { from { id } predicate to { id } } } }',
    );
    const { nodes, edges } = result.data!.neighborhood;
    expect(nodes.map((n: any) => n.id)).toEqual([META, ZUCKERBERG, EARNINGS_CALL, LECUN]);
    expect(edges.map((e: any) => [e.from.id, e.predicate, e.to.id])).toEqual([
      [ZUCKERBERG, 'HAS_ROLE_AT', META],
      [ZUCKERBERG, 'SPOKE_AT', EARNINGS_CALL],
      [META, 'HOSTED', EARNINGS_CALL],
      [LECUN, 'HAS_ROLE_AT', META],
    ]);
  });

  it('stats counts edges by predicate', async () => {
    const result = await server.run('{ stats { edgeCount mentionCount byPredicate { predicate count } } }');
    expect(result.data!.stats).toEqual({
      edgeCount: 120,
      mentionCount: 35,
      byPredicate: [
        { predicate: 'HAS_ROLE_AT', count: 2 },
        { predicate: 'BASED_IN', count: 2 },
        { predicate: 'COMPETES_WITH', count: 1 },
        { predicate: 'SPOKE_AT', count: 1 },
        { predicate: 'HOSTED', count: 1 },
        { predicate: 'HAS_RELATIONSHIP_WITH', count: 0 },
        { predicate: 'GOVERNS', count: 1 },
        { predicate: 'PART_OF', count: 0 },
        { predicate: 'CONTAINS', count: 29 },
        { predicate: 'MENTIONS', count: 12 },
        { predicate: 'SAID', count: 5 },
        { predicate: 'CLAIMS', count: 19 },
        { predicate: 'ABOUT', count: 38 },
        { predicate: 'MEASURES', count: 1 },
        { predicate: 'SUPPORTED_BY', count: 7 },
        { predicate: 'STATES', count: 1 },
      ],
    });
  });
});
