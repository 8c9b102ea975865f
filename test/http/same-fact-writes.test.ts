import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HttpTestService, postGraphQL, send, startHttpService } from '../helpers/http-service';
import { FIXTURES_DIR } from '../helpers/graph-fixture';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

const TOKEN = 'same-facts-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const SECOND_DIR = join(FIXTURES_DIR, 'same-facts-article');
const SLUG = 'sample-meta-capex-second-report';
const SEED_FIGURE = 'figure:zuckerberg-american-open-source-ai-standards/meta-capex-2025';
const QUERY = `{
  node(id: "${SEED_FIGURE}") { ... on Figure { alsoReportedBy { id } reportingArticleCount firstReport { id } } }
  stats { distinctFigureCount distinctQuoteCount sharedFigureCount sharedQuoteCount }
}`;

let root: string;
let service: HttpTestService;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'newsgraph-same-facts-http-'));
  cpSync(SEED_GRAPH_DIR, join(root, 'graph-data'), { recursive: true });
  service = await startHttpService({ GRAPH_DATA_DIR: join(root, 'graph-data'), ADMIN_TOKEN: TOKEN });
});
afterAll(async () => {
  await service?.close();
  rmSync(root, { recursive: true, force: true });
});

const answer = async () => (await postGraphQL(service.url, { query: QUERY })).json;

describe('PUT and DELETE /admin/articles/<slug> and the same fact in two articles', () => {
  it('links the seed article’s capex range to the article put, counts it once, and unlinks it when the article is deleted', async () => {
    const article = JSON.parse(readFileSync(join(SECOND_DIR, 'articles', `${SLUG}.json`), 'utf8'));
    delete article.$schema;
    const { entities } = JSON.parse(readFileSync(join(SECOND_DIR, 'entities', 'sample-same-facts-report.json'), 'utf8'));
    expect(await answer()).toEqual({
      data: {
        node: { alsoReportedBy: [], reportingArticleCount: 1, firstReport: { id: SEED_FIGURE } },
        stats: { distinctFigureCount: 1, distinctQuoteCount: 5, sharedFigureCount: 0, sharedQuoteCount: 0 },
      },
    });

    const put = await send(`${service.origin}/admin/articles/${SLUG}`, {
      method: 'PUT',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ article, entities }),
    });
    expect([put.status, put.json.status]).toEqual([200, 'applied']);
    const second = `figure:${SLUG}/meta-capex-2025`;
    expect(await answer()).toEqual({
      data: {
        node: { alsoReportedBy: [{ id: second }], reportingArticleCount: 2, firstReport: { id: second } },
        stats: { distinctFigureCount: 3, distinctQuoteCount: 7, sharedFigureCount: 1, sharedQuoteCount: 2 },
      },
    });

    const removed = await send(`${service.origin}/admin/articles/${SLUG}`, { method: 'DELETE', headers: AUTH });
    expect([removed.status, removed.json.status]).toEqual([200, 'deleted']);
    expect(await answer()).toEqual({
      data: {
        node: { alsoReportedBy: [], reportingArticleCount: 1, firstReport: { id: SEED_FIGURE } },
        stats: { distinctFigureCount: 1, distinctQuoteCount: 5, sharedFigureCount: 0, sharedQuoteCount: 0 },
      },
    });
  });
});
