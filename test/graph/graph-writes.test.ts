import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/generate-corpus';
import { loadGraph, MemoryLiveGraph, type WriteOutcome } from '../../src/graph';
import { JOURNAL } from '../../src/graph/durable-files';
import type { RawArticle, RawEntity } from '../../src/graph/raw-data';
import { describeSnapshot } from '../helpers/describe-snapshot';

/**
 * Writes make the next version of the graph from the current one. Here every
 * version reached by writes is compared with the graph built afresh from the
 * files the writes left: the same nodes, orders, edges, lists, mentions,
 * counts, searches, paths and neighbourhoods.
 */
let root: string;
let dir: string;
let held: string;

const articleFile = (name: string) => join(dir, 'articles', name);
const readArticle = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as RawArticle;
const people = () => (JSON.parse(readFileSync(join(dir, 'entities', 'people.json'), 'utf8')) as { entities: RawEntity[] }).entities;

function expectDone(outcome: WriteOutcome): asserts outcome is Extract<WriteOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`write refused: ${JSON.stringify(outcome)}`);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'newsgraph-writes-'));
  dir = join(root, 'graph-data');
  held = join(root, 'held');
  generateCorpus(dir, { articles: 70, seed: 3 });
  // The last 20 articles are kept aside, to be written while serving.
  mkdirSync(held);
  for (const name of readdirSync(join(dir, 'articles')).sort().slice(50)) renameSync(articleFile(name), join(held, name));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('writes to a graph in memory', () => {
  it('reach, through puts, replacements, removals and new aliases, the graph a fresh load of the same files builds', async () => {
    const graph = await MemoryLiveGraph.open(dir);
    const heldNames = readdirSync(held).sort();
    // New articles.
    for (const name of heldNames.slice(0, 8)) {
      const article = readArticle(join(held, name));
      expectDone(await graph.putArticle(article.id.slice('article:'.length), { article }));
    }
    expect(describeSnapshot(graph.snapshot)).toEqual(describeSnapshot(loadGraph(dir)));

    // An article replaced by other content under its id, and articles removed.
    const replacement = readArticle(join(held, heldNames[8]));
    const replaced = readArticle(articleFile(readdirSync(join(dir, 'articles')).sort()[3]));
    const slug = replaced.id.slice('article:'.length);
    const outcome = await graph.putArticle(slug, { article: { ...replacement, id: replaced.id } });
    expectDone(outcome);
    expect(outcome.created).toBe(false);
    for (const name of readdirSync(join(dir, 'articles')).sort().slice(10, 14)) {
      expectDone(await graph.deleteArticle(readArticle(articleFile(name)).id.slice('article:'.length)));
    }
    expect(describeSnapshot(graph.snapshot)).toEqual(describeSnapshot(loadGraph(dir)));

    // A person given an alias that many articles use: it is found in every article that lists them.
    const person = people().find((p) => graph.snapshot.edgesIn.get(p.id)?.get('MENTIONS')?.length)!;
    const listing = graph.snapshot.edgesIn.get(person.id)!.get('MENTIONS')!.length;
    const before = graph.snapshot.mentionsByEntity.get(person.id)!.length;
    const carrier = readArticle(join(held, heldNames[9]));
    const aliasOutcome = await graph.putArticle(carrier.id.slice('article:'.length), {
      article: carrier,
      entities: [{ ...person, aliases: [...(person.aliases ?? []), 'reporters'] }],
    });
    expectDone(aliasOutcome);
    expect(aliasOutcome.entitiesReplaced).toEqual([person.id]);
    expect(graph.snapshot.mentionsByEntity.get(person.id)!.length).toBeGreaterThanOrEqual(before + listing);
    expect(people().find((p) => p.id === person.id)!.aliases).toContain('reporters');
    expect(describeSnapshot(graph.snapshot)).toEqual(describeSnapshot(loadGraph(dir)));

    // A new entity, brought by the article that names it.
    const naming = readArticle(join(held, heldNames[10]));
    const topic: RawEntity = { id: 'topic:filings', type: 'Topic', name: 'filing', description: 'Fixture topic: company filings.' };
    const topicOutcome = await graph.putArticle(naming.id.slice('article:'.length), {
      article: { ...naming, entities: [...naming.entities, topic.id] },
      entities: [topic],
    });
    expectDone(topicOutcome);
    expect(topicOutcome.entitiesAdded).toEqual([topic.id]);
    expect(JSON.parse(readFileSync(join(dir, 'entities', 'topics.json'), 'utf8'))).toEqual({ $schema: '../schema/entities.schema.json', entities: [topic] });
    const fresh = loadGraph(dir);
    expect(describeSnapshot(graph.snapshot)).toEqual(describeSnapshot(fresh));
    expect(graph.snapshot.version).toBe(fresh.version);
    // Many writes and four fresh loads: about 2 s alone, more than jest's default 5 s when the suite shares a busy machine.
  }, 20_000);

  it('keep the version a request began with for that request, and show the next one to the requests after', async () => {
    const graph = await MemoryLiveGraph.open(dir);
    const during = graph.current;
    const article = readArticle(join(held, readdirSync(held).sort()[0]));
    const outcome = await graph.putArticle(article.id.slice('article:'.length), { article });
    expectDone(outcome);
    expect(during.version).toBe(outcome.previousVersion);
    expect(await during.getNodes([article.id])).toEqual([null]);
    expect((await during.getStats()).byKind[0]).toEqual({ kind: 'ARTICLE', count: 50 });
    expect(graph.current.version).toBe(outcome.version);
    expect((await graph.current.getNodes([article.id]))[0]).toMatchObject({ id: article.id, headline: article.headline });
    expect((await graph.current.getStats()).byKind[0]).toEqual({ kind: 'ARTICLE', count: 51 });
    // Search too: the version a request began with does not find the new article, the next one does.
    const found = async (store: typeof during) =>
      (await store.search({ text: article.headline, kinds: ['ARTICLE'], page: { first: 100 } })).items.map((hit) => hit.node.id);
    expect(await found(during)).not.toContain(article.id);
    expect((await found(graph.current))[0]).toBe(article.id);
  });

  it('refuse an article with problems, listing every one as the loader does, and change nothing', async () => {
    const graph = await MemoryLiveGraph.open(dir);
    const version = graph.current.version;
    const article = readArticle(join(held, readdirSync(held).sort()[0]));
    const broken = {
      ...article,
      publishedAt: '2025-02-30',
      quotes: [{ ...article.quotes![0], text: `${article.quotes![0].text} and more` }],
      entities: [...article.entities, 'person:nobody-at-all'],
    };
    const slug = article.id.slice('article:'.length);
    const outcome = await graph.putArticle(slug, { article: broken });
    // The same file, written to the folder, is refused by the loader with the same problems.
    writeFileSync(join(dir, 'articles', `${slug}.json`), JSON.stringify(broken));
    let loaderProblems: unknown;
    try {
      loadGraph(dir);
    } catch (error) {
      loaderProblems = (error as { problems: unknown }).problems;
    }
    rmSync(join(dir, 'articles', `${slug}.json`));
    expect(outcome).toEqual({
      ok: false,
      code: 'INVALID_GRAPH_DATA',
      message: `The article has 5 problems; nothing was changed. Fix every problem listed and send it again.`,
      problems: loaderProblems,
    });
    expect((loaderProblems as { path: string }[]).map((p) => p.path)).toEqual([
      '$.publishedAt',
      '$.entities[4]',
      '$.quotes[0].text',
      '$.claims[3].quotes[0]',
      '$.claims[3].quotes',
    ]);
    expect(graph.current.version).toBe(version);
    expect(existsSync(join(dir, 'articles', `${slug}.json`))).toBe(false);
  });

  it('refuse an alias change that leaves another article without a mention of the entity, naming that article', async () => {
    const graph = await MemoryLiveGraph.open(dir);
    const person = people().find((p) => (graph.snapshot.edgesIn.get(p.id)?.get('MENTIONS')?.length ?? 0) > 1)!;
    const carrier = readdirSync(held)
      .map((name) => readArticle(join(held, name)))
      .find((article) => !article.entities.includes(person.id))!;
    const outcome = await graph.putArticle(carrier.id.slice('article:'.length), {
      article: carrier,
      entities: [{ ...person, name: 'Nobody Named This Way', aliases: [] }],
    });
    expect(outcome.ok).toBe(false);
    const listing = graph.snapshot.edgesIn
      .get(person.id)!
      .get('MENTIONS')!
      .map((edge) => graph.snapshot.articles.get(edge.from)!);
    expect(outcome.ok === false && outcome.problems).toEqual(
      listing.map((fragment) => ({
        file: fragment.file,
        path: `$.entities[${fragment.entities.indexOf(person.id)}]`,
        message: `no mention of ${JSON.stringify(person.id)} in the text: none of "Nobody Named This Way" occurs as a whole word`,
      })),
    );
  });

  it('refuse a body whose article id is not the slug written to, and an unknown article to remove', async () => {
    const graph = await MemoryLiveGraph.open(dir);
    const article = readArticle(join(held, readdirSync(held).sort()[0]));
    expect(await graph.putArticle('somewhere-else', { article })).toEqual({
      ok: false,
      code: 'INVALID_GRAPH_DATA',
      message: 'The article has 1 problem; nothing was changed. Fix every problem listed and send it again.',
      problems: [
        {
          file: 'articles/somewhere-else.json',
          path: '$.id',
          message: `the id must be "article:somewhere-else", the slug of the path written to; it is ${JSON.stringify(article.id)}`,
        },
      ],
    });
    expect(await graph.deleteArticle('no-such-article')).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: 'No article has the id "article:no-such-article"; nothing was changed.',
    });
    expect(await graph.putArticle('x', 'not an object')).toMatchObject({
      ok: false,
      code: 'INVALID_GRAPH_DATA',
      problems: [{ file: 'request body', path: '$' }],
    });
  });

  it('apply two writes sent at once one after the other, each on the version the other left', async () => {
    const graph = await MemoryLiveGraph.open(dir);
    const [a, b] = readdirSync(held)
      .sort()
      .slice(0, 2)
      .map((name) => readArticle(join(held, name)));
    const [first, second] = await Promise.all([graph.putArticle(a.id.slice(8), { article: a }), graph.putArticle(b.id.slice(8), { article: b })]);
    expectDone(first);
    expectDone(second);
    expect(second.previousVersion).toBe(first.version);
    expect(describeSnapshot(graph.snapshot)).toEqual(describeSnapshot(loadGraph(dir)));
  });

  it('refuse a write while a reload reads the files, and take writes again once it is done', async () => {
    const graph = await MemoryLiveGraph.open(dir);
    const article = readArticle(join(held, readdirSync(held).sort()[0]));
    const reloading = graph.reload();
    expect(await graph.putArticle(article.id.slice(8), { article })).toEqual({
      ok: false,
      code: 'RELOAD_IN_PROGRESS',
      message: 'The graph is being reloaded from its data files; send the write again once the reload is done.',
    });
    await reloading;
    expectDone(await graph.putArticle(article.id.slice(8), { article }));
  });

  it('finish, when the graph is opened, a write whose journal a crash left behind', async () => {
    const article = readArticle(join(held, readdirSync(held).sort()[0]));
    const file = `articles/${article.id.slice(8)}.json`;
    writeFileSync(join(dir, JOURNAL), JSON.stringify({ changes: [{ file, content: `${JSON.stringify(article, null, 2)}\n` }] }));
    const graph = await MemoryLiveGraph.open(dir);
    expect((await graph.current.getNodes([article.id]))[0]?.id).toBe(article.id);
    expect(existsSync(join(dir, JOURNAL))).toBe(false);
    expect(readArticle(join(dir, file))).toEqual(article);
  });
});
