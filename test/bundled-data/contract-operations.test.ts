import { type GraphSnapshot, loadGraph, NODE_KINDS, PREDICATES } from '../../src/graph';
import type { Span } from '../../src/graph/model';
import type { RawArticle, RawClaim, RawEntity, RawFigure, RawQuote } from '../../src/graph/raw-data';
import { articleOf, bundledDataDir, compareText, type GraphFiles, readGraphFiles, slugOf } from '../helpers/bundled-data';
import { CONTRACT_VARIABLES, contractOperations, type GraphTestServer, startGraphTestServer } from '../helpers/graph-test-server';

/**
 * The dashboard contract (test/contract/operations.graphql) on the bundled
 * data. The exact answers are checked on the tests' own seed graph
 * (test/contract/contract-operations.test.ts); here every answer is checked
 * against the data files themselves, with what holds for any valid data:
 * counts, the words each span slices, the documented orders, and cursors
 * that page through whole lists.
 */
const dir = bundledDataDir();
const operations = contractOperations();
let server: GraphTestServer;
let files: GraphFiles;
let snapshot: GraphSnapshot;

beforeAll(async () => {
  server = await startGraphTestServer(dir);
  files = readGraphFiles(dir);
  snapshot = loadGraph(dir);
});
afterAll(() => server.stop());

type Item = { article: RawArticle; id: string };
type QuoteItem = Item & { raw: RawQuote };
type ClaimItem = Item & { raw: RawClaim };
type FigureItem = Item & { raw: RawFigure };

const quotes = (): QuoteItem[] =>
  files.articles.flatMap((article) => (article.quotes ?? []).map((raw) => ({ article, raw, id: `quote:${slugOf(article.id)}/${raw.key}` })));
const claims = (): ClaimItem[] =>
  files.articles.flatMap((article) => (article.claims ?? []).map((raw) => ({ article, raw, id: `claim:${slugOf(article.id)}/${raw.key}` })));
const figures = (): FigureItem[] =>
  files.articles.flatMap((article) => (article.figures ?? []).map((raw) => ({ article, raw, id: `figure:${slugOf(article.id)}/${raw.key}` })));

/** The span of a quote, claim or figure, as loaded. */
const spanOf = (id: string) => (snapshot.nodes.get(id) as unknown as { span: Span }).span;
/** The documented order of quotes, claims and figures: by article (in article order), then position in the text. */
const byPosition = (a: { id: string }, b: { id: string }) => {
  const [sa, sb] = [spanOf(a.id), spanOf(b.id)];
  return compareText(sa.articleId, sb.articleId) || sa.start - sb.start || sa.end - sb.end || compareText(a.id, b.id);
};
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);
const kindOf = (entity: RawEntity) => entity.type.toUpperCase();
/** The rank of each entity in entity order (by name, then id). */
const entityRank = () => new Map(files.entities.map((e, i) => [e.id, i]));
const textOf = (articleId: string) => files.articles.find((a) => a.id === articleId)!.text;

/** Runs a contract operation and expects an answer without errors. */
async function answer(name: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const result = await server.run(operations.get(name)!, variables);
  expect([name, variables, result.errors]).toEqual([name, variables, undefined]);
  return result.data!;
}

/** Every item of a connection, read page by page through its cursors, with every totalCount seen. */
async function readAllPages(name: string, variables: Record<string, unknown>, field: string): Promise<{ items: any[]; totalCounts: number[] }> {
  const items: any[] = [];
  const totalCounts = new Set<number>();
  let after: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const connection: any = (await answer(name, { ...variables, after }))[field];
    const edges: any[] | undefined = connection.edges;
    if (edges) expect(connection.pageInfo.endCursor).toBe(edges.length > 0 ? edges[edges.length - 1].cursor : null);
    items.push(...(connection.nodes ?? edges!.map((e) => e.node)));
    totalCounts.add(connection.totalCount);
    if (!connection.pageInfo.hasNextPage) return { items, totalCounts: [...totalCounts] };
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`${name} did not reach its last page`);
}

describe('the dashboard contract on the bundled data', () => {
  it('answers every contract operation, with the variables the tests give it, without errors', async () => {
    for (const [name] of operations) {
      const data = await answer(name, CONTRACT_VARIABLES[name]);
      for (const [field, value] of Object.entries(data)) expect([name, field, value === null]).toEqual([name, field, false]);
    }
  });

  it('GraphStats counts the nodes the files define, by kind in the documented order', async () => {
    const count = (kind: string) => {
      if (kind === 'ARTICLE') return files.articles.length;
      if (kind === 'QUOTE') return quotes().length;
      if (kind === 'CLAIM') return claims().length;
      if (kind === 'FIGURE') return figures().length;
      return files.entities.filter((e) => kindOf(e) === kind).length;
    };
    const byKind = NODE_KINDS.map((kind) => ({ kind, count: count(kind) }));
    const { stats } = await answer('GraphStats');
    expect(stats.byKind).toEqual(byKind);
    expect(stats.nodeCount).toBe(byKind.reduce((sum, k) => sum + k.count, 0));
  });

  it('stats counts the edges the files state and those the loader derives from them, by predicate', async () => {
    const stated = (predicate: string) => files.articles.flatMap((a) => a.relations ?? []).filter((r) => r.predicate === predicate).length;
    const derived: Record<string, number> = {
      CONTAINS: quotes().length + claims().length + figures().length,
      MENTIONS: files.articles.reduce((sum, a) => sum + a.entities.length, 0),
      SAID: quotes().length,
      CLAIMS: claims().filter((c) => c.raw.claimant).length,
      ABOUT: claims().reduce((sum, c) => sum + c.raw.subjects.length, 0),
      MEASURES: figures().length,
      SUPPORTED_BY: claims().reduce((sum, c) => sum + (c.raw.quotes?.length ?? 0), 0),
      STATES: figures().length,
    };
    const byPredicate = PREDICATES.map((p) => ({ predicate: p.name, count: p.stated ? stated(p.name) : derived[p.name] }));
    const result = await server.run('{ stats { nodeCount edgeCount byPredicate { predicate count } } }');
    expect(result.data!.stats.byPredicate).toEqual(byPredicate);
    expect(result.data!.stats.edgeCount).toBe(byPredicate.reduce((sum, p) => sum + p.count, 0));
  });

  it('Articles pages through every article once, in id order, with the headline and dek of its file', async () => {
    const { items, totalCounts } = await readAllPages('Articles', { first: 1 }, 'articles');
    expect(totalCounts).toEqual([files.articles.length]);
    expect(items).toEqual(files.articles.map((a) => ({ id: a.id, headline: a.headline, description: a.description ?? null })));
  });

  it('ArticleSummary gives each article its text, and quotes and claims in text order, each span slicing the text', async () => {
    const rank = entityRank();
    for (const raw of files.articles) {
      const { article } = await answer('ArticleSummary', { id: raw.id });
      expect([article.id, article.headline, article.text]).toEqual([raw.id, raw.headline, raw.text]);
      const slug = slugOf(raw.id);

      const expectedQuotes = (raw.quotes ?? []).map((q) => ({ id: `quote:${slug}/${q.key}`, raw: q })).sort(byPosition);
      expect(article.quotes.totalCount).toBe(expectedQuotes.length);
      expect(article.quotes.nodes).toEqual(
        expectedQuotes.map(({ id, raw: q }) => {
          const { start, end } = spanOf(id);
          return {
            id,
            text: q.text,
            speaker: { id: q.speaker, name: files.entities.find((e) => e.id === q.speaker)!.name },
            span: { start, end, text: q.text },
          };
        }),
      );

      const expectedClaims = (raw.claims ?? []).map((c) => ({ id: `claim:${slug}/${c.key}`, raw: c })).sort(byPosition);
      expect(article.claims.totalCount).toBe(expectedClaims.length);
      expect(article.claims.nodes.map((c: any) => [c.id, c.text, c.attribution, c.claimant?.id ?? null, c.subjects.map((s: any) => s.id)])).toEqual(
        expectedClaims.map(({ id, raw: c }) => [id, c.text, c.attribution, c.claimant ?? null, [...c.subjects].sort((a, b) => rank.get(a)! - rank.get(b)!)]),
      );
      for (const claim of article.claims.nodes) expect([claim.id, claim.span.text]).toEqual([claim.id, raw.text.slice(claim.span.start, claim.span.end)]);
      const starts = article.claims.nodes.map((c: any) => c.span.start);
      expect(starts).toEqual([...starts].sort((a: number, b: number) => a - b));

      const expectedFigures = (raw.figures ?? []).map((f) => ({ id: `figure:${slug}/${f.key}`, raw: f })).sort(byPosition);
      expect(article.figures).toEqual({
        totalCount: expectedFigures.length,
        nodes: expectedFigures.map(({ id, raw: f }) => ({
          id,
          label: f.label,
          value: f.value ?? null,
          minValue: f.minValue ?? null,
          maxValue: f.maxValue ?? null,
          unit: f.unit,
          period: f.period ?? null,
          subject: { id: f.subject, name: files.entities.find((e) => e.id === f.subject)!.name },
        })),
      });
    }
  });

  it('ArticleSummary lists the entities each article lists, in the order of their first mention', async () => {
    for (const raw of files.articles) {
      const mentions = await server.run(
        'query($id: ID!) { article(id: $id) { mentions(first: 100) { totalCount nodes { entity { id } span { start end text } } } } }',
        { id: raw.id },
      );
      const { totalCount, nodes } = mentions.data!.article.mentions;
      // Mentions come in text order; an article with more than 100 would need paging here.
      expect(totalCount).toBe(nodes.length);
      for (const m of nodes) expect(m.span.text).toBe(raw.text.slice(m.span.start, m.span.end));
      const starts = nodes.map((m: any) => m.span.start);
      expect(starts).toEqual([...starts].sort((a: number, b: number) => a - b));
      const firstMentioned = [...new Set(nodes.map((m: any) => m.entity.id))];
      const { article } = await answer('ArticleSummary', { id: raw.id });
      expect(article.entities.totalCount).toBe(raw.entities.length);
      expect(article.entities.nodes.map((e: any) => e.id)).toEqual(firstMentioned);
      expect([...firstMentioned].sort()).toEqual([...raw.entities].sort());
      for (const e of article.entities.nodes) {
        const entity = files.entities.find((x) => x.id === e.id)!;
        expect(e).toEqual({ __typename: entity.type, id: entity.id, kind: kindOf(entity), name: entity.name });
      }
    }
  });

  it('FindPeople pages through every person once, in name order, with aliases, sameAs, roles and quotes', async () => {
    const people = files.entities.filter((e) => e.type === 'Person');
    const { items, totalCounts } = await readAllPages('FindPeople', { name: '', first: 2 }, 'people');
    expect(totalCounts).toEqual([people.length]);
    expect(ids(items)).toEqual(ids(people));
    const relations = files.articles.flatMap((a) => a.relations ?? []);
    for (const [i, person] of people.entries()) {
      const roles = [
        ...new Map(relations.filter((r) => r.predicate === 'HAS_ROLE_AT' && r.from === person.id).map((r) => [`${r.to}|${r.qualifier}`, r])).values(),
      ];
      const said = quotes()
        .filter((q) => q.raw.speaker === person.id)
        .sort(byPosition);
      expect(items[i]).toEqual({
        id: person.id,
        name: person.name,
        aliases: person.aliases,
        sameAs: person.sameAs,
        roles: expect.arrayContaining(
          roles.map((r) => ({ title: r.qualifier, organization: { id: r.to, name: files.entities.find((e) => e.id === r.to)!.name } })),
        ),
        quotes: {
          totalCount: said.length,
          nodes: said.slice(0, 10).map((q) => ({ id: q.id, text: q.raw.text, article: { id: q.article.id, headline: q.article.headline } })),
        },
      });
      expect(items[i].roles).toHaveLength(roles.length);
    }
  });

  it('FindOrganizations finds the organizations a part of whose name or alias is the text, whatever its case, in name order', async () => {
    const organizations = files.entities.filter((e) => e.type === 'Organization');
    for (const text of [CONTRACT_VARIABLES.FindOrganizations.name as string, 'META', 'a']) {
      const matching = organizations.filter((o) => [o.name, ...o.aliases!].some((n) => n.toLowerCase().includes(text.toLowerCase())));
      const { organizations: found } = await answer('FindOrganizations', { name: text });
      expect(found).toEqual({
        totalCount: matching.length,
        nodes: matching.slice(0, 5).map((o) => ({ id: o.id, name: o.name, aliases: o.aliases, description: o.description ?? null, sameAs: o.sameAs })),
      });
    }
  });

  it('EntityProfile shows each entity with the articles, quotes, claims, figures and edges the files give it', async () => {
    const relations = files.articles.flatMap((a) => (a.relations ?? []).map((r) => ({ ...r, article: a })));
    for (const entity of files.entities) {
      const { node } = await answer('EntityProfile', { id: entity.id });
      const articles = files.articles.filter((a) => a.entities.includes(entity.id));
      const said = quotes()
        .filter((q) => q.raw.speaker === entity.id)
        .sort(byPosition);
      const claimsOf = claims()
        .filter((c) => c.raw.claimant === entity.id || c.raw.subjects.includes(entity.id))
        .sort(byPosition);
      const figuresOf = figures()
        .filter((f) => f.raw.subject === entity.id)
        .sort(byPosition);
      const edgeCount =
        articles.length +
        said.length +
        claims().filter((c) => c.raw.claimant === entity.id).length +
        claims().filter((c) => c.raw.subjects.includes(entity.id)).length +
        figuresOf.length +
        relations.filter((r) => r.from === entity.id || r.to === entity.id).length;
      expect(node).toMatchObject({
        __typename: entity.type,
        id: entity.id,
        kind: kindOf(entity),
        label: entity.name,
        iri: `https://newsgraph.example/id/${entity.id}`,
        name: entity.name,
        description: entity.description ?? null,
        sameAs: entity.sameAs,
        articles: { totalCount: articles.length, nodes: articles.slice(0, 10).map((a) => ({ id: a.id, headline: a.headline })) },
        quotes: { totalCount: said.length, nodes: said.slice(0, 20).map((q) => ({ id: q.id, text: q.raw.text })) },
        claims: { totalCount: claimsOf.length, nodes: claimsOf.slice(0, 20).map((c) => ({ id: c.id, text: c.raw.text, attribution: c.raw.attribution })) },
        figures: { totalCount: figuresOf.length },
        relations: { totalCount: edgeCount },
      });
      expect(ids(node.figures.nodes)).toEqual(ids(figuresOf.slice(0, 20)));
      for (const edge of node.relations.nodes) expect([edge.predicate, [edge.from.id, edge.to.id].includes(entity.id)]).toEqual([edge.predicate, true]);
      const names = [entity.name, ...entity.aliases!];
      expect(node.mentions.totalCount).toBe(snapshot.mentionsByEntity.get(entity.id)?.length ?? 0);
      for (const { span } of node.mentions.nodes) expect([span.text, names.includes(span.text)]).toEqual([span.text, true]);
      const stated = relations.filter((r) => r.predicate === 'HAS_ROLE_AT' && (entity.type === 'Person' ? r.from : r.to) === entity.id);
      const roles = [...new Set(stated.map((r) => `${r.from}|${r.to}|${r.qualifier}`))].sort();
      if (entity.type === 'Person') expect(node.roles.map((r: any) => `${entity.id}|${r.organization.id}|${r.title}`).sort()).toEqual(roles);
      if (entity.type === 'Organization') expect(node.members.map((m: any) => `${m.person.id}|${entity.id}|${m.title}`).sort()).toEqual(roles);
    }
  });

  it('ClaimsByClaimant pages through the claims of each claimant once, in order, with their quotes, figures and words', async () => {
    const claimants = [
      ...new Set(
        claims()
          .map((c) => c.raw.claimant)
          .filter((id): id is string => !!id),
      ),
    ];
    expect(claimants.length).toBeGreaterThan(0);
    for (const claimant of claimants) {
      const expected = claims()
        .filter((c) => c.raw.claimant === claimant)
        .sort(byPosition);
      const { items, totalCounts } = await readAllPages('ClaimsByClaimant', { entityId: claimant, first: 2 }, 'claims');
      expect(totalCounts).toEqual([expected.length]);
      expect(ids(items)).toEqual(ids(expected));
      for (const [i, claim] of items.entries()) {
        const { raw, article } = expected[i];
        expect(claim.span.text).toBe(textOf(article.id).slice(claim.span.start, claim.span.end));
        expect(claim.span.text).toBe(raw.source.exact);
        expect([claim.text, claim.attribution]).toEqual([raw.text, raw.attribution]);
        const supporting = (raw.quotes ?? []).map((key) => ({ id: `quote:${slugOf(article.id)}/${key}` })).sort(byPosition);
        expect(claim.quotes.map((q: any) => q.id)).toEqual(ids(supporting));
        const stated = figures()
          .filter((f) => f.article === article && f.raw.claim === raw.key)
          .sort(byPosition);
        expect(claim.figures.map((f: any) => f.id)).toEqual(ids(stated));
      }
    }
  });

  it('ClaimsAbout lists the claims about each entity, in order, with their claimants', async () => {
    for (const entity of files.entities) {
      const expected = claims()
        .filter((c) => c.raw.subjects.includes(entity.id))
        .sort(byPosition);
      const { claims: found } = await answer('ClaimsAbout', { entityId: entity.id });
      expect(found.totalCount).toBe(expected.length);
      expect(found.nodes.map((c: any) => [c.id, c.text, c.attribution, c.claimant?.id ?? null])).toEqual(
        expected.slice(0, 50).map((c) => [c.id, c.raw.text, c.raw.attribution, c.raw.claimant ?? null]),
      );
    }
  });

  it('QuotesBySpeaker lists the quotes of each speaker, in order, each span holding its words, with the claims it supports', async () => {
    for (const entity of files.entities) {
      const expected = quotes()
        .filter((q) => q.raw.speaker === entity.id)
        .sort(byPosition);
      const { quotes: found } = await answer('QuotesBySpeaker', { speakerId: entity.id });
      expect(found.totalCount).toBe(expected.length);
      expect(ids(found.nodes)).toEqual(ids(expected.slice(0, 50)));
      for (const [i, quote] of found.nodes.entries()) {
        const { raw, article } = expected[i];
        expect(quote.text).toBe(raw.text);
        expect(quote.span).toEqual({ start: quote.span.start, end: quote.span.start + raw.text.length, text: raw.text, article: { id: article.id } });
        expect(textOf(article.id).slice(quote.span.start, quote.span.end)).toBe(raw.text);
        const supported = (article.claims ?? [])
          .filter((c) => c.quotes?.includes(raw.key))
          .map((c) => ({ id: `claim:${slugOf(article.id)}/${c.key}` }))
          .sort(byPosition);
        expect(quote.claims.map((c: any) => c.id)).toEqual(ids(supported));
      }
    }
  });

  it('MoneyFigures lists every USD figure, in order, with its subject, claim and words', async () => {
    const expected = figures()
      .filter((f) => f.raw.unit === 'USD')
      .sort(byPosition);
    const { figures: found } = await answer('MoneyFigures');
    expect(found.totalCount).toBe(expected.length);
    expect(found.nodes).toEqual(
      expected.slice(0, 50).map(({ id, raw, article }) => {
        const claim = article.claims!.find((c) => c.key === raw.claim)!;
        const { start, end } = spanOf(id);
        return {
          id,
          label: raw.label,
          value: raw.value ?? null,
          minValue: raw.minValue ?? null,
          maxValue: raw.maxValue ?? null,
          unit: 'USD',
          period: raw.period ?? null,
          subject: { id: raw.subject, name: files.entities.find((e) => e.id === raw.subject)!.name },
          claim: { id: `claim:${slugOf(article.id)}/${claim.key}`, text: claim.text },
          span: { start, end, text: raw.source.exact },
        };
      }),
    );
    for (const figure of found.nodes) expect(textOf(articleOf(figure.id)).slice(figure.span.start, figure.span.end)).toBe(figure.span.text);
  });

  it('Search gives hits best first, of the kinds asked for, and cursors page through every hit once', async () => {
    // The contract's Search asks for no cursors; a dashboard that pages asks for these.
    const SEARCH_PAGE =
      'query($text: String!, $after: String) { search(query: $text, first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { node { id } } } }';
    const texts = [CONTRACT_VARIABLES.Search.text as string, ...files.entities.filter((e) => e.type === 'Person').map((p) => p.name)];
    for (const text of texts) {
      const { search } = await answer('Search', { text, first: 100 });
      expect(search.totalCount).toBeGreaterThan(0);
      const scores = search.nodes.map((h: any) => h.score);
      expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
      for (const hit of search.nodes) expect([hit.snippet, hit.snippet.includes('«')]).toEqual([hit.snippet, true]);
      const people = await answer('Search', { text, kinds: ['PERSON'], first: 100 });
      expect([...new Set(people.search.nodes.map((h: any) => h.node.__typename))]).toEqual(people.search.totalCount > 0 ? ['Person'] : []);

      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page++) {
        const result: any = await server.run(SEARCH_PAGE, { text, after });
        expect(result.data.search.totalCount).toBe(search.totalCount);
        seen.push(...result.data.search.nodes.map((h: any) => h.node.id));
        if (!result.data.search.pageInfo.hasNextPage) break;
        after = result.data.search.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(search.totalCount);
      if (search.totalCount <= 100) expect(seen).toEqual(search.nodes.map((h: any) => h.node.id));
    }
  });

  it('Connection gives a shortest path whose edges join each node to the next', async () => {
    const from = CONTRACT_VARIABLES.Connection.from as string;
    let found = 0;
    for (const entity of files.entities) {
      const { path } = await answer('Connection', { from, to: entity.id });
      if (path === null) continue;
      found++;
      expect(path.hops).toBe(path.edges.length);
      expect(path.nodes).toHaveLength(path.hops + 1);
      expect([path.nodes[0].id, path.nodes[path.hops].id]).toEqual([from, entity.id]);
      path.edges.forEach((edge: any, i: number) => {
        expect([edge.from.id, edge.to.id].sort()).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort());
      });
      if (path.hops > 0) expect((await answer('Connection', { from, to: entity.id, maxHops: path.hops - 1 })).path).toBeNull();
    }
    // The contract's own pair is connected: an added article can only add edges.
    expect((await answer('Connection', CONTRACT_VARIABLES.Connection)).path).not.toBeNull();
    expect(found).toBeGreaterThan(1);
  });

  it('Neighborhood starts at its centre and holds only the edges among its nodes, each node one edge from the centre at depth 1', async () => {
    for (const entity of files.entities) {
      const { neighborhood } = await answer('Neighborhood', { id: entity.id, depth: 1 });
      const nodeIds = neighborhood.nodes.map((n: any) => n.id);
      expect(nodeIds[0]).toBe(entity.id);
      expect(new Set(nodeIds).size).toBe(nodeIds.length);
      for (const edge of neighborhood.edges) expect([nodeIds.includes(edge.from.id), nodeIds.includes(edge.to.id)]).toEqual([true, true]);
      const atCentre = new Set(
        neighborhood.edges.filter((e: any) => e.from.id === entity.id || e.to.id === entity.id).flatMap((e: any) => [e.from.id, e.to.id]),
      );
      for (const id of nodeIds) expect([id, atCentre.has(id)]).toEqual([id, true]);
    }
  });

  it('Refetch answers ids in the order asked, with null for an unknown id', async () => {
    const asked = [...files.entities.map((e) => e.id), 'person:nobody', ...files.articles.map((a) => a.id)].slice(0, 100);
    const { nodes } = await answer('Refetch', { ids: asked });
    expect(nodes).toEqual(
      asked.map((id) => {
        const entity = files.entities.find((e) => e.id === id);
        const article = files.articles.find((a) => a.id === id);
        if (!entity && !article) return null;
        return {
          __typename: entity ? entity.type : 'Article',
          id,
          kind: entity ? kindOf(entity) : 'ARTICLE',
          label: entity ? entity.name : article!.headline,
          iri: `https://newsgraph.example/id/${id}`,
        };
      }),
    );
  });
});
