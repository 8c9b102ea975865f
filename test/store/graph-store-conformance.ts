import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  draftArticle,
  type Edge,
  GraphQueryError,
  type GraphNode,
  type GraphStore,
  type LiveGraph,
  type Page,
  readDraftGraph,
  type Span,
  type WriteOutcome,
} from '../../src/graph';
import { encodeCursor } from '../../src/graph/paginate';

/** The store under test, and how to let go of it. */
export interface OpenedStore {
  readonly store: GraphStore;
  close?(): Promise<void>;
}

/** Opens a store over the graph-data folder `dataDir` (loaded, imported, ...). */
export type OpenStore = (dataDir: string) => Promise<OpenedStore>;

/** The fixture every store is tested on: three sample articles about a harbor town, written for these tests. */
export const CONFORMANCE_DATA_DIR = join(__dirname, '..', 'fixtures', 'store-conformance');

const BRIDGE = 'article:bridge-vote';
const FERRY = 'article:ferry-timetable';
const HARBOR = 'article:harbor-budget';
const ADA = 'person:ada-quill';
const BRAM = 'person:bram-okafor';
const FERRY_CO = 'organization:estuary-ferry-company';
const COUNCIL = 'organization:marrow-bay-council';
const ESTUARY = 'place:kestrel-estuary';
const SERVICES = 'topic:ferry-services';

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
const edgeIds = (edges: readonly Edge[]) => edges.map((edge) => `${edge.from} ${edge.predicate} ${edge.to}`);

/** A page as plain values, cursors included, for exact comparison. */
function pageOf<T>(page: Page<T>, key: (item: T) => string) {
  return {
    items: page.items.map(key),
    totalCount: page.totalCount,
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
  };
}

/** Resolves to the GraphQueryError a store call rejects with (or returns in a batch). */
async function queryError(answer: Promise<unknown>): Promise<{ argument: string; message: string }> {
  let result: unknown;
  try {
    result = await answer;
  } catch (error) {
    result = error;
  }
  const error = Array.isArray(result) ? result[0] : result;
  if (!(error instanceof GraphQueryError)) throw new Error(`expected a GraphQueryError, got ${JSON.stringify(result)}`);
  return { argument: error.argument, message: error.message };
}

function page<T>(result: Page<T> | GraphQueryError): Page<T> {
  if (result instanceof GraphQueryError) throw result;
  return result;
}

/**
 * The tests every `GraphStore` passes: each method's answers on one fixture
 * graph, their orders, paging and cursors, and the errors a client can
 * cause. A new store proves itself by passing them.
 */
export function describeGraphStoreConformance(name: string, open: OpenStore): void {
  describe(`${name}: the GraphStore conformance suite`, () => {
    let opened: OpenedStore;
    let store: GraphStore;

    beforeAll(async () => {
      opened = await open(CONFORMANCE_DATA_DIR);
      store = opened.store;
    });

    afterAll(async () => {
      await opened?.close?.();
    });

    describe('getNodes', () => {
      it('answers in the order asked, with null for an unknown id and repeats kept', async () => {
        const nodes = await store.getNodes([COUNCIL, 'person:nobody', ADA, COUNCIL]);
        expect(nodes.map((node) => node?.id ?? null)).toEqual([COUNCIL, null, ADA, COUNCIL]);
      });

      it('gives every field of each kind of node', async () => {
        const [article, person, claim, figure, quote] = (await store.getNodes([
          BRIDGE,
          ADA,
          'claim:bridge-vote/bridge-cost',
          'figure:bridge-vote/bridge-cost',
          'quote:harbor-budget/walls-first',
        ])) as GraphNode[];
        expect(article).toMatchObject({
          kind: 'ARTICLE',
          headline: 'Sample report: Marrow Bay Council votes for a second bridge',
          description: 'A fixture article written for the store tests.',
          url: null,
          publishedAt: '2026-03-03',
        });
        expect(article.kind === 'ARTICLE' && article.text.startsWith('Marrow Bay Council voted on Tuesday')).toBe(true);
        expect(person).toMatchObject({
          kind: 'PERSON',
          name: 'Ada Quill',
          aliases: ['Quill'],
          description: 'Fixture person: transport chair of Marrow Bay Council.',
          sameAs: [],
        });
        expect(claim).toMatchObject({
          kind: 'CLAIM',
          text: 'The bridge would cost $12 million to $15 million.',
          attribution: 'PARAPHRASE',
          span: { articleId: BRIDGE, start: 136, end: 186 },
        });
        expect(figure).toMatchObject({
          kind: 'FIGURE',
          label: 'Cost of the second bridge',
          value: null,
          minValue: 12_000_000,
          maxValue: 15_000_000,
          unit: 'USD',
          period: null,
          span: { articleId: BRIDGE, start: 160, end: 186 },
        });
        expect(quote).toMatchObject({ kind: 'QUOTE', span: { articleId: HARBOR, start: 140, end: 167 } });
      });

      it("gives a figure's unit, what it counts, its qualifier and its change, null where its words state none", async () => {
        const [count, money] = (await store.getNodes(['figure:ferry-timetable/winter-crossings', 'figure:bridge-vote/bridge-cost'])) as GraphNode[];
        const fields = (node: GraphNode) => node.kind === 'FIGURE' && [node.value, node.unit, node.counted, node.qualifier, node.change];
        expect([fields(count), fields(money)]).toEqual([
          [14, 'count', 'crossings', null, null],
          [null, 'USD', null, null, null],
        ]);
      });
    });

    describe('getEntitiesBySameAs', () => {
      it('finds the entity whose sameAs holds each IRI, in the order asked, with null for an IRI no entity holds', async () => {
        const found = await store.getEntitiesBySameAs([
          'http://www.wikidata.org/entity/Q4115189',
          'http://www.wikidata.org/entity/Q1',
          'http://www.wikidata.org/entity/Q13406268',
          // Not the same IRI: Wikidata's entity IRIs are http, and an IRI is matched as written.
          'https://www.wikidata.org/entity/Q4115189',
          'http://www.wikidata.org/entity/Q4115189',
        ]);
        expect(found.map((node) => node?.id ?? null)).toEqual([COUNCIL, null, BRAM, null, COUNCIL]);
      });

      it('gives the first entity in node order when two hold the same IRI', async () => {
        expect((await store.getEntitiesBySameAs(['https://example.org/id/harbor-partners'])).map((node) => node?.id)).toEqual([FERRY_CO]);
      });
    });

    describe('getSpanTexts', () => {
      it('gives the words of each span, and null for a span of an unknown article', async () => {
        const spans: Span[] = [
          { articleId: BRIDGE, start: 160, end: 186 },
          { articleId: 'article:nowhere', start: 0, end: 4 },
          { articleId: HARBOR, start: 140, end: 167 },
        ];
        expect(await store.getSpanTexts(spans)).toEqual(['$12 million to $15 million', null, 'The harbor walls come first']);
      });
    });

    describe('listNodes', () => {
      it('lists articles by id, entities by name without regard to case, and the items of articles by position', async () => {
        expect(ids((await store.listNodes({ kinds: ['ARTICLE'], page: { first: 10 } })).items)).toEqual([BRIDGE, FERRY, HARBOR]);
        // "ferry services" is written in lower case: it sorts between E and K, not after M.
        expect(ids((await store.listNodes({ kinds: ['PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'TOPIC'], page: { first: 10 } })).items)).toEqual([
          ADA,
          BRAM,
          FERRY_CO,
          SERVICES,
          ESTUARY,
          COUNCIL,
        ]);
        expect(ids((await store.listNodes({ kinds: ['QUOTE', 'FIGURE'], page: { first: 10 } })).items)).toEqual([
          'figure:bridge-vote/bridge-cost',
          'quote:bridge-vote/no-more-lorries',
          'quote:bridge-vote/sink-our-ferries',
          'figure:ferry-timetable/winter-crossings',
          'figure:harbor-budget/repair-money',
          'quote:harbor-budget/walls-first',
        ]);
      });

      it('pages with first and a cursor naming the last item seen', async () => {
        const first = await store.listNodes({ kinds: ['CLAIM'], page: { first: 3 } });
        expect(pageOf(first, (n) => n.id)).toEqual({
          items: ['claim:bridge-vote/bridge-vote', 'claim:bridge-vote/bridge-cost', 'claim:bridge-vote/lorries'],
          totalCount: 8,
          hasNextPage: true,
          hasPreviousPage: false,
        });
        const second = await store.listNodes({ kinds: ['CLAIM'], page: { first: 3, after: first.cursorAt(2) } });
        expect(pageOf(second, (n) => n.id)).toEqual({
          items: ['claim:bridge-vote/ferries-end', 'claim:ferry-timetable/fewer-crossings', 'claim:ferry-timetable/longer-waits'],
          totalCount: 8,
          hasNextPage: true,
          hasPreviousPage: true,
        });
        const last = await store.listNodes({ kinds: ['CLAIM'], page: { first: 3, after: second.cursorAt(2) } });
        expect(pageOf(last, (n) => n.id)).toEqual({
          items: ['claim:harbor-budget/repair-money', 'claim:harbor-budget/walls-first'],
          totalCount: 8,
          hasNextPage: false,
          hasPreviousPage: true,
        });
        const none = await store.listNodes({ kinds: ['CLAIM'], page: { first: 0 } });
        expect(pageOf(none, (n) => n.id)).toEqual({ items: [], totalCount: 8, hasNextPage: true, hasPreviousPage: false });
      });

      it('filters by claimant, subject, speaker, article, attribution, unit and name, every filter given holding', async () => {
        const list = async (kinds: GraphNode['kind'][], filter: object) => ids((await store.listNodes({ kinds, filter, page: { first: 20 } })).items);
        expect(await list(['CLAIM'], { claimantId: ADA })).toEqual([
          'claim:bridge-vote/bridge-cost',
          'claim:bridge-vote/lorries',
          'claim:harbor-budget/walls-first',
        ]);
        expect(await list(['CLAIM'], { claimantId: ADA, attribution: 'DIRECT_QUOTE' })).toEqual([
          'claim:bridge-vote/lorries',
          'claim:harbor-budget/walls-first',
        ]);
        expect(await list(['CLAIM'], { subjectId: ESTUARY })).toEqual(['claim:bridge-vote/bridge-vote', 'claim:ferry-timetable/longer-waits']);
        expect(await list(['CLAIM'], { subjectId: COUNCIL, articleId: HARBOR })).toEqual([
          'claim:harbor-budget/repair-money',
          'claim:harbor-budget/walls-first',
        ]);
        expect(await list(['CLAIM'], { attribution: 'EDITORIAL' })).toEqual([
          'claim:bridge-vote/bridge-vote',
          'claim:ferry-timetable/longer-waits',
          'claim:harbor-budget/repair-money',
        ]);
        expect(await list(['QUOTE'], { speakerId: ADA })).toEqual(['quote:bridge-vote/no-more-lorries', 'quote:harbor-budget/walls-first']);
        expect(await list(['QUOTE'], { speakerId: ADA, articleId: BRIDGE })).toEqual(['quote:bridge-vote/no-more-lorries']);
        expect(await list(['FIGURE'], { unit: 'USD' })).toEqual(['figure:bridge-vote/bridge-cost', 'figure:harbor-budget/repair-money']);
        expect(await list(['FIGURE'], { unit: 'USD', subjectId: FERRY_CO })).toEqual([]);
        expect(await list(['FIGURE'], { subjectId: FERRY_CO })).toEqual(['figure:ferry-timetable/winter-crossings']);
        expect(await list(['PERSON', 'ORGANIZATION'], { name: 'OKA' })).toEqual([BRAM]);
        // An alias counts as a name.
        expect(await list(['ORGANIZATION'], { name: 'the ferry' })).toEqual([FERRY_CO]);
        expect(await list(['PERSON', 'ORGANIZATION', 'PLACE', 'TOPIC'], { articleId: FERRY })).toEqual([BRAM, FERRY_CO, ESTUARY]);
        expect(await list(['CLAIM'], { claimantId: 'person:nobody' })).toEqual([]);
      });

      it('refuses a cursor of another list, one naming an item no longer there, and one that is not a cursor', async () => {
        const people = await store.listNodes({ kinds: ['PERSON'], page: { first: 1 } });
        const claims = await store.listNodes({ kinds: ['CLAIM'], page: { first: 1 } });
        const other = { argument: 'after', message: '"after" is not a cursor of this list: pass a cursor from its edges or pageInfo.endCursor' };
        expect(await queryError(store.listNodes({ kinds: ['CLAIM'], page: { first: 1, after: people.cursorAt(0) } }))).toEqual(other);
        expect(await queryError(store.listNodes({ kinds: ['PERSON'], page: { first: 1, after: 'not-a-cursor' } }))).toEqual(other);
        const gone = Buffer.from('node:person:nobody', 'utf8').toString('base64url');
        expect(await queryError(store.listNodes({ kinds: ['PERSON'], page: { first: 1, after: gone } }))).toEqual({
          argument: 'after',
          message: '"after" names an item that is no longer in the graph; start again without "after"',
        });
        // A cursor of the same kind of list still works in a filtered one that holds its item.
        const filtered = await store.listNodes({ kinds: ['CLAIM'], filter: { articleId: BRIDGE }, page: { first: 1, after: claims.cursorAt(0) } });
        expect(ids(filtered.items)).toEqual(['claim:bridge-vote/bridge-cost']);
      });
    });

    describe('getRelated', () => {
      it('gives the distinct nodes joined by any of the hops, of the kinds asked, in node order, one page per query', async () => {
        const [claims, about, quotes, unknown] = (
          await store.getRelated([
            { nodeId: ADA, via: [{ direction: 'OUT', predicate: 'CLAIMS' }], kinds: ['CLAIM'], page: { first: 2 } },
            {
              nodeId: COUNCIL,
              via: [
                { direction: 'IN', predicate: 'ABOUT' },
                { direction: 'IN', predicate: 'MEASURES' },
              ],
            },
            { nodeId: BRIDGE, via: [{ direction: 'OUT', predicate: 'CONTAINS' }], kinds: ['QUOTE'] },
            { nodeId: 'person:nobody', via: [{ direction: 'OUT', predicate: 'SAID' }] },
          ])
        ).map(page);
        expect(pageOf(claims, (n) => n.id)).toEqual({
          items: ['claim:bridge-vote/bridge-cost', 'claim:bridge-vote/lorries'],
          totalCount: 3,
          hasNextPage: true,
          hasPreviousPage: false,
        });
        expect(ids(about.items)).toEqual([
          'claim:bridge-vote/bridge-vote',
          'claim:bridge-vote/bridge-cost',
          'figure:bridge-vote/bridge-cost',
          'claim:bridge-vote/lorries',
          'claim:harbor-budget/repair-money',
          'figure:harbor-budget/repair-money',
          'claim:harbor-budget/walls-first',
        ]);
        expect(ids(quotes.items)).toEqual(['quote:bridge-vote/no-more-lorries', 'quote:bridge-vote/sink-our-ferries']);
        expect(pageOf(unknown, (n) => n.id)).toEqual({ items: [], totalCount: 0, hasNextPage: false, hasPreviousPage: false });
      });

      it('continues after a cursor, and answers a bad cursor with an error in its place only', async () => {
        const via = [{ direction: 'OUT' as const, predicate: 'CLAIMS' }];
        const first = page((await store.getRelated([{ nodeId: ADA, via, page: { first: 2 } }]))[0]);
        const [next, bad] = await store.getRelated([
          { nodeId: ADA, via, page: { first: 2, after: first.cursorAt(1) } },
          { nodeId: BRAM, via, page: { first: 2, after: 'bogus' } },
        ]);
        expect(ids(page(next).items)).toEqual(['claim:harbor-budget/walls-first']);
        expect(bad).toBeInstanceOf(GraphQueryError);
        expect((bad as GraphQueryError).argument).toBe('after');
      });
    });

    describe('getEdges', () => {
      it("gives a node's edges out, in or both ways, of the predicates asked, in edge order", async () => {
        const [out, into, both, roles] = (
          await store.getEdges([
            { nodeId: BRAM, direction: 'OUT' },
            { nodeId: ESTUARY, direction: 'IN' },
            { nodeId: FERRY_CO, direction: 'BOTH', predicates: ['HAS_ROLE_AT', 'BASED_IN'] },
            { nodeId: ADA, direction: 'OUT', predicates: ['HAS_ROLE_AT'], page: { first: 1 } },
          ])
        ).map(page);
        expect(edgeIds(out.items)).toEqual([
          `${BRAM} HAS_ROLE_AT ${FERRY_CO}`,
          `${BRAM} CLAIMS claim:bridge-vote/ferries-end`,
          `${BRAM} SAID quote:bridge-vote/sink-our-ferries`,
          `${BRAM} CLAIMS claim:ferry-timetable/fewer-crossings`,
          `${BRAM} HAS_ROLE_AT ${FERRY_CO}`,
        ]);
        expect(edgeIds(into.items)).toEqual([
          `claim:bridge-vote/bridge-vote ABOUT ${ESTUARY}`,
          `${BRIDGE} MENTIONS ${ESTUARY}`,
          `${FERRY_CO} BASED_IN ${ESTUARY}`,
          `claim:ferry-timetable/longer-waits ABOUT ${ESTUARY}`,
          `${FERRY} MENTIONS ${ESTUARY}`,
        ]);
        expect(both.items.map((edge) => [edge.predicate, edge.qualifier, edge.span])).toEqual([
          ['HAS_ROLE_AT', 'chief executive', { articleId: BRIDGE, start: 255, end: 303 }],
          ['HAS_ROLE_AT', 'chief executive', { articleId: FERRY, start: 81, end: 112 }],
          ['BASED_IN', null, { articleId: FERRY, start: 162, end: 193 }],
        ]);
        expect(pageOf(roles, (edge) => edge.id)).toEqual({
          items: [`${BRIDGE}|${ADA}|HAS_ROLE_AT|${COUNCIL}`],
          totalCount: 2,
          hasNextPage: true,
          hasPreviousPage: false,
        });
        const next = page(
          (await store.getEdges([{ nodeId: ADA, direction: 'OUT', predicates: ['HAS_ROLE_AT'], page: { first: 1, after: roles.cursorAt(0) } }]))[0],
        );
        expect(ids(next.items)).toEqual([`${HARBOR}|${ADA}|HAS_ROLE_AT|${COUNCIL}`]);
      });

      it('gives derived edges stable ids, and stated ones ids that name their article', async () => {
        const [edges] = (await store.getEdges([{ nodeId: 'claim:bridge-vote/lorries', direction: 'BOTH' }])).map(page);
        expect(ids(edges.items)).toEqual([
          `${BRIDGE}|CONTAINS|claim:bridge-vote/lorries`,
          `${ADA}|CLAIMS|claim:bridge-vote/lorries`,
          `claim:bridge-vote/lorries|ABOUT|${COUNCIL}`,
          'claim:bridge-vote/lorries|SUPPORTED_BY|quote:bridge-vote/no-more-lorries',
        ]);
      });
    });

    describe('getMentions', () => {
      it("gives an entity's mentions by article then position, an article's in text order, and both together", async () => {
        const [ofBram, inHarbor, bramInFerry] = (
          await store.getMentions([{ entityId: BRAM }, { articleId: HARBOR }, { entityId: BRAM, articleId: FERRY }])
        ).map(page);
        const where = (m: { entityId: string; span: Span }) => `${m.entityId}@${m.span.articleId}:${m.span.start}-${m.span.end}`;
        expect(ofBram.items.map(where)).toEqual([
          `${BRAM}@${BRIDGE}:255-266`,
          `${BRAM}@${BRIDGE}:402-408`,
          `${BRAM}@${FERRY}:101-112`,
          `${BRAM}@${FERRY}:129-135`,
        ]);
        expect(inHarbor.items.map(where)).toEqual([
          `${COUNCIL}@${HARBOR}:0-18`,
          `${ADA}@${HARBOR}:60-69`,
          `${ADA}@${HARBOR}:170-175`,
          `${FERRY_CO}@${HARBOR}:186-207`,
        ]);
        expect(bramInFerry.items.map(where)).toEqual([`${BRAM}@${FERRY}:101-112`, `${BRAM}@${FERRY}:129-135`]);
      });

      it('pages with cursors, and refuses a query with neither entity nor article', async () => {
        const first = page((await store.getMentions([{ entityId: ADA, page: { first: 3 } }]))[0]);
        expect(pageOf(first, (m) => `${m.span.articleId}:${m.span.start}`)).toEqual({
          items: [`${BRIDGE}:89`, `${BRIDGE}:243`, `${HARBOR}:60`],
          totalCount: 4,
          hasNextPage: true,
          hasPreviousPage: false,
        });
        const next = page((await store.getMentions([{ entityId: ADA, page: { first: 3, after: first.cursorAt(2) } }]))[0]);
        expect(next.items.map((m) => `${m.span.articleId}:${m.span.start}`)).toEqual([`${HARBOR}:170`]);
        expect(await queryError(store.getMentions([{}]))).toEqual({ argument: 'id', message: 'a mention query needs an entity or an article' });
      });

      it('says a cursor whose offset no text reaches (past a 32-bit integer) names a mention no longer there, and answers the other queries of the batch', async () => {
        const [far, other] = await store.getMentions([
          { entityId: ADA, page: { first: 3, after: encodeCursor('mention', `${HARBOR} 99999999999 ${ADA}`) } },
          { entityId: BRAM, page: { first: 1 } },
        ]);
        expect(far).toEqual(new GraphQueryError('"after" names a mention that is no longer in the graph; start again without "after"', 'after'));
        expect(page(other).items.map((m) => m.entityId)).toEqual([BRAM]);
      });
    });

    describe('getRoles', () => {
      it('folds a role stated in two articles into one, for the person and for the organization, and gives its spans when asked', async () => {
        const [ofAda, atFerryCo, unknown] = await store.getRoles([
          { nodeId: ADA, direction: 'OUT' },
          { nodeId: FERRY_CO, direction: 'IN' },
          { nodeId: 'person:nobody', direction: 'OUT' },
        ]);
        expect(ofAda).toEqual([{ title: 'transport chair', personId: ADA, organizationId: COUNCIL }]);
        expect(atFerryCo).toEqual([{ title: 'chief executive', personId: BRAM, organizationId: FERRY_CO }]);
        expect(unknown).toEqual([]);
        expect(
          await store.getRoleSpans([
            atFerryCo[0],
            ofAda[0],
            // The same person and organization with another title, and a title at another organization: not roles of the graph.
            { title: 'chief executive', personId: ADA, organizationId: COUNCIL },
            { title: 'transport chair', personId: ADA, organizationId: FERRY_CO },
          ]),
        ).toEqual([
          [
            { articleId: BRIDGE, start: 255, end: 303 },
            { articleId: FERRY, start: 81, end: 112 },
          ],
          [
            { articleId: BRIDGE, start: 89, end: 129 },
            { articleId: HARBOR, start: 60, end: 100 },
          ],
          [],
          [],
        ]);
      });
    });

    describe('getStats', () => {
      it('counts nodes, edges and mentions, by every kind and every predicate in their documented order', async () => {
        const stats = await store.getStats();
        expect(stats).toEqual({
          nodeCount: 23,
          edgeCount: 58,
          mentionCount: 16,
          byKind: [
            { kind: 'ARTICLE', count: 3 },
            { kind: 'PERSON', count: 2 },
            { kind: 'ORGANIZATION', count: 2 },
            { kind: 'PLACE', count: 1 },
            { kind: 'EVENT', count: 0 },
            { kind: 'TOPIC', count: 1 },
            { kind: 'QUOTE', count: 3 },
            { kind: 'CLAIM', count: 8 },
            { kind: 'FIGURE', count: 3 },
          ],
          byPredicate: [
            { predicate: 'HAS_ROLE_AT', count: 4 },
            { predicate: 'BASED_IN', count: 1 },
            { predicate: 'COMPETES_WITH', count: 0 },
            { predicate: 'SPOKE_AT', count: 0 },
            { predicate: 'HOSTED', count: 0 },
            { predicate: 'HAS_RELATIONSHIP_WITH', count: 0 },
            { predicate: 'GOVERNS', count: 0 },
            { predicate: 'PART_OF', count: 0 },
            { predicate: 'CONTAINS', count: 14 },
            { predicate: 'MENTIONS', count: 12 },
            { predicate: 'SAID', count: 3 },
            { predicate: 'CLAIMS', count: 5 },
            { predicate: 'ABOUT', count: 10 },
            { predicate: 'MEASURES', count: 3 },
            { predicate: 'SUPPORTED_BY', count: 3 },
            { predicate: 'STATES', count: 3 },
          ],
        });
      });

      it('has a version that names the data', () => {
        expect(store.version).toMatch(/^\S{6,}$/);
      });
    });

    describe('search', () => {
      const hits = async (text: string, kinds?: GraphNode['kind'][], first = 10) => store.search({ text, kinds, page: { first } });

      it('ranks the entity named first, and finds it misspelt', async () => {
        expect(ids((await hits('Okafor')).items.map((hit) => hit.node))[0]).toBe(BRAM);
        expect(ids((await hits('Okafr')).items.map((hit) => hit.node))[0]).toBe(BRAM);
        expect(ids((await hits('Kestrel Estuary')).items.map((hit) => hit.node))[0]).toBe(ESTUARY);
      });

      it('finds longer words a word begins, and only hits of the kinds asked', async () => {
        const found = await hits('ferr', ['ORGANIZATION', 'TOPIC']);
        expect(ids(found.items.map((hit) => hit.node))).toEqual([FERRY_CO, SERVICES]);
        expect(found.totalCount).toBe(2);
      });

      it('gives each hit a score, best first, and a snippet with the matching words marked', async () => {
        const found = await hits('harbor walls');
        expect(found.items[0].node.id).toBe('claim:harbor-budget/walls-first');
        const scores = found.items.map((hit) => hit.score);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
        expect(found.items[0].snippet).toBe('The «harbor» «walls» are repaired first.');
      });

      it('pages one search with its cursors, and refuses a cursor of another search', async () => {
        const all = await hits('bridge', undefined, 10);
        const first = await hits('bridge', undefined, 2);
        const rest = await store.search({ text: 'bridge', page: { first: 10, after: first.cursorAt(1) } });
        expect(ids([...first.items, ...rest.items].map((hit) => hit.node))).toEqual(ids(all.items.map((hit) => hit.node)));
        expect([first.hasNextPage, rest.hasNextPage, rest.hasPreviousPage, rest.totalCount]).toEqual([true, false, true, all.totalCount]);
        expect(await queryError(store.search({ text: 'harbor', page: { first: 2, after: first.cursorAt(0) } }))).toEqual({
          argument: 'after',
          message: '"after" is not a cursor of this search: page with cursors of the same query, kinds and graph version',
        });
      });

      it('finds nothing for stop words alone', async () => {
        expect(pageOf(await hits('the of and'), (hit) => hit.node.id)).toEqual({ items: [], totalCount: 0, hasNextPage: false, hasPreviousPage: false });
      });

      it('refuses a search that would read more index entries than its allowance, taking all that is left', async () => {
        const allowance = { limit: 1, remaining: 1 };
        const refused = await queryError(store.search({ text: 'bridge', page: { first: 5 }, allowance }));
        expect(refused.argument).toBe('query');
        expect(refused.message).toMatch(/^"query" matches too much of the index: this search would read more than 1 index entries/);
        expect(allowance.remaining).toBe(0);
      });

      it('refuses every search once the allowance is spent, even of a word the index does not hold', async () => {
        const allowance = { limit: 10, remaining: 0 };
        const refused = await queryError(store.search({ text: 'qqqxzz', page: { first: 5 }, allowance }));
        expect(refused.message).toBe(
          '"query" is not searched: this request\'s other searches have read all 10 index entries one request may read. ' +
            'Ask for fewer searches in one request, with fewer, longer or rarer words, or split them over several requests.',
        );
        expect(pageOf(await hits('qqqxzz'), (hit) => hit.node.id)).toEqual({ items: [], totalCount: 0, hasNextPage: false, hasPreviousPage: false });
      });
    });

    describe('findPath', () => {
      it('prefers a path of stated links to one through an article that names both ends', async () => {
        const path = await store.findPath({ fromId: BRAM, toId: ESTUARY, maxHops: 4 });
        expect(path?.nodeIds).toEqual([BRAM, FERRY_CO, ESTUARY]);
        expect(path && edgeIds(path.edges)).toEqual([`${BRAM} HAS_ROLE_AT ${FERRY_CO}`, `${FERRY_CO} BASED_IN ${ESTUARY}`]);
        expect(path?.edges[0].span).toEqual({ articleId: BRIDGE, start: 255, end: 303 });
      });

      it('among equal paths takes the one whose edges come first, edge by edge from the start', async () => {
        // Two articles mention both organizations; the first article's edges come first.
        const path = await store.findPath({ fromId: FERRY_CO, toId: COUNCIL, maxHops: 4 });
        expect(path?.nodeIds).toEqual([FERRY_CO, BRIDGE, COUNCIL]);
      });

      it('gives a node to itself as a path of no edges, and null when no path is short enough', async () => {
        expect(await store.findPath({ fromId: ADA, toId: ADA, maxHops: 0 })).toEqual({ nodeIds: [ADA], edges: [] });
        expect(await store.findPath({ fromId: ADA, toId: ESTUARY, maxHops: 1 })).toBeNull();
        expect((await store.findPath({ fromId: ADA, toId: ESTUARY, maxHops: 2 }))?.nodeIds).toEqual([ADA, BRIDGE, ESTUARY]);
      });

      it('refuses an unknown node, naming the argument', async () => {
        expect(await queryError(store.findPath({ fromId: 'person:nobody', toId: ADA, maxHops: 4 }))).toEqual({
          argument: 'from',
          message: 'no node has the id "person:nobody"',
        });
        expect(await queryError(store.findPath({ fromId: ADA, toId: 'place:nowhere', maxHops: 4 }))).toEqual({
          argument: 'to',
          message: 'no node has the id "place:nowhere"',
        });
      });
    });

    describe('getNeighborhood', () => {
      it('gives the centre, then its neighbours in edge order, and every edge among them', async () => {
        const around = await store.getNeighborhood({ centerId: ESTUARY, depth: 1, limit: 100 });
        expect(around.nodeIds).toEqual([ESTUARY, 'claim:bridge-vote/bridge-vote', BRIDGE, FERRY_CO, 'claim:ferry-timetable/longer-waits', FERRY]);
        expect(around.truncated).toBe(false);
        expect(edgeIds(around.edges)).toEqual([
          `${BRIDGE} CONTAINS claim:bridge-vote/bridge-vote`,
          `claim:bridge-vote/bridge-vote ABOUT ${ESTUARY}`,
          `${BRIDGE} MENTIONS ${ESTUARY}`,
          `${BRIDGE} MENTIONS ${FERRY_CO}`,
          `${FERRY} MENTIONS ${FERRY_CO}`,
          `${FERRY_CO} BASED_IN ${ESTUARY}`,
          `${FERRY} CONTAINS claim:ferry-timetable/longer-waits`,
          `claim:ferry-timetable/longer-waits ABOUT ${ESTUARY}`,
          `${FERRY} MENTIONS ${ESTUARY}`,
        ]);
      });

      it('stops at the limit and says so, follows only the predicates asked, and goes no further than the depth', async () => {
        const cut = await store.getNeighborhood({ centerId: ESTUARY, depth: 2, limit: 3 });
        expect(cut).toMatchObject({ nodeIds: [ESTUARY, 'claim:bridge-vote/bridge-vote', BRIDGE], truncated: true });
        const stated = await store.getNeighborhood({ centerId: BRAM, depth: 3, limit: 100, predicates: ['HAS_ROLE_AT', 'BASED_IN'] });
        expect(stated.nodeIds).toEqual([BRAM, FERRY_CO, ESTUARY]);
        expect(edgeIds(stated.edges)).toEqual([`${BRAM} HAS_ROLE_AT ${FERRY_CO}`, `${BRAM} HAS_ROLE_AT ${FERRY_CO}`, `${FERRY_CO} BASED_IN ${ESTUARY}`]);
        expect((await store.getNeighborhood({ centerId: BRAM, depth: 0, limit: 100 })).nodeIds).toEqual([BRAM]);
      });

      it('refuses an unknown centre, naming the argument', async () => {
        expect(await queryError(store.getNeighborhood({ centerId: 'topic:nothing', depth: 1, limit: 10 }))).toEqual({
          argument: 'id',
          message: 'no node has the id "topic:nothing"',
        });
      });
    });
  });
}

/** A live graph under test (one that takes writes), and how to let go of it. */
export interface OpenedLiveGraph {
  readonly graph: LiveGraph;
  close?(): Promise<void>;
}

/** Opens a live graph over the graph-data folder `dataDir` (a copy the test owns: writes may change its files). */
export type OpenLiveGraph = (dataDir: string) => Promise<OpenedLiveGraph>;

/** The seed graph, and a second article written for these tests that reports some of the seed article's facts in other words. */
const SEED_GRAPH_DIR = join(__dirname, '..', 'fixtures', 'seed-graph');
const SECOND_REPORT_DIR = join(__dirname, '..', 'fixtures', 'same-facts-article');
const SECOND_REPORT_SLUG = 'sample-meta-capex-second-report';
const SEED = 'zuckerberg-american-open-source-ai-standards';
const SECOND = SECOND_REPORT_SLUG;

/** The body of a PUT of the second article, with the entity it brings. */
function secondReportBody(): { article: Record<string, unknown>; entities: unknown[] } {
  const article = JSON.parse(readFileSync(join(SECOND_REPORT_DIR, 'articles', `${SECOND_REPORT_SLUG}.json`), 'utf8'));
  delete article.$schema;
  const { entities } = JSON.parse(readFileSync(join(SECOND_REPORT_DIR, 'entities', 'sample-same-facts-report.json'), 'utf8'));
  return { article, entities };
}

/** A folder with the seed graph, and the second article when `withSecond`; removed by the returned function. */
function graphFolder(withSecond: boolean): { dir: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'newsgraph-same-facts-'));
  const dir = join(root, 'graph-data');
  cpSync(SEED_GRAPH_DIR, dir, { recursive: true });
  if (withSecond) cpSync(SECOND_REPORT_DIR, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Opens a live graph on a fresh `graphFolder(withSecond)` before the tests of the describe it is called in, and closes and removes it after them. */
function openedOnFolder(open: OpenLiveGraph, withSecond: boolean): () => OpenedLiveGraph {
  let folder: { dir: string; remove: () => void } | undefined;
  let opened: OpenedLiveGraph | undefined;
  beforeAll(async () => {
    folder = graphFolder(withSecond);
    opened = await open(folder.dir);
  });
  afterAll(async () => {
    await opened?.close?.();
    folder?.remove();
  });
  return () => opened!;
}

const fig = (article: string, key: string) => `figure:${article}/${key}`;
const quo = (article: string, key: string) => `quote:${article}/${key}`;

/** Every figure and quote of the seed article and the second one. */
const SEED_REPORTS = [
  fig(SEED, 'meta-capex-2025'),
  quo(SEED, 'advances-to-implement'),
  quo(SEED, 'too-early-for-strong-opinion'),
  quo(SEED, 'conviction-strengthened'),
  quo(SEED, 'american-standard'),
  quo(SEED, 'optimistic-about-progress'),
];
const SECOND_REPORTS = [
  fig(SECOND, 'meta-capex-2025'),
  fig(SECOND, 'meta-capex-2024'),
  fig(SECOND, 'meta-capex-2026'),
  quo(SECOND, 'too-early-capex'),
  quo(SECOND, 'advances-to-implement'),
  quo(SECOND, 'open-source-standard'),
  quo(SECOND, 'optimistic'),
];

/** Each report as `[alsoReportedIds, factId, articleCount]`, by id; null for an id that is no report. */
async function reportsIn(store: GraphStore, ids: readonly string[]) {
  const answers = await store.getFactReports(ids);
  return Object.fromEntries(ids.map((id, i) => [id, answers[i] && [answers[i]!.alsoReportedIds, answers[i]!.factId, answers[i]!.articleCount]]));
}

/** The reports of both articles, as linked when both are in the graph. */
const LINKED = {
  // The capex range, in both: the same subject, unit, range and period.
  [fig(SEED, 'meta-capex-2025')]: [[fig(SECOND, 'meta-capex-2025')], fig(SECOND, 'meta-capex-2025'), 2],
  [fig(SECOND, 'meta-capex-2025')]: [[fig(SEED, 'meta-capex-2025')], fig(SECOND, 'meta-capex-2025'), 2],
  // The same range for another period, and another figure: facts of their own.
  [fig(SECOND, 'meta-capex-2026')]: [[], fig(SECOND, 'meta-capex-2026'), 1],
  [fig(SECOND, 'meta-capex-2024')]: [[], fig(SECOND, 'meta-capex-2024'), 1],
  // "... infrastructure and CapEx" is held by "... infrastructure and capex and things like that."
  [quo(SEED, 'too-early-for-strong-opinion')]: [[quo(SECOND, 'too-early-capex')], quo(SECOND, 'too-early-capex'), 2],
  [quo(SECOND, 'too-early-capex')]: [[quo(SEED, 'too-early-for-strong-opinion')], quo(SECOND, 'too-early-capex'), 2],
  // The same words with a comma and a full stop more.
  [quo(SEED, 'advances-to-implement')]: [[quo(SECOND, 'advances-to-implement')], quo(SECOND, 'advances-to-implement'), 2],
  [quo(SECOND, 'advances-to-implement')]: [[quo(SEED, 'advances-to-implement')], quo(SECOND, 'advances-to-implement'), 2],
  // Three words are too few to be matched inside a longer quote.
  [quo(SECOND, 'open-source-standard')]: [[], quo(SECOND, 'open-source-standard'), 1],
  [quo(SEED, 'american-standard')]: [[], quo(SEED, 'american-standard'), 1],
  // Zuckerberg's words in the mouth of another speaker.
  [quo(SECOND, 'optimistic')]: [[], quo(SECOND, 'optimistic'), 1],
  [quo(SEED, 'optimistic-about-progress')]: [[], quo(SEED, 'optimistic-about-progress'), 1],
  [quo(SEED, 'conviction-strengthened')]: [[], quo(SEED, 'conviction-strengthened'), 1],
};

/** The seed article's reports, alone in the graph. */
const UNLINKED = Object.fromEntries(SEED_REPORTS.map((id) => [id, [[], id, 1]]));

const FACTS_OF_BOTH = {
  byKind: [
    { kind: 'FIGURE', distinct: 3, shared: 1 },
    { kind: 'QUOTE', distinct: 7, shared: 2 },
  ],
};
const FACTS_OF_SEED = {
  byKind: [
    { kind: 'FIGURE', distinct: 1, shared: 0 },
    { kind: 'QUOTE', distinct: 5, shared: 0 },
  ],
};

function expectWritten(outcome: WriteOutcome): void {
  if (!outcome.ok) throw new Error(`write refused: ${JSON.stringify(outcome)}`);
}

/**
 * The tests every store passes on the same fact in several articles: the
 * links and counts of a graph loaded with both articles, and the same
 * reached by writes, kept as articles are put, replaced and removed.
 */
export function describeSameFactConformance(name: string, open: OpenLiveGraph): void {
  describe(`${name}: the same fact in several articles`, () => {
    describe('on a graph loaded with both articles', () => {
      const opened = openedOnFolder(open, true);
      let store: GraphStore;

      beforeAll(() => {
        store = opened().graph.current;
      });

      it('links a figure or quote to the reports of the same fact in other articles, both ways, and to no other', async () => {
        expect(await reportsIn(store, [...SEED_REPORTS, ...SECOND_REPORTS])).toEqual(LINKED);
      });

      it('gives every report of a fact, and null for an id that is neither a figure nor a quote', async () => {
        const [capex, claim, unknown] = await store.getFactReports([fig(SEED, 'meta-capex-2025'), `claim:${SEED}/capex-plan-2025`, 'figure:none/none']);
        expect(capex?.reportIds).toEqual([fig(SECOND, 'meta-capex-2025'), fig(SEED, 'meta-capex-2025')]);
        expect([claim, unknown]).toEqual([null, null]);
      });

      it('counts each fact once, and the facts more than one article reports, in the graph and for each entity', async () => {
        expect(await store.getFactStats()).toEqual(FACTS_OF_BOTH);
        expect(
          await store.countEntityFacts([
            { entityId: 'organization:meta', kind: 'FIGURE' },
            { entityId: 'person:mark-zuckerberg', kind: 'QUOTE' },
            { entityId: 'person:rosa-lindqvist', kind: 'QUOTE' },
            { entityId: 'organization:meta', kind: 'QUOTE' },
            { entityId: 'person:nobody', kind: 'FIGURE' },
          ]),
        ).toEqual([3, 6, 1, 0, 0]);
        expect((await store.getStats()).byKind.filter((k) => k.kind === 'QUOTE' || k.kind === 'FIGURE')).toEqual([
          { kind: 'QUOTE', count: 9 },
          { kind: 'FIGURE', count: 4 },
        ]);
      });

      it('lists the first report of each fact (FIRST) and of each fact reported twice (SHARED), with the other filters', async () => {
        const list = async (kinds: ('FIGURE' | 'QUOTE')[], filter: Parameters<GraphStore['listNodes']>[0]['filter']) => {
          const page = await store.listNodes({ kinds, filter, page: { first: 3 } });
          return { ids: ids(page.items), totalCount: page.totalCount, hasNextPage: page.hasNextPage };
        };
        expect(await list(['FIGURE'], { unit: 'USD', subjectId: 'organization:meta', reports: 'FIRST' })).toEqual({
          ids: [fig(SECOND, 'meta-capex-2025'), fig(SECOND, 'meta-capex-2024'), fig(SECOND, 'meta-capex-2026')],
          totalCount: 3,
          hasNextPage: false,
        });
        expect(await list(['FIGURE'], { unit: 'USD', reports: 'ALL' })).toEqual({
          ids: [fig(SECOND, 'meta-capex-2025'), fig(SECOND, 'meta-capex-2024'), fig(SECOND, 'meta-capex-2026')],
          totalCount: 4,
          hasNextPage: true,
        });
        expect(await list(['FIGURE', 'QUOTE'], { reports: 'SHARED' })).toEqual({
          ids: [fig(SECOND, 'meta-capex-2025'), quo(SECOND, 'too-early-capex'), quo(SECOND, 'advances-to-implement')],
          totalCount: 3,
          hasNextPage: false,
        });
        expect(await list(['QUOTE'], { speakerId: 'person:mark-zuckerberg', reports: 'FIRST' })).toEqual({
          ids: [quo(SECOND, 'too-early-capex'), quo(SECOND, 'advances-to-implement'), quo(SECOND, 'open-source-standard')],
          totalCount: 6,
          hasNextPage: true,
        });
        expect(await list(['QUOTE'], { articleId: `article:${SEED}`, reports: 'SHARED' })).toEqual({ ids: [], totalCount: 0, hasNextPage: false });
        const first = await store.listNodes({ kinds: ['QUOTE'], filter: { reports: 'SHARED' }, page: { first: 1 } });
        const next = await store.listNodes({ kinds: ['QUOTE'], filter: { reports: 'SHARED' }, page: { first: 1, after: first.cursorAt(0) } });
        expect([pageOf(first, (n) => n.id), pageOf(next, (n) => n.id)]).toEqual([
          { items: [quo(SECOND, 'too-early-capex')], totalCount: 2, hasNextPage: true, hasPreviousPage: false },
          { items: [quo(SECOND, 'advances-to-implement')], totalCount: 2, hasNextPage: false, hasPreviousPage: true },
        ]);
      });
    });

    describe('kept by writes', () => {
      const opened = openedOnFolder(open, false);

      it('links the facts of an article put, moves them when it is replaced, and removes them when it is deleted', async () => {
        const { graph } = opened();
        expect(await reportsIn(graph.current, SEED_REPORTS)).toEqual(UNLINKED);
        expect(await graph.current.getFactStats()).toEqual(FACTS_OF_SEED);

        expectWritten(await graph.putArticle(SECOND_REPORT_SLUG, secondReportBody()));
        expect(await reportsIn(graph.current, [...SEED_REPORTS, ...SECOND_REPORTS])).toEqual(LINKED);
        expect(await graph.current.getFactStats()).toEqual(FACTS_OF_BOTH);

        // Replaced: the 2025 range now stated for 2026 only, so the seed's figure stands alone, and the 2026 figures are one fact.
        const body = secondReportBody();
        const figures = (body.article.figures as { key: string; period: string }[]).map((f) => (f.key === 'meta-capex-2025' ? { ...f, period: '2026' } : f));
        expectWritten(await graph.putArticle(SECOND_REPORT_SLUG, { article: { ...body.article, figures } }));
        expect(await reportsIn(graph.current, [fig(SEED, 'meta-capex-2025'), fig(SECOND, 'meta-capex-2025'), fig(SECOND, 'meta-capex-2026')])).toEqual({
          [fig(SEED, 'meta-capex-2025')]: [[], fig(SEED, 'meta-capex-2025'), 1],
          // Two figures of one article are not linked to each other: only the same fact in another article is.
          [fig(SECOND, 'meta-capex-2025')]: [[], fig(SECOND, 'meta-capex-2025'), 1],
          [fig(SECOND, 'meta-capex-2026')]: [[], fig(SECOND, 'meta-capex-2026'), 1],
        });
        expect(await graph.current.getFactStats()).toEqual({
          byKind: [
            { kind: 'FIGURE', distinct: 4, shared: 0 },
            { kind: 'QUOTE', distinct: 7, shared: 2 },
          ],
        });

        expectWritten(await graph.deleteArticle(SECOND_REPORT_SLUG));
        expect(await reportsIn(graph.current, [...SEED_REPORTS, ...SECOND_REPORTS])).toEqual({
          ...UNLINKED,
          ...Object.fromEntries(SECOND_REPORTS.map((id) => [id, null])),
        });
        expect(await graph.current.getFactStats()).toEqual(FACTS_OF_SEED);
        expect(await graph.current.countEntityFacts([{ entityId: 'organization:meta', kind: 'FIGURE' }])).toEqual([1]);
        const shared = await graph.current.listNodes({ kinds: ['FIGURE', 'QUOTE'], filter: { reports: 'SHARED' }, page: { first: 5 } });
        expect([ids(shared.items), shared.totalCount]).toEqual([[], 0]);
      });
    });
  });
}

/** A sample report written for these tests: Meta's chief executive quoted by his role alone. */
const DESCRIBED_SPEAKER =
  'Sample report: Meta opens a model\nMeta released a new model on Tuesday. The CEO of Meta said: "We will open the model to everyone who builds on it."';

/**
 * The tests every live graph passes on drafts: what drafting reads of the
 * graph (entities and roles, through the store), and a check of a write
 * that answers as the write would and changes nothing.
 */
export function describeDraftConformance(name: string, open: OpenLiveGraph): void {
  describe(`${name}: drafting against the graph`, () => {
    const opened = openedOnFolder(open, false);

    it('reads every entity with its names, in name order, and every role, through the store', async () => {
      const graph = await readDraftGraph(opened().graph.current);
      expect(graph.entities.map((e) => [e.id, e.type, e.name, e.aliases])).toEqual([
        ['organization:big-tech', 'Organization', 'Big Tech', []],
        ['place:china', 'Place', 'China', ['Chinese']],
        ['organization:deepseek', 'Organization', 'DeepSeek', []],
        ['person:mark-zuckerberg', 'Person', 'Mark Zuckerberg', ['Zuckerberg']],
        ['organization:meta', 'Organization', 'Meta', ['Meta Platforms']],
        ['event:meta-earnings-call-deepseek', 'Event', 'Meta earnings call', ['earnings call']],
        ['topic:open-source-ai', 'Topic', 'open-source AI', ['open-source']],
        ['place:united-states', 'Place', 'United States', ['US', 'American']],
        ['person:unnamed-analyst-meta-earnings-call', 'Person', 'Unnamed analyst', ['analyst']],
        ['organization:us-administration', 'Organization', 'US administration', []],
        ['organization:us-tech-companies', 'Organization', 'US tech companies', []],
        ['person:yann-lecun', 'Person', 'Yann LeCun', ['LeCun']],
      ]);
      expect(graph.roles).toEqual([
        { personId: 'person:mark-zuckerberg', organizationId: 'organization:meta', title: 'CEO' },
        { personId: 'person:yann-lecun', organizationId: 'organization:meta', title: 'chief AI scientist' },
      ]);
    });

    it('checks the draft of the seed text as a write would, and changes nothing', async () => {
      const before = await opened().graph.summary();
      const draft = draftArticle(readFileSync(join(__dirname, '..', 'fixtures', 'seed-article.txt'), 'utf8'), await readDraftGraph(opened().graph.current));
      expect(await opened().graph.checkArticle(draft.slug, draft.body)).toEqual({ ok: true, created: true });
      expect(await opened().graph.checkArticle(SEED, { article: { ...draft.body.article, id: `article:${SEED}` } })).toEqual({ ok: true, created: false });
      expect(await opened().graph.summary()).toEqual(before);
    });

    it('lists the problems of a draft whose speaker the text names only by a role, as the write would', async () => {
      const draft = draftArticle(DESCRIBED_SPEAKER, await readDraftGraph(opened().graph.current));
      expect(draft.quotes).toEqual([{ text: 'We will open the model to everyone who builds on it.', start: 61, speaker: 'person:mark-zuckerberg' }]);
      const checked = await opened().graph.checkArticle(draft.slug, draft.body);
      expect(checked).toEqual({
        ok: false,
        code: 'INVALID_GRAPH_DATA',
        message: 'The article has 1 problem; nothing was changed. Fix every problem listed and send it again.',
        problems: [
          {
            file: 'articles/sample-report-meta-opens-model.json',
            path: '$.entities[1]',
            message: 'no mention of "person:mark-zuckerberg" in the text: none of "Mark Zuckerberg", "Zuckerberg" occurs as a whole word',
          },
        ],
      });
      const before = await opened().graph.summary();
      expect(await opened().graph.putArticle(draft.slug, draft.body)).toEqual(checked);
      expect(await opened().graph.summary()).toEqual(before);
    });
  });
}
