import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftArticle, InMemoryGraphStore, loadGraph, readDraftGraph } from '../../src/graph';
import { FIXTURES_DIR } from '../helpers/graph-fixture';
import { type HttpTestService, send, startHttpService } from '../helpers/http-service';
import { copySeedGraph } from '../helpers/seed-graph';
import type { GraphDataCopy } from '../helpers/http-graph-data';

const TOKEN = 'drafts-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const SEED_TEXT = readFileSync(join(FIXTURES_DIR, 'seed-article.txt'), 'utf8');

let data: GraphDataCopy;
let service: HttpTestService;

const draft = (body: string, contentType = 'text/plain; charset=utf-8', headers: Record<string, string> = AUTH, origin = service.origin) =>
  send(`${origin}/admin/drafts`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

beforeAll(async () => {
  data = copySeedGraph();
  service = await startHttpService({ GRAPH_DATA_DIR: data.dir, ADMIN_TOKEN: TOKEN, MAX_ARTICLE_BYTES: '4000' });
});
afterAll(async () => {
  await service.close();
  data.remove();
});

describe('POST /admin/drafts', () => {
  it('answers the draft of a raw text, its review notes, and that the write API would take it', async () => {
    const reply = await draft(SEED_TEXT);
    const expected = draftArticle(SEED_TEXT, await readDraftGraph(new InMemoryGraphStore(loadGraph(data.dir))));
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ slug: expected.slug, valid: true, body: expected.body, review: expected.review, problems: [] });
    expect(reply.json.body.article.quotes.map((q: { speaker: string }) => q.speaker)).toEqual(Array(5).fill('person:mark-zuckerberg'));
  });

  it('takes the text as JSON {"text": ...} too, and writes nothing', async () => {
    const [plain, json] = [await draft(SEED_TEXT), await draft(JSON.stringify({ text: SEED_TEXT }), 'application/json')];
    expect(json.status).toBe(200);
    expect(json.json).toEqual(plain.json);
    expect(loadGraph(data.dir).articles.size).toBe(1);
  });

  it('lists the problems of a draft the write API would refuse', async () => {
    const reply = await draft(
      'Sample report: Meta opens a model\nMeta released a new model on Tuesday. The CEO of Meta said: "We will open the model to everyone who builds on it."',
    );
    expect([reply.status, reply.json.valid, reply.json.problems]).toEqual([
      200,
      false,
      [
        {
          file: 'articles/sample-report-meta-opens-model.json',
          path: '$.entities[1]',
          message: 'no mention of "person:mark-zuckerberg" in the text: none of "Mark Zuckerberg", "Zuckerberg" occurs as a whole word',
        },
      ],
    ]);
  });

  it('refuses an empty text, or a headline without a body, with 400', async () => {
    const empty = await draft('  \n ');
    const headlineOnly = await draft(JSON.stringify({ text: 'Sample report: a headline alone\n' }), 'application/json');
    const noText = await draft(JSON.stringify({ body: 'x' }), 'application/json');
    expect([empty.status, empty.json.errors[0]]).toEqual([
      400,
      { message: 'The text is empty: send the headline on the first line, then the body.', extensions: { code: 'EMPTY_TEXT' } },
    ]);
    expect([headlineOnly.status, headlineOnly.json.errors[0]]).toEqual([
      400,
      { message: 'The text has a headline and no body: send the body on the lines after the headline.', extensions: { code: 'EMPTY_TEXT' } },
    ]);
    expect([noText.status, noText.json.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
  });

  it('refuses a text over MAX_ARTICLE_BYTES with 413', async () => {
    const reply = await draft(`Sample report: a long one\n${'The council met again. '.repeat(200)}`);
    expect([reply.status, reply.json]).toEqual([
      413,
      {
        errors: [
          {
            message: 'The request body is over the limit of 4000 bytes. Send the raw text of one article: its headline on the first line, then its body.',
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      },
    ]);
  });

  it('refuses a text over 64 KiB with 413 even when MAX_ARTICLE_BYTES allows more', async () => {
    const roomy = await startHttpService({ GRAPH_DATA_DIR: data.dir, ADMIN_TOKEN: TOKEN, MAX_ARTICLE_BYTES: '1000000' });
    try {
      const text = `Sample report: a long one\n${'The council met again. '.repeat(3000)}`;
      const reply = await draft(text, 'text/plain', AUTH, roomy.origin);
      expect([reply.status, reply.json.errors[0]]).toEqual([
        413,
        {
          message: 'The request body is over the limit of 65536 bytes. Send the raw text of one article: its headline on the first line, then its body.',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ]);
    } finally {
      await roomy.close();
    }
  });

  it('asks for the admin token, as the other admin routes, and is not there without ADMIN_TOKEN', async () => {
    expect([
      (await draft(SEED_TEXT, 'text/plain', {})).status,
      (await draft(SEED_TEXT, 'text/plain', { authorization: 'Bearer wrong-token-0123456789' })).status,
    ]).toEqual([401, 403]);
    const plain = await startHttpService({ GRAPH_DATA_DIR: data.dir });
    try {
      const reply = await draft(SEED_TEXT, 'text/plain', AUTH, plain.origin);
      expect([reply.status, reply.json.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    } finally {
      await plain.close();
    }
  });
});
