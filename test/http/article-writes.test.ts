import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGraph } from '../../src/graph';
import { type HttpReply, type HttpTestService, postGraphQL, send, startHttpService } from '../helpers/http-service';
import { CONFORMANCE_DATA_DIR } from '../store/graph-store-conformance';

const TOKEN = 'writes-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}` };

/** A sample report of the fixture's harbor town, written for these tests. */
const FERRY_STRIKE = {
  id: 'article:ferry-strike',
  headline: 'Sample report: ferry crews walk out for a day',
  text: 'Crews of the Estuary Ferry Company stopped work on Friday. Bram Okafor said the boats would sail again on Saturday. "We will talk to the crews all night," Okafor said.',
  entities: ['organization:estuary-ferry-company', 'person:bram-okafor'],
  quotes: [{ key: 'talk-all-night', speaker: 'person:bram-okafor', text: 'We will talk to the crews all night' }],
  claims: [
    {
      key: 'walkout',
      text: 'Ferry crews stopped work for a day.',
      attribution: 'EDITORIAL',
      subjects: ['organization:estuary-ferry-company'],
      source: { exact: 'Crews of the Estuary Ferry Company stopped work on Friday' },
    },
  ],
};

/** A sample sentence of a change, added to the sample report, and a figure of it (without its change). */
const FARES = 'Fares will rise 5% in May.';
const FARE_RISE = {
  key: 'fare-rise',
  label: 'Rise in ferry fares in May',
  unit: 'percent',
  subject: 'organization:estuary-ferry-company',
  claim: 'walkout',
  source: { exact: 'rise 5%' },
};

const ARTICLES = '{ articles(first: 10) { totalCount nodes { id } } }';

let root: string;
let dir: string;
let service: HttpTestService;

const put = (slug: string, body: unknown, headers: Record<string, string> = AUTH) =>
  send(`${service.origin}/admin/articles/${slug}`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const remove = (slug: string, headers: Record<string, string> = AUTH) => send(`${service.origin}/admin/articles/${slug}`, { method: 'DELETE', headers });
const articleIds = async () => ((await postGraphQL(service.url, { query: ARTICLES })).json.data.articles.nodes as { id: string }[]).map((n) => n.id);

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'newsgraph-write-http-'));
  dir = join(root, 'graph-data');
  cpSync(CONFORMANCE_DATA_DIR, dir, { recursive: true });
  service = await startHttpService({ GRAPH_DATA_DIR: dir, ADMIN_TOKEN: TOKEN });
});
afterEach(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

describe('PUT /admin/articles/<slug>', () => {
  it('applies a new article: in the data files, then in every answer after the reply', async () => {
    const before = loadGraph(dir).version;
    const reply = await put('ferry-strike', { article: FERRY_STRIKE });
    const after = loadGraph(dir).version;
    expect([reply.status, reply.json]).toEqual([
      200,
      {
        status: 'applied',
        articleId: 'article:ferry-strike',
        created: true,
        entitiesAdded: [],
        entitiesReplaced: [],
        previousVersion: before,
        version: after,
        articles: 4,
        nodes: 26,
        edges: 64,
      },
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'articles', 'ferry-strike.json'), 'utf8'))).toEqual(FERRY_STRIKE);
    expect(await articleIds()).toEqual(['article:bridge-vote', 'article:ferry-strike', 'article:ferry-timetable', 'article:harbor-budget']);
    const quote = await postGraphQL(service.url, {
      query: '{ node(id: "quote:ferry-strike/talk-all-night") { ... on Quote { text speaker { id } span { start end } } } }',
    });
    expect(quote.json).toEqual({
      data: { node: { text: 'We will talk to the crews all night', speaker: { id: 'person:bram-okafor' }, span: { start: 117, end: 152 } } },
    });
    expect((await postGraphQL(service.url, { query: '{ stats { version } }' })).json.data.stats.version).toBe(after);
    expect(service.logs.find((line) => line.event === 'write')).toMatchObject({
      status: 'applied',
      articleId: 'article:ferry-strike',
      created: true,
      version: after,
    });
  });

  it('never answers from the response cache what was true before the write', async () => {
    const first = await postGraphQL(service.url, { query: ARTICLES });
    const again = await postGraphQL(service.url, { query: ARTICLES });
    expect([first.headers['x-newsgraph-cache'], again.headers['x-newsgraph-cache']]).toEqual(['miss', 'hit']);
    expect((await put('ferry-strike', { article: FERRY_STRIKE })).status).toBe(200);
    const after = await postGraphQL(service.url, { query: ARTICLES });
    expect([after.headers['x-newsgraph-cache'], after.json.data.articles.totalCount]).toEqual(['miss', 4]);
  });

  it('replaces the article of the same slug, and brings a new alias that finds its mentions in every article', async () => {
    expect((await put('ferry-strike', { article: FERRY_STRIKE })).status).toBe(200);
    const replaced = { ...FERRY_STRIKE, headline: 'Sample report: the ferry strike is over', quotes: [], claims: [] };
    const quill = {
      id: 'person:ada-quill',
      type: 'Person',
      name: 'Ada Quill',
      aliases: ['Quill', 'the chair'],
      description: 'Fixture person: transport chair of Marrow Bay Council.',
    };
    const withAlias = {
      ...replaced,
      text: `${replaced.text} Asked about the strike, the chair said nothing.`,
      entities: [...replaced.entities, 'person:ada-quill'],
    };
    const reply = await put('ferry-strike', { article: withAlias, entities: [quill] });
    expect([reply.status, reply.json.created, reply.json.entitiesReplaced, reply.json.articles]).toEqual([200, false, ['person:ada-quill'], 4]);
    const mentions = await postGraphQL(service.url, {
      query: '{ node(id: "person:ada-quill") { ... on Person { aliases mentions(first: 20) { totalCount nodes { span { text article { id } } } } } } }',
    });
    expect(mentions.json.data.node.aliases).toEqual(['Quill', 'the chair']);
    expect(
      mentions.json.data.node.mentions.nodes.map((m: { span: { text: string; article: { id: string } } }) => `${m.span.article.id} ${m.span.text}`),
    ).toEqual([
      'article:bridge-vote Ada Quill',
      'article:bridge-vote Quill',
      'article:ferry-strike the chair',
      'article:harbor-budget Ada Quill',
      'article:harbor-budget Quill',
    ]);
    const file = JSON.parse(readFileSync(join(dir, 'entities', 'people.json'), 'utf8')) as { entities: { id: string; aliases?: string[] }[] };
    expect(file.entities.find((e) => e.id === 'person:ada-quill')!.aliases).toEqual(['Quill', 'the chair']);
  });

  it('refuses an article with problems with 422, every problem named, and changes nothing', async () => {
    const version = (await postGraphQL(service.url, { query: '{ stats { version } }' })).json.data.stats.version;
    const broken = {
      ...FERRY_STRIKE,
      quotes: [{ ...FERRY_STRIKE.quotes[0], text: 'We will talk all night' }],
      entities: [...FERRY_STRIKE.entities, 'place:atlantis'],
    };
    const reply = await put('ferry-strike', { article: broken });
    expect(reply.status).toBe(422);
    expect(reply.json.errors[0].extensions).toEqual({
      code: 'INVALID_GRAPH_DATA',
      version,
      problems: [
        { file: 'articles/ferry-strike.json', path: '$.entities[2]', message: 'unknown entity "place:atlantis": no entity file defines it' },
        {
          file: 'articles/ferry-strike.json',
          path: '$.quotes[0].text',
          message: expect.stringMatching(/^quote is not verbatim: "We will talk all night" is not in the article text/),
        },
      ],
    });
    expect(reply.json.errors[0].message).toBe('The article has 2 problems; nothing was changed. Fix every problem listed and send it again.');
    expect(existsSync(join(dir, 'articles', 'ferry-strike.json'))).toBe(false);
    expect((await postGraphQL(service.url, { query: '{ stats { version } }' })).json.data.stats.version).toBe(version);
  });

  it('refuses with 422 a figure that disagrees with its words, saying what they say, and changes nothing', async () => {
    const version = (await postGraphQL(service.url, { query: '{ stats { version } }' })).json.data.stats.version;
    const reply = await put('ferry-strike', { article: { ...FERRY_STRIKE, text: `${FERRY_STRIKE.text} ${FARES}`, figures: [{ ...FARE_RISE, value: -5 }] } });
    expect([reply.status, reply.json.errors[0].extensions]).toEqual([
      422,
      {
        code: 'INVALID_GRAPH_DATA',
        version,
        problems: [
          {
            file: 'articles/ferry-strike.json',
            path: '$.figures[0].value',
            message: '-5 disagrees with its words "rise 5%", which state only a change, up 5 percent: leave the level out and give the change as "change"',
          },
          {
            file: 'articles/ferry-strike.json',
            path: '$.figures[0]',
            message: 'its words "rise 5%" state a change, up 5 percent: add "change": {"direction":"UP","value":5,"unit":"percent"}',
          },
        ],
      },
    ]);
    expect(existsSync(join(dir, 'articles', 'ferry-strike.json'))).toBe(false);
    expect((await postGraphQL(service.url, { query: '{ stats { version } }' })).json.data.stats.version).toBe(version);
  });

  it('applies a figure that agrees with its words, and serves its change', async () => {
    const figures = [{ ...FARE_RISE, change: { direction: 'UP', value: 5, unit: 'percent' } }];
    const reply = await put('ferry-strike', { article: { ...FERRY_STRIKE, text: `${FERRY_STRIKE.text} ${FARES}`, figures } });
    expect(reply.status).toBe(200);
    const answer = await postGraphQL(service.url, {
      query: '{ node(id: "figure:ferry-strike/fare-rise") { ... on Figure { value unit unitKind change { direction value unit basis } span { text } } } }',
    });
    expect(answer.json).toEqual({
      data: {
        node: {
          value: null,
          unit: 'percent',
          unitKind: 'PERCENT',
          change: { direction: 'UP', value: 5, unit: 'percent', basis: null },
          span: { text: 'rise 5%' },
        },
      },
    });
  });

  it('asks for the admin token, and is not there without ADMIN_TOKEN', async () => {
    expect([
      (await put('ferry-strike', { article: FERRY_STRIKE }, {})).status,
      (await put('ferry-strike', { article: FERRY_STRIKE }, { authorization: 'Bearer wrong-token-0123456789' })).status,
    ]).toEqual([401, 403]);
    const plain = await startHttpService({ GRAPH_DATA_DIR: dir });
    try {
      const reply = await send(`${plain.origin}/admin/articles/ferry-strike`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...AUTH },
        body: '{}',
      });
      expect([reply.status, reply.json.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    } finally {
      await plain.close();
    }
    expect(existsSync(join(dir, 'articles', 'ferry-strike.json'))).toBe(false);
  });

  it('refuses a body over MAX_ARTICLE_BYTES with 413, and a method the path does not take with 405', async () => {
    const small = await startHttpService({ GRAPH_DATA_DIR: dir, ADMIN_TOKEN: TOKEN, MAX_ARTICLE_BYTES: '200' });
    try {
      const reply = await send(`${small.origin}/admin/articles/ferry-strike`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...AUTH },
        body: JSON.stringify({ article: FERRY_STRIKE }),
      });
      expect([reply.status, reply.json]).toEqual([
        413,
        {
          errors: [
            {
              message: 'The request body is over the limit of 200 bytes. Send one article and the entities it brings, in the graph-data format.',
              extensions: { code: 'PAYLOAD_TOO_LARGE' },
            },
          ],
        },
      ]);
      const get = await send(`${small.origin}/admin/articles/ferry-strike`, { headers: AUTH });
      expect([get.status, get.headers.allow, get.json.errors[0].extensions.code]).toEqual([405, 'PUT, DELETE', 'METHOD_NOT_ALLOWED']);
    } finally {
      await small.close();
    }
  });

  it('applies two writes sent at once one after the other', async () => {
    const second = { ...FERRY_STRIKE, id: 'article:ferry-strike-two', headline: 'Sample report: a second walkout' };
    const [a, b]: HttpReply[] = await Promise.all([put('ferry-strike', { article: FERRY_STRIKE }), put('ferry-strike-two', { article: second })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const [first, last] = a.json.previousVersion === b.json.version ? [b, a] : [a, b];
    expect(last.json.previousVersion).toBe(first.json.version);
    expect(await articleIds()).toEqual([
      'article:bridge-vote',
      'article:ferry-strike',
      'article:ferry-strike-two',
      'article:ferry-timetable',
      'article:harbor-budget',
    ]);
  });

  it('serves the written article after a restart', async () => {
    expect((await put('ferry-strike', { article: FERRY_STRIKE })).status).toBe(200);
    await service.close();
    service = await startHttpService({ GRAPH_DATA_DIR: dir, ADMIN_TOKEN: TOKEN });
    expect(await articleIds()).toContain('article:ferry-strike');
  });
});

describe('DELETE /admin/articles/<slug>', () => {
  it('removes an article with its quotes, claims and figures, keeps the entities, and 404s an unknown one', async () => {
    const reply = await remove('harbor-budget');
    expect([reply.status, reply.json.status, reply.json.articleId, reply.json.articles]).toEqual([200, 'deleted', 'article:harbor-budget', 2]);
    expect(existsSync(join(dir, 'articles', 'harbor-budget.json'))).toBe(false);
    expect(await articleIds()).toEqual(['article:bridge-vote', 'article:ferry-timetable']);
    const gone = await postGraphQL(service.url, {
      query: '{ node(id: "quote:harbor-budget/walls-first") { id } council: node(id: "organization:marrow-bay-council") { id } }',
    });
    expect(gone.json).toEqual({ data: { node: null, council: { id: 'organization:marrow-bay-council' } } });
    const again = await remove('harbor-budget');
    expect([again.status, again.json.errors[0].extensions.code, again.json.errors[0].message]).toEqual([
      404,
      'NOT_FOUND',
      'No article has the id "article:harbor-budget"; nothing was changed.',
    ]);
  });
});
