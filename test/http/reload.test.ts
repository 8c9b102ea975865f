import { writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { GraphDataError, loadGraph } from '../../src/graph';
import { createGatePlugin } from '../helpers/http-gate-plugin';
import type { GraphDataCopy } from '../helpers/http-graph-data';
import { type HttpReply, type HttpTestService, postGraphQL, send, startHttpService } from '../helpers/http-service';
import { copySeedGraph, SEED_GRAPH_DIR } from '../helpers/seed-graph';

const TOKEN = 'reload-token-0123456789abcdef';
const NEW_ARTICLE_ID = 'article:meta-confirms-spending-plan';
const SEED_ARTICLE_ID = 'article:zuckerberg-american-open-source-ai-standards';

/** A second valid article, about entities the bundled data already has. */
const NEW_ARTICLE = {
  $schema: '../schema/article.schema.json',
  id: NEW_ARTICLE_ID,
  headline: 'Meta confirms its spending plan',
  text: 'Mark Zuckerberg said on Thursday that Meta will keep its spending plan for 2025, whatever DeepSeek does next.',
  entities: ['person:mark-zuckerberg', 'organization:meta', 'organization:deepseek'],
};

/** Reads several parts of the graph through different resolvers and loaders, so that a mix of snapshots would show. */
const CONSISTENCY = `query Consistency {
  stats { nodeCount edgeCount byKind { kind count } }
  articles(first: 10) { totalCount nodes { id } }
  node(id: "${NEW_ARTICLE_ID}") { id }
}`;

const byKind = (articles: number) =>
  [
    ['ARTICLE', articles],
    ['PERSON', 3],
    ['ORGANIZATION', 5],
    ['PLACE', 2],
    ['EVENT', 1],
    ['TOPIC', 1],
    ['QUOTE', 5],
    ['CLAIM', 23],
    ['FIGURE', 1],
  ].map(([kind, count]) => ({ kind, count }));

/** The answer to CONSISTENCY from the bundled data. */
const OLD = {
  data: {
    stats: { nodeCount: 42, edgeCount: 120, byKind: byKind(1) },
    articles: { totalCount: 1, nodes: [{ id: SEED_ARTICLE_ID }] },
    node: null,
  },
};

/** The answer to CONSISTENCY once NEW_ARTICLE is added. */
const NEW = {
  data: {
    stats: { nodeCount: 43, edgeCount: 123, byKind: byKind(2) },
    articles: { totalCount: 2, nodes: [{ id: NEW_ARTICLE_ID }, { id: SEED_ARTICLE_ID }] },
    node: { id: NEW_ARTICLE_ID },
  },
};

const reload = (service: HttpTestService, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }, method = 'POST') =>
  send(`${service.origin}/admin/reload`, { method, headers });

describe('POST /admin/reload access', () => {
  let service: HttpTestService;
  beforeAll(async () => {
    service = await startHttpService({ GRAPH_DATA_DIR: SEED_GRAPH_DIR, ADMIN_TOKEN: TOKEN });
  });
  afterAll(() => service.close());

  it('asks for the token with 401 when it is missing', async () => {
    const reply = await reload(service, {});
    expect(reply.status).toBe(401);
    expect(reply.headers['www-authenticate']).toBe('Bearer realm="newsgraph admin"');
    expect(reply.json).toEqual({
      errors: [{ message: 'Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>".', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('asks for the token with 401 when it is not a bearer token', async () => {
    const reply = await reload(service, { authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` });
    expect(reply.status).toBe(401);
  });

  it('refuses a wrong token with 403, whatever its length', async () => {
    for (const wrong of [`${TOKEN}x`, TOKEN.slice(0, -1), TOKEN.toUpperCase(), 'x']) {
      const reply = await reload(service, { authorization: `Bearer ${wrong}` });
      expect(reply.status).toBe(403);
      expect(reply.json).toEqual({
        errors: [{ message: 'The admin token is not the one this service was started with (ADMIN_TOKEN).', extensions: { code: 'FORBIDDEN' } }],
      });
    }
  });

  it('refuses other methods with 405', async () => {
    const reply = await reload(service, { authorization: `Bearer ${TOKEN}` }, 'GET');
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });

  it('reloads with the right token; unchanged data keeps its version', async () => {
    const version = service.service.graph.current.version;
    const reply = await reload(service);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ status: 'reloaded', previousVersion: version, changed: false, version, articles: 1, nodes: 42, edges: 120 });
  });
});

describe('reload without loss', () => {
  let copy: GraphDataCopy;
  beforeEach(() => {
    copy = copySeedGraph();
  });
  afterEach(() => copy.remove());

  it('swaps in new data under traffic, keeps it when the next data is broken, and never mixes snapshots', async () => {
    const service = await startHttpService({ ADMIN_TOKEN: TOKEN, GRAPH_DATA_DIR: copy.dir });
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const replies: { started: number; reply: HttpReply }[] = [];
    let started = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const index = started++;
        replies.push({ started: index, reply: await postGraphQL(service.url, { query: CONSISTENCY }, { agent }) });
      }
    };
    const waitForReplies = async (count: number) => {
      const target = replies.length + count;
      while (replies.length < target) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const traffic = Array.from({ length: 8 }, worker);
    try {
      await waitForReplies(40);
      const oldVersion = service.service.graph.current.version;

      writeFileSync(join(copy.dir, 'articles', 'meta-confirms-spending-plan.json'), JSON.stringify(NEW_ARTICLE, null, 2));
      const swapped = await reload(service);
      const startedBeforeSwap = started;
      expect(swapped.status).toBe(200);
      const newVersion = service.service.graph.current.version;
      expect(newVersion).not.toBe(oldVersion);
      expect(swapped.json).toEqual({ status: 'reloaded', previousVersion: oldVersion, changed: true, version: newVersion, articles: 2, nodes: 43, edges: 123 });
      await waitForReplies(40);

      writeFileSync(join(copy.dir, 'articles', 'meta-confirms-spending-plan.json'), JSON.stringify({ ...NEW_ARTICLE, author: 'Staff' }, null, 2));
      writeFileSync(join(copy.dir, 'entities', 'extra.json'), '{ "entities": [\n  { "id": "topic:ai-spending", }\n]}\n');
      const refused = await reload(service);
      await waitForReplies(40);
      stop = true;
      await Promise.all(traffic);

      // The reply lists every problem, as the loader finds them, with file and JSON path.
      let loaderProblems: unknown;
      try {
        loadGraph(copy.dir);
      } catch (error) {
        loaderProblems = (error as GraphDataError).problems;
      }
      const problems = [
        { file: 'entities/extra.json', path: '$', message: expect.stringMatching(/^invalid JSON at line 2, column \d+/) },
        { file: 'articles/meta-confirms-spending-plan.json', path: '$', message: 'unknown property "author"' },
      ];
      expect(loaderProblems).toEqual(problems);
      expect(refused.status).toBe(422);
      expect(refused.json).toEqual({
        errors: [
          {
            message: `The graph data in ${copy.dir} has 2 problems; still serving version ${newVersion}. Fix every problem listed and reload again.`,
            extensions: { code: 'INVALID_GRAPH_DATA', problems: loaderProblems, version: newVersion },
          },
        ],
      });
      // ... and so does the log.
      expect(service.logs.filter((l) => l.event === 'reload')).toEqual([
        expect.objectContaining({ level: 'info', trigger: 'http', previousVersion: oldVersion, version: newVersion, nodes: 43, changed: true }),
        expect.objectContaining({ level: 'error', trigger: 'http', version: newVersion, problems: loaderProblems }),
      ]);
      expect(service.service.graph.current.version).toBe(newVersion);

      // No request failed, each saw one whole snapshot, and none started after the swap saw the old one.
      expect(replies.length).toBeGreaterThanOrEqual(120);
      for (const { started: index, reply } of replies) {
        expect(reply.status).toBe(200);
        expect([OLD, NEW]).toContainEqual(reply.json);
        if (index >= startedBeforeSwap) expect(reply.json).toEqual(NEW);
      }
      expect(replies.some(({ reply }) => reply.json.data.stats.nodeCount === 42)).toBe(true);
      expect(replies.some(({ reply }) => reply.json.data.stats.nodeCount === 43)).toBe(true);
      expect((await postGraphQL(service.url, { query: CONSISTENCY })).json).toEqual(NEW);
      expect((await send(`${service.origin}/readyz`)).json).toEqual({ status: 'ready', version: newVersion, articles: 2, nodes: 43, edges: 123 });
    } finally {
      stop = true;
      await Promise.all(traffic);
      agent.destroy();
      await service.close();
    }
  });

  it('lets a request in flight finish on the snapshot it started with', async () => {
    const gate = createGatePlugin();
    const service = await startHttpService({ GRAPH_DATA_DIR: copy.dir }, { plugins: [gate.plugin] });
    try {
      const slow = postGraphQL(service.url, { query: CONSISTENCY.replace('query Consistency', 'query Slow') });
      await gate.waitForHeld(1);
      writeFileSync(join(copy.dir, 'articles', 'meta-confirms-spending-plan.json'), JSON.stringify(NEW_ARTICLE, null, 2));
      expect(await service.service.reload()).toMatchObject({ ok: true, changed: true, graph: { nodes: 43 } });
      expect((await postGraphQL(service.url, { query: CONSISTENCY })).json).toEqual(NEW);
      gate.release();
      expect((await slow).json).toEqual(OLD);
    } finally {
      gate.release();
      await service.close();
    }
  });

  it('keeps serving the old graph when the folder cannot be read at all', async () => {
    const service = await startHttpService({ ADMIN_TOKEN: TOKEN, GRAPH_DATA_DIR: copy.dir });
    try {
      const version = service.service.graph.current.version;
      copy.remove();
      const reply = await reload(service);
      expect(reply.status).toBe(422);
      expect(reply.json.errors[0].extensions.code).toBe('INVALID_GRAPH_DATA');
      expect(reply.json.errors[0].extensions.problems).toEqual([{ file: copy.dir, path: '$', message: expect.any(String) }]);
      expect((await postGraphQL(service.url, { query: CONSISTENCY })).json).toEqual(OLD);
      expect(service.service.graph.current.version).toBe(version);
    } finally {
      await service.close();
    }
  });
});
