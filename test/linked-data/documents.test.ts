import { join } from 'node:path';
import { InMemoryGraphStore, loadGraph } from '../../src/graph';
import { describeNodes, dumpNodes } from '../../src/linked-data';
import { FIGURE_FIXTURES } from '../fixtures/figure-fixtures';
import { fixtureFolders } from '../helpers/graph-fixture';
import { type HttpTestService, send, startHttpService } from '../helpers/http-service';
import { CONFORMANCE_DATA_DIR } from '../store/graph-store-conformance';

const MARKUP_DATA_DIR = join(__dirname, '..', 'fixtures', 'markup-in-names');
const BASE = 'https://news.example.org/id/';

describe("a figure's document", () => {
  const fixtures = fixtureFolders(FIGURE_FIXTURES);
  afterAll(() => fixtures.remove());

  it('gives a bound as schema.org minValue or maxValue, not an exact value, and a change as a node of its own', async () => {
    const store = new InMemoryGraphStore(loadGraph(fixtures.dir('figures-that-agree')));
    const nodes = (await store.getNodes(['figure:lighthouse/harbor-spending', 'figure:lighthouse/harbor-fund', 'figure:lighthouse/winter-visits'])) as never[];
    const documents = await describeNodes(store, nodes, { iriBase: BASE, mode: 'document' });
    expect(
      documents.map(({ '@type': type, value, minValue, maxValue, currency, unitText, qualifier, change }) => ({
        type,
        value,
        minValue,
        maxValue,
        currency,
        unitText,
        qualifier,
        change,
      })),
    ).toEqual([
      {
        type: 'MonetaryAmount',
        value: undefined,
        minValue: undefined,
        maxValue: 6_000_000,
        currency: 'USD',
        unitText: undefined,
        qualifier: 'LESS_THAN',
        change: undefined,
      },
      {
        type: 'MonetaryAmount',
        value: 48_390_000_000,
        minValue: undefined,
        maxValue: undefined,
        currency: 'USD',
        unitText: undefined,
        qualifier: undefined,
        change: { direction: 'UP', value: 21, unitText: 'percent', basis: 'YEAR_OVER_YEAR' },
      },
      {
        type: 'QuantitativeValue',
        value: undefined,
        minValue: undefined,
        maxValue: undefined,
        currency: undefined,
        unitText: 'percent',
        qualifier: undefined,
        change: { direction: 'DOWN', value: 17, unitText: 'percent' },
      },
    ]);
  });
});

describe("a node's document", () => {
  const store = new InMemoryGraphStore(loadGraph(CONFORMANCE_DATA_DIR));

  it("gives a quote's words, speaker, article and the claims it supports, with its place in the article as a Web Annotation", async () => {
    const [quote] = (await store.getNodes(['quote:harbor-budget/walls-first'])) as never[];
    expect(await describeNodes(store, [quote], { iriBase: BASE, mode: 'document' })).toEqual([
      {
        '@id': `${BASE}quote:harbor-budget/walls-first`,
        '@type': 'Quotation',
        text: 'The harbor walls come first',
        isPartOf: { '@id': `${BASE}article:harbor-budget`, '@type': 'NewsArticle' },
        annotation: {
          '@type': 'Annotation',
          target: {
            '@type': 'SpecificResource',
            source: `${BASE}article:harbor-budget`,
            selector: [
              { '@type': 'TextPositionSelector', start: 140, end: 167 },
              {
                '@type': 'TextQuoteSelector',
                exact: 'The harbor walls come first',
                prefix: 'he work would start in spring. "',
                suffix: '," Quill said. The Estuary Ferry',
              },
            ],
          },
        },
        spokenByCharacter: { '@id': `${BASE}person:ada-quill`, '@type': 'Person', name: 'Ada Quill' },
        supports: [{ '@id': `${BASE}claim:harbor-budget/walls-first`, '@type': 'Claim', text: 'The harbor walls are repaired first.' }],
      },
    ]);
  });

  it('cuts each list at the limit, with a next link that continues it, and the dump holds only what the node states', async () => {
    const [ada] = (await store.getNodes(['person:ada-quill'])) as never[];
    const [first] = await describeNodes(store, [ada], { iriBase: BASE, mode: 'document', listLimit: 1 });
    expect([first.quotations, first.more]).toEqual([
      [{ '@id': `${BASE}quote:bridge-vote/no-more-lorries`, '@type': 'Quotation', text: 'We cannot keep sending lorries through the old town' }],
      [
        { list: 'mentionedIn', totalItems: 2, next: `${BASE}person:ada-quill?list=mentionedIn&after=bm9kZTphcnRpY2xlOmJyaWRnZS12b3Rl` },
        { list: 'quotations', totalItems: 2, next: `${BASE}person:ada-quill?list=quotations&after=bm9kZTpxdW90ZTpicmlkZ2Utdm90ZS9uby1tb3JlLWxvcnJpZXM` },
        { list: 'claimsMade', totalItems: 3, next: `${BASE}person:ada-quill?list=claimsMade&after=bm9kZTpjbGFpbTpicmlkZ2Utdm90ZS9icmlkZ2UtY29zdA` },
      ],
    ]);
    const next = new URL((first.more as { next: string }[])[1].next);
    const [rest] = await describeNodes(store, [ada], {
      iriBase: BASE,
      mode: 'document',
      listLimit: 1,
      page: { list: next.searchParams.get('list')!, after: next.searchParams.get('after')! },
    });
    expect(rest).toEqual({
      '@id': `${BASE}person:ada-quill`,
      '@type': 'Person',
      quotations: [{ '@id': `${BASE}quote:harbor-budget/walls-first`, '@type': 'Quotation', text: 'The harbor walls come first' }],
    });
    expect(await describeNodes(store, [ada], { iriBase: BASE, mode: 'dump' })).toEqual([
      {
        '@id': `${BASE}person:ada-quill`,
        '@type': 'Person',
        name: 'Ada Quill',
        alternateName: ['Quill'],
        description: 'Fixture person: transport chair of Marrow Bay Council.',
        memberOf: [{ '@type': 'OrganizationRole', memberOf: `${BASE}organization:marrow-bay-council`, roleName: 'transport chair' }],
      },
    ]);
  });

  it('comes in batches from the dump, the event loop getting a turn between them', async () => {
    const batches: string[][] = [];
    // Before each batch after the first, what waited for the event loop at the one before has run.
    const waited: boolean[] = [];
    let ran = true;
    for await (const batch of dumpNodes(store, { iriBase: BASE, batchSize: 2 })) {
      waited.push(ran);
      ran = false;
      setImmediate(() => (ran = true));
      batches.push(batch.map((node) => String(node['@id']).slice(BASE.length)));
    }
    expect(batches).toEqual([
      ['article:bridge-vote', 'article:ferry-timetable'],
      ['article:harbor-budget'],
      ['person:ada-quill', 'person:bram-okafor'],
      ['organization:estuary-ferry-company', 'organization:marrow-bay-council'],
      ['place:kestrel-estuary'],
      ['topic:ferry-services'],
      ['quote:bridge-vote/no-more-lorries', 'quote:bridge-vote/sink-our-ferries'],
      ['quote:harbor-budget/walls-first'],
      ['claim:bridge-vote/bridge-vote', 'claim:bridge-vote/bridge-cost'],
      ['claim:bridge-vote/lorries', 'claim:bridge-vote/ferries-end'],
      ['claim:ferry-timetable/fewer-crossings', 'claim:ferry-timetable/longer-waits'],
      ['claim:harbor-budget/repair-money', 'claim:harbor-budget/walls-first'],
      ['figure:bridge-vote/bridge-cost', 'figure:ferry-timetable/winter-crossings'],
      ['figure:harbor-budget/repair-money'],
    ]);
    expect(waited).toEqual(batches.map(() => true));
  });
});

describe('GET /id/<id>', () => {
  let service: HttpTestService;
  beforeAll(async () => {
    service = await startHttpService({ GRAPH_DATA_DIR: MARKUP_DATA_DIR });
  });
  afterAll(() => service.close());

  it('gives a browser a page of the node, with the same JSON-LD in a script element, every markup character of the data escaped', async () => {
    const page = await send(`${service.origin}/id/organization:script-club`, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    const json = await send(`${service.origin}/id/organization:script-club`, { headers: { accept: 'application/ld+json' } });
    expect([page.status, page.headers['content-type'], page.headers.vary]).toEqual([200, 'text/html; charset=utf-8', 'accept']);
    // The only closing script tag is the JSON-LD element's own; no tag of the data is markup.
    expect(page.text.match(/<\/script>/g)).toEqual(['</script>']);
    expect(page.text).not.toMatch(/<b>|<i>/);
    expect(page.text).toContain('<h1>Club &#60;/script&#62;&#60;b&#62;Bold&#60;/b&#62; &#38; Co</h1>');
    const script = /<script type="application\/ld\+json">(.*)<\/script>/.exec(page.text)![1];
    expect(JSON.parse(script)).toEqual(json.json);
    expect(page.text).toContain(`<a href="${service.origin}/id/person:ivy-tag">Ivy Tag</a>`);
  });

  it('answers JSON-LD without an Accept header, 406 for an Accept it cannot meet, and 404 for an unknown id, each error as JSON', async () => {
    const plain = await send(`${service.origin}/id/person:ivy-tag`);
    expect([plain.status, plain.headers['content-type'], plain.json['@id']]).toEqual([
      200,
      'application/ld+json; charset=utf-8',
      `${service.origin}/id/person:ivy-tag`,
    ]);
    const refused = await send(`${service.origin}/id/person:ivy-tag`, { headers: { accept: 'image/png' } });
    expect([refused.status, refused.json]).toEqual([
      406,
      {
        errors: [
          {
            message:
              "A node's IRI is served as application/ld+json (JSON-LD), text/html (a page with the JSON-LD in it) or application/n-triples; send an Accept header that takes one of them.",
            extensions: { code: 'NOT_ACCEPTABLE' },
          },
        ],
      },
    ]);
    const unknown = await send(`${service.origin}/id/person:nobody`, { headers: { accept: 'text/html' } });
    expect([unknown.status, unknown.json.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    const badList = await send(`${service.origin}/id/person:ivy-tag?list=nothing`);
    expect([badList.status, badList.json]).toEqual([
      400,
      {
        errors: [
          {
            message:
              '"list" must name a list of this node: location, performerIn, competesWith, hosted, hasRelationshipWith, governs, partOf, mentionedIn, quotations, claimsMade, claimsAbout, measuredBy',
            extensions: { code: 'BAD_USER_INPUT', argumentName: 'list' },
          },
        ],
      },
    ]);
  });
});

describe('IRI_BASE', () => {
  it('names the nodes of the linked data and GraphQL, which the service still serves under /id/', async () => {
    const service = await startHttpService({ GRAPH_DATA_DIR: MARKUP_DATA_DIR, IRI_BASE: BASE });
    try {
      const reply = await send(`${service.origin}/id/person:ivy-tag`);
      expect([reply.json['@id'], reply.json['@context'].attribution, service.service.iriBase]).toEqual([
        `${BASE}person:ivy-tag`,
        'https://news.example.org/vocab#attribution',
        BASE,
      ]);
    } finally {
      await service.close();
    }
  });
});
