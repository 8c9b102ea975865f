import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { generateCorpus } from '../../bench/generate-corpus';
import { type GraphStore, MemoryLiveGraph, type WriteOutcome } from '../../src/graph';
import type { RawArticle, RawEntity } from '../../src/graph/raw-data';
import type { PostgresLiveGraph } from '../../src/postgres';
import { type HttpTestService, postGraphQL, send, startHttpService } from '../helpers/http-service';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres-test-database';
import { CONFORMANCE_DATA_DIR } from './graph-store-conformance';

/**
 * Writes to the PostgreSQL store are checked against the in-memory store's:
 * the same writes, on the same data, give the same outcomes and versions;
 * and the rows a sequence of writes leaves are the rows a fresh import of
 * the files those writes leave in memory makes, table by table.
 */

/** The columns compared, by table: all but slots, which writes hand out after the last one imported. */
const COMPARED: Readonly<Record<string, string>> = {
  nodes: 'id, kind, ord, article_id, unit, attribution, names, degree, node, article_text, bmp_only',
  edges: 'id, ord, predicate, from_id, to_id, qualifier, span_article, span_start, span_end, article_id',
  incidences: 'node_id, ord, direction, predicate',
  related: 'node_id, bucket, other_ord, other_id, edges',
  mentions: 'ord, entity_id, article_id, span_start, span_end',
  roles: 'node_id, direction, position, role, spans',
  list_counts: 'list, count',
  search_documents: 'node_id, kind, vector, title, body, text',
  search_terms: 'term, entries, documents',
  // An article's item and edge ids as sets: a rename that moves another article's first mention moves its MENTIONS edge in edge order, and the record (in memory too) keeps the ids as they were.
  articles: 'id, file, entities, (SELECT array_agg(x ORDER BY x) FROM unnest(item_ids) x), (SELECT array_agg(x ORDER BY x) FROM unnest(edge_ids) x)',
  entities: 'id, file, raw',
  entity_files: 'file, content',
  files: 'file, digest',
  fact_reports: 'node_id, kind, ord, article_id, bucket, words, links, fact_id, report_ids, article_count',
  meta: `key, value`,
};

let root: string;
let dir: string;
let held: string;
let database: TestDatabase;
let client: Client;

const readArticle = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as RawArticle;
const slugOf = (article: RawArticle) => article.id.slice('article:'.length);
const people = () => (JSON.parse(readFileSync(join(dir, 'entities', 'people.json'), 'utf8')) as { entities: RawEntity[] }).entities;

function expectDone(outcome: WriteOutcome): asserts outcome is Extract<WriteOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`write refused: ${JSON.stringify(outcome)}`);
}

/** The rows of one table of a generation that the other lacks, both ways (empty when they hold the same). */
async function difference(table: string, a: string, b: string): Promise<unknown[]> {
  const columns = COMPARED[table];
  const where = table === 'meta' ? ` WHERE key <> 'slots'` : '';
  const sql = (x: string, y: string) => `(SELECT ${columns} FROM ${x}.${table}${where} EXCEPT ALL SELECT ${columns} FROM ${y}.${table}${where})`;
  return (await client.query(`${sql(a, b)} UNION ALL ${sql(b, a)}`)).rows;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'newsgraph-pg-writes-'));
  dir = join(root, 'graph-data');
  held = join(root, 'held');
  generateCorpus(dir, { articles: 40, seed: 5 });
  mkdirSync(held);
  for (const name of readdirSync(join(dir, 'articles')).sort().slice(30)) renameSync(join(dir, 'articles', name), join(held, name));
  database = await createTestDatabase('writes', dir);
  client = new Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
  rmSync(root, { recursive: true, force: true });
});

describe('writes to the PostgreSQL store', () => {
  it('give the outcomes and versions of the same writes in memory, and leave the rows a fresh import of the resulting files makes', async () => {
    const memory = await MemoryLiveGraph.open(dir);
    const postgres = await database.open();
    const other = await database.open();
    expect(postgres.current.version).toBe(memory.current.version);
    const both = async (write: (graph: MemoryLiveGraph | PostgresLiveGraph) => Promise<WriteOutcome>) => {
      const [inMemory, inPostgres] = [await write(memory), await write(postgres)];
      expect(inPostgres).toEqual(inMemory);
      expect(postgres.current.version).toBe(memory.current.version);
      return inPostgres;
    };
    const heldNames = readdirSync(held).sort();
    for (const name of heldNames.slice(0, 4)) {
      const article = readArticle(join(held, name));
      expectDone(await both((graph) => graph.putArticle(slugOf(article), { article })));
    }
    // A replacement under an existing id, and removals.
    const existing = readdirSync(join(dir, 'articles')).sort();
    const replaced = readArticle(join(dir, 'articles', existing[3]));
    const outcome = await both((graph) => graph.putArticle(slugOf(replaced), { article: { ...readArticle(join(held, heldNames[4])), id: replaced.id } }));
    expect(outcome.ok && outcome.created).toBe(false);
    for (const name of existing.slice(10, 13)) {
      const slug = slugOf(readArticle(join(dir, 'articles', name)));
      expectDone(await both((graph) => graph.deleteArticle(slug)));
    }
    // A person renamed by an alias many articles use, and a new entity.
    const person = people()[0];
    const carrier = readArticle(join(held, heldNames[5]));
    expectDone(
      await both((graph) =>
        graph.putArticle(slugOf(carrier), { article: carrier, entities: [{ ...person, aliases: [...(person.aliases ?? []), 'reporters'] }] }),
      ),
    );
    const naming = readArticle(join(held, heldNames[6]));
    const topic: RawEntity = { id: 'topic:filings', type: 'Topic', name: 'filing', description: 'Fixture topic: company filings.' };
    expectDone(
      await both((graph) => graph.putArticle(slugOf(naming), { article: { ...naming, entities: [...naming.entities, topic.id] }, entities: [topic] })),
    );
    // Refusals change nothing, in either store.
    await both((graph) => graph.deleteArticle('no-such-article'));
    await both((graph) => graph.putArticle(slugOf(naming), { article: { ...naming, publishedAt: '2025-02-30' } }));

    // Another replica switches at the NOTIFY of the last commit.
    const deadline = Date.now() + 1000;
    while (other.current.version !== memory.current.version && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(other.current.version).toBe(memory.current.version);

    const written = (postgres.current as unknown as { schema: string }).schema;
    await database.import(dir);
    const fresh = (await client.query<{ schema_name: string }>('SELECT schema_name FROM newsgraph.graph_state')).rows[0].schema_name;
    expect(fresh).not.toBe(written);
    const differences: Record<string, unknown[]> = {};
    for (const table of Object.keys(COMPARED)) differences[table] = await difference(table, written, fresh);
    expect(differences).toEqual(Object.fromEntries(Object.keys(COMPARED).map((table) => [table, []])));
    // A dozen writes to each store and an import: seconds on a busy machine, more than jest's default 5.
  }, 30_000);
});

describe('the counts of lists joined by several hops, kept by writes', () => {
  it('count a claim a person makes about himself once in claims(role: ANY) and the subject filter, in both stores, as it comes and goes', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'newsgraph-pg-unions-'));
    const selfDatabase = await createTestDatabase('self_claims', CONFORMANCE_DATA_DIR);
    try {
      cpSync(CONFORMANCE_DATA_DIR, copy, { recursive: true });
      const memory = await MemoryLiveGraph.open(copy);
      const postgres = await selfDatabase.open();
      const BRAM = 'person:bram-okafor';
      const ANY = [
        { direction: 'OUT', predicate: 'CLAIMS' },
        { direction: 'IN', predicate: 'ABOUT' },
      ] as const;
      const counts = async (store: GraphStore) => {
        const [claims] = await store.getRelated([{ nodeId: BRAM, via: ANY, kinds: ['CLAIM'], page: { first: 1 } }]);
        const about = await store.listNodes({ kinds: ['CLAIM', 'FIGURE'], filter: { subjectId: BRAM }, page: { first: 1 } });
        return { claims: (claims as { totalCount: number }).totalCount, about: about.totalCount };
      };
      // Two claims by him (the ferries, the crossings), none about him.
      expect(await counts(memory.current)).toEqual({ claims: 2, about: 0 });
      expect(await counts(postgres.current)).toEqual({ claims: 2, about: 0 });
      const text = 'Bram Okafor said on Friday that he would stay at the ferry company for another year.';
      const article: RawArticle = {
        id: 'article:okafor-stays',
        headline: 'Sample report: the ferry chief stays on',
        publishedAt: '2026-03-06',
        text,
        entities: [BRAM],
        claims: [
          {
            key: 'stays',
            text: 'Bram Okafor will stay at the ferry company for another year.',
            attribution: 'PARAPHRASE',
            claimant: BRAM,
            subjects: [BRAM],
            source: { exact: 'he would stay at the ferry company for another year' },
          },
        ],
      } as unknown as RawArticle;
      for (const graph of [memory, postgres]) expectDone(await graph.putArticle('okafor-stays', { article }));
      // His third claim, about him too: once in each list.
      expect(await counts(memory.current)).toEqual({ claims: 3, about: 1 });
      expect(await counts(postgres.current)).toEqual({ claims: 3, about: 1 });
      for (const graph of [memory, postgres]) expectDone(await graph.deleteArticle('okafor-stays'));
      expect(await counts(memory.current)).toEqual({ claims: 2, about: 0 });
      expect(await counts(postgres.current)).toEqual({ claims: 2, about: 0 });
    } finally {
      await selfDatabase.drop();
      rmSync(copy, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('PUT and DELETE /admin/articles/<slug> on the PostgreSQL store', () => {
  const TOKEN = 'writes-token-0123456789abcdef';
  const AUTH = { authorization: `Bearer ${TOKEN}` };
  const ARTICLES = '{ articles(first: 10) { totalCount nodes { id } } }';
  const STRIKE = {
    id: 'article:ferry-strike',
    headline: 'Sample report: ferry crews walk out for a day',
    text: 'Crews of the Estuary Ferry Company stopped work on Friday. Bram Okafor said the boats would sail again on Saturday.',
    entities: ['organization:estuary-ferry-company', 'person:bram-okafor'],
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
  let conformance: TestDatabase;
  let service: HttpTestService;

  beforeAll(async () => {
    conformance = await createTestDatabase('http_writes', CONFORMANCE_DATA_DIR);
    service = await startHttpService({ DATABASE_URL: conformance.url, ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'silent' });
  });

  afterAll(async () => {
    await service?.close();
    await conformance?.drop();
  });

  it('refuses a figure that disagrees with its words with 422 and changes nothing, and applies it once it agrees, its change served', async () => {
    const before = service.service.graph.current.version;
    const fare = {
      key: 'fare-rise',
      label: 'Rise in ferry fares',
      unit: 'percent',
      subject: 'organization:estuary-ferry-company',
      claim: 'walkout',
      source: { exact: 'rise 5%' },
    };
    const article = (figure: object) => ({ ...STRIKE, text: `${STRIKE.text} Fares will rise 5% in May.`, figures: [{ ...fare, ...figure }] });
    const write = (body: unknown) =>
      send(`${service.origin}/admin/articles/ferry-strike`, {
        method: 'PUT',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const refused = await write({ article: article({ change: { direction: 'DOWN', value: 5, unit: 'percent' } }) });
    expect([refused.status, refused.json.errors[0].extensions.problems]).toEqual([
      422,
      [{ file: 'articles/ferry-strike.json', path: '$.figures[0].change.direction', message: '"DOWN" disagrees with its words "rise 5%", which say UP' }],
    ]);
    expect([service.service.graph.current.version, (await postGraphQL(service.url, { query: ARTICLES })).json.data.articles.totalCount]).toEqual([before, 3]);
    const applied = await write({ article: article({ change: { direction: 'UP', value: 5, unit: 'percent' } }) });
    expect(applied.status).toBe(200);
    const figure = await postGraphQL(service.url, {
      query: '{ node(id: "figure:ferry-strike/fare-rise") { ... on Figure { value unit change { direction value unit } } } }',
    });
    expect(figure.json).toEqual({ data: { node: { value: null, unit: 'percent', change: { direction: 'UP', value: 5, unit: 'percent' } } } });
    expect((await send(`${service.origin}/admin/articles/ferry-strike`, { method: 'DELETE', headers: AUTH })).json.version).toBe(before);
  });

  it('applies an article and removes it, each answered once every later request sees it', async () => {
    const before = service.service.graph.current.version;
    const put = await send(`${service.origin}/admin/articles/ferry-strike`, {
      method: 'PUT',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ article: STRIKE }),
    });
    expect([put.status, put.json.status, put.json.articleId, put.json.previousVersion]).toEqual([200, 'applied', 'article:ferry-strike', before]);
    const listed = await postGraphQL(service.url, { query: ARTICLES });
    expect(listed.json.data.articles).toEqual({
      totalCount: 4,
      nodes: [{ id: 'article:bridge-vote' }, { id: 'article:ferry-strike' }, { id: 'article:ferry-timetable' }, { id: 'article:harbor-budget' }],
    });
    const removed = await send(`${service.origin}/admin/articles/ferry-strike`, { method: 'DELETE', headers: AUTH });
    expect([removed.status, removed.json.status, removed.json.version]).toEqual([200, 'deleted', before]);
    expect((await postGraphQL(service.url, { query: ARTICLES })).json.data.articles.totalCount).toBe(3);
    const missing = await send(`${service.origin}/admin/articles/ferry-strike`, { method: 'DELETE', headers: AUTH });
    expect([missing.status, missing.json.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
  });
});
