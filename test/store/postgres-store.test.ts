import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client, Pool } from 'pg';
import { formatProblem, GraphDataError, MemoryLiveGraph, readGraphData, validateGraphData } from '../../src/graph';
import { migrateDatabase, readMigrations, readValidGraph } from '../../src/postgres';
import { compareEdges, compareNodes } from '../../src/graph/graph-order';
import { edgeIdOfKeySql, edgeOrderKey, incidencesOfKeyLines, nodeOrderKey, otherEndSql, stepLineSql, stepsOfLines } from '../../src/postgres/order-key';
import { builtService } from '../helpers/service-process';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/postgres-test-database';
import { CONFORMANCE_DATA_DIR, describeDraftConformance, describeGraphStoreConformance, describeSameFactConformance } from './graph-store-conformance';

describeGraphStoreConformance('PostgresGraphStore', async (dataDir) => {
  const database = await createTestDatabase('conformance', dataDir);
  const graph = await database.open();
  return { store: graph.current, close: () => database.drop() };
});

describeSameFactConformance('PostgresLiveGraph', async (dataDir) => {
  const database = await createTestDatabase('same_facts', dataDir);
  const graph = await database.open();
  return { graph, close: () => database.drop() };
});

describeDraftConformance('PostgresLiveGraph', async (dataDir) => {
  const database = await createTestDatabase('drafts', dataDir);
  const graph = await database.open();
  return { graph, close: () => database.drop() };
});

type Unplaced = Parameters<typeof compareNodes>[0];

describe('order keys in PostgreSQL', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
  });

  /** The ids of `items` in the order the database sorts their keys under COLLATE "C". */
  const databaseOrder = async <T extends { id: string }>(items: readonly T[], key: (item: T) => string) =>
    (
      await client.query<{ id: string }>('SELECT id FROM unnest($1::text[], $2::text[]) AS x(id, key) ORDER BY key COLLATE "C"', [
        items.map((i) => i.id),
        items.map(key),
      ])
    ).rows.map((row) => row.id);
  const entity = (name: string, i: number) => ({
    id: `person:p${i}`,
    kind: 'PERSON' as const,
    name,
    sortName: name.toLowerCase(),
    aliases: [],
    description: null,
    sameAs: [],
  });
  const item = (kind: 'QUOTE' | 'CLAIM' | 'FIGURE', articleId: string, start: number, end: number, id: string) =>
    ({ id, kind, span: { articleId, start, end } }) as unknown as Unplaced;

  it('sort nodes and edges as graph-order.ts compares them, for ids, offsets, names ending where others go on, and names in every script below U+E000', async () => {
    const names = ['Ada Quill', 'Ada', 'Adam', 'Zoë', 'Zoe', 'Émile', 'ß-Bank', 'Ōsaka', 'Москва', '東京', 'ab-c', 'ab c', 'ab', 'a1', 'a-'];
    const nodes: Unplaced[] = [
      ...names.map(entity),
      { id: 'article:a', kind: 'ARTICLE' } as Unplaced,
      { id: 'article:a-b', kind: 'ARTICLE' } as Unplaced,
      item('CLAIM', 'article:a', 5, 9, 'claim:a/x'),
      item('QUOTE', 'article:a-b', 0, 3, 'quote:a-b/y'),
      item('FIGURE', 'article:a', 10, 12, 'figure:a/z'),
      item('QUOTE', 'article:a', 5, 9, 'quote:a/w'),
    ];
    expect(await databaseOrder(nodes, nodeOrderKey)).toEqual([...nodes].sort(compareNodes).map((n) => n.id));
    const edge = (id: string, predicate: string, from: string, to: string, articleId: string, start: number, end: number) => ({
      id,
      predicate,
      from,
      to,
      qualifier: null,
      span: { articleId, start, end },
    });
    const edges = [
      edge('article:a|MENTIONS|person:p1', 'MENTIONS', 'article:a', 'person:p1', 'article:a', 0, 3),
      edge('article:a|person:p1|HAS_ROLE_AT|organization:o', 'HAS_ROLE_AT', 'person:p1', 'organization:o', 'article:a', 0, 3),
      edge('article:a|person:p1|HAS_ROLE_AT|organization:o|2', 'HAS_ROLE_AT', 'person:p1', 'organization:o', 'article:a', 0, 3),
      edge('article:a-b|CONTAINS|quote:a-b/y', 'CONTAINS', 'article:a-b', 'quote:a-b/y', 'article:a-b', 0, 3),
      edge('article:a|CONTAINS|claim:a/x', 'CONTAINS', 'article:a', 'claim:a/x', 'article:a', 5, 9),
      edge('claim:a/x|ABOUT|person:p1', 'ABOUT', 'claim:a/x', 'person:p1', 'article:a', 5, 9),
      edge('claim:a/x|ABOUT|person:p10', 'ABOUT', 'claim:a/x', 'person:p10', 'article:a', 5, 9),
    ];
    expect(await databaseOrder(edges, edgeOrderKey)).toEqual([...edges].sort(compareEdges).map((e) => e.id));
    // An incidence keeps only the key: a walk reads each edge's id, other end and predicate back from the keys, one a line; SQL reads the id.
    const at = (node: string) => edges.filter((e) => e.from === node || e.to === node).sort(compareEdges);
    for (const node of ['person:p1', 'claim:a/x', 'article:a'])
      expect(incidencesOfKeyLines(at(node).map(edgeOrderKey).join('\n'), node)).toEqual(
        at(node).map((e) => ({ edge: e.id, other: e.from === node ? e.to : e.from, predicate: e.predicate })),
      );
    const { rows } = await client.query<{ id: string }>(`SELECT ${edgeIdOfKeySql('key')} AS id FROM unnest($1::text[]) AS x(key)`, [edges.map(edgeOrderKey)]);
    expect(rows.map((r) => r.id)).toEqual(edges.map((e) => e.id));
    // A path search reads each edge's predicate and other end, as the database writes them a line each.
    const { rows: steps } = await client.query<{ lines: string }>(
      `SELECT string_agg(${stepLineSql('x')}, E'\\n' ORDER BY x.i) AS lines, string_agg(${otherEndSql('x')}, ',' ORDER BY x.i) AS others
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(ord, direction, i)`,
      [at('person:p1').map(edgeOrderKey), at('person:p1').map((e) => (e.from === 'person:p1' ? 'OUT' : 'IN'))],
    );
    const expected = at('person:p1').map((e) => ({ other: e.from === 'person:p1' ? e.to : e.from, predicate: e.predicate }));
    expect(stepsOfLines(steps[0].lines)).toEqual(expected);
    expect(steps[0]).toMatchObject({ others: expected.map((s) => s.other).join(',') });
    expect(() => stepsOfLines('12person:a\n99person:b')).toThrow('not a step line: "99person:b"');
    const unspanned = { id: 'x|GOVERNS|y', predicate: 'GOVERNS', from: 'organization:x', to: 'place:y', qualifier: null, span: null };
    expect(incidencesOfKeyLines(edgeOrderKey(unspanned), 'place:y')).toEqual([{ edge: 'x|GOVERNS|y', other: 'organization:x', predicate: 'GOVERNS' }]);
    expect(incidencesOfKeyLines('', 'place:y')).toEqual([]);
    const { rows: unspannedSteps } = await client.query<{ line: string; other: string }>(
      `SELECT ${stepLineSql('x')} AS line, ${otherEndSql('x')} AS other FROM (VALUES ($1, 'IN'), ($1, 'OUT')) AS x(ord, direction)`,
      [edgeOrderKey(unspanned)],
    );
    expect(unspannedSteps.map((r) => [stepsOfLines(r.line), r.other])).toEqual([
      [[{ other: 'organization:x', predicate: 'GOVERNS' }], 'organization:x'],
      [[{ other: 'place:y', predicate: 'GOVERNS' }], 'place:y'],
    ]);
    expect(() => incidencesOfKeyLines(`${edgeOrderKey(unspanned)}\n0article:a`, 'place:y')).toThrow('not an edge order key: "0article:a"');
  });

  it('sort a name with a character above U+FFFF after one with U+E000 to U+FFFF, where JavaScript sorts it before: the one gap', async () => {
    const nodes = [entity('\u{1F600} smile', 1), entity('\uFF01 bang', 2)];
    expect([...nodes].sort(compareNodes).map((n) => n.id)).toEqual(['person:p1', 'person:p2']);
    expect(await databaseOrder(nodes, nodeOrderKey)).toEqual(['person:p2', 'person:p1']);
  });
});

describe('db:import', () => {
  it('refuses, with file and path, a string the database cannot hold or that its order keys reserve', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-unstorable-'));
    try {
      cpSync(CONFORMANCE_DATA_DIR, dir, { recursive: true });
      const file = join(dir, 'entities', 'people.json');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace('"description": "Fixture person: transport chair', '"description": "Fixture\\u0000 person: transport chair')
          .replace('"aliases": ["Okafor"]', '"aliases": ["Oka\\u0001for"]'),
      );
      let thrown: unknown;
      try {
        readValidGraph(dir);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(GraphDataError);
      expect((thrown as GraphDataError).problems).toEqual([
        {
          file: 'entities/people.json',
          path: '$.entities[0].description',
          message: 'this string holds the character U+0000, which PostgreSQL cannot store in text',
        },
        {
          file: 'entities/people.json',
          path: '$.entities[1].aliases[0]',
          message: 'this string holds the control character U+0001, which the PostgreSQL store keeps for its order keys',
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Runs `check` on a database with the conformance fixture imported, over a pool and the served generation's schema; drops it after. */
async function withImportedFixture(name: string, check: (pool: Pool, schema: string, database: TestDatabase) => Promise<void>): Promise<void> {
  const database = await createTestDatabase(name, CONFORMANCE_DATA_DIR);
  const pool = new Pool({ connectionString: database.url });
  try {
    const [{ schema_name: schema }] = (await pool.query<{ schema_name: string }>('SELECT schema_name FROM newsgraph.graph_state')).rows;
    await check(pool, schema, database);
  } finally {
    await pool.end();
    await database.drop();
  }
}

describe('migration 003 on a generation imported before it', () => {
  it('gives it an empty fact table and fact counts of nothing, so its figures and quotes are facts of their own until the next import', () =>
    withImportedFixture('before_facts', async (pool, schema, database) => {
      // The database as it was before migration 003: the generation without its fact rows, the migration not recorded.
      await pool.query(`DROP TABLE ${schema}.fact_reports`);
      await pool.query(`DELETE FROM ${schema}.meta WHERE key = 'facts'`);
      await pool.query('DROP FUNCTION newsgraph.create_fact_tables(text)');
      await pool.query('DELETE FROM newsgraph.schema_migrations WHERE version = 3');
      expect(await migrateDatabase(pool)).toEqual([3]);
      const store = (await database.open()).current;
      expect(await store.getFactReports(['figure:bridge-vote/bridge-cost'])).toEqual([null]);
      expect(await store.getFactStats()).toEqual({
        byKind: [
          { kind: 'FIGURE', distinct: 0, shared: 0 },
          { kind: 'QUOTE', distinct: 0, shared: 0 },
        ],
      });
      // The next import matches them.
      await database.import(CONFORMANCE_DATA_DIR);
      const imported = (await database.open()).current;
      expect((await imported.getFactReports(['figure:bridge-vote/bridge-cost']))[0]?.factId).toBe('figure:bridge-vote/bridge-cost');
    }));
});

describe('migration 004 on a generation imported before it', () => {
  it('counts the lists of several hops as the import counts them, so claims(role: ANY) and the subject filter keep their totals', () =>
    withImportedFixture('before_unions', async (pool, schema) => {
      const unionRows = async () =>
        (await pool.query<{ list: string; count: number }>(`SELECT list, count FROM ${schema}.list_counts WHERE list LIKE '%,%' ORDER BY list`)).rows;
      const imported = await unionRows();
      // The claims Ada Quill makes (three, none about her) and those about the council (five, none by it).
      expect(imported).toContainEqual({ list: 'related|person:ada-quill|IN|ABOUT|CLAIM,OUT|CLAIMS|CLAIM', count: 3 });
      expect(imported).toContainEqual({ list: 'related|organization:marrow-bay-council|IN|ABOUT|CLAIM,OUT|CLAIMS|CLAIM', count: 5 });
      // The database as it was before migration 004: no counts of several hops, the migration not recorded.
      await pool.query(`DELETE FROM ${schema}.list_counts WHERE list LIKE '%,%'`);
      await pool.query('DELETE FROM newsgraph.schema_migrations WHERE version = 4');
      expect(await migrateDatabase(pool)).toEqual([4]);
      expect(await unionRows()).toEqual(imported);
    }));
});

describe('migration 005 on a generation imported before it', () => {
  it("moves each role's spans out of the role into their own column, as the import writes them", () =>
    withImportedFixture('before_role_spans', async (pool, schema) => {
      const roleRows = async () =>
        (await pool.query(`SELECT node_id, direction, position, role, spans FROM ${schema}.roles ORDER BY node_id, direction, position`)).rows;
      const imported = await roleRows();
      expect(imported).toContainEqual({
        node_id: 'person:ada-quill',
        direction: 'OUT',
        position: 0,
        role: { title: 'transport chair', personId: 'person:ada-quill', organizationId: 'organization:marrow-bay-council' },
        spans: [
          { articleId: 'article:bridge-vote', start: 89, end: 129 },
          { articleId: 'article:harbor-budget', start: 60, end: 100 },
        ],
      });
      // The database as it was before migration 005: the spans inside the role, no column of their own, the migration not recorded.
      await pool.query(`UPDATE ${schema}.roles SET role = role || jsonb_build_object('spans', spans)`);
      await pool.query(`ALTER TABLE ${schema}.roles DROP COLUMN spans`);
      await pool.query('DROP FUNCTION newsgraph.create_role_spans(text)');
      await pool.query('DELETE FROM newsgraph.schema_migrations WHERE version = 5');
      expect(await migrateDatabase(pool)).toEqual([5]);
      expect(await roleRows()).toEqual(imported);
    }));
});

describe('migration 006 on a generation imported before it', () => {
  it("keeps its incidences' own columns, now optional, so that reads and writes work on it until the next import", () =>
    withImportedFixture('before_slim_incidences', async (pool, schema, database) => {
      const store = (await database.open()).current;
      const page = { first: 50 };
      const edgeIds = async (current: typeof store) => {
        const found = (await current.getEdges([{ nodeId: 'person:ada-quill', direction: 'BOTH', page }]))[0];
        if (found instanceof Error) throw found;
        return found.items.map((edge) => edge.id);
      };
      const imported = await edgeIds(store);
      expect(imported).toContain('article:bridge-vote|person:ada-quill|HAS_ROLE_AT|organization:marrow-bay-council');
      // The database as it was before migration 006: incidences with the edge's id, other end and article, each required.
      await pool.query(`ALTER TABLE ${schema}.incidences ADD COLUMN edge_id text, ADD COLUMN other_id text, ADD COLUMN article_id text`);
      await pool.query(
        `UPDATE ${schema}.incidences x SET edge_id = ${edgeIdOfKeySql('x.ord')}, article_id = split_part(x.ord, E'\\x01', 1), other_id = ${otherEndSql('x')}`,
      );
      await pool.query(
        `ALTER TABLE ${schema}.incidences ALTER COLUMN edge_id SET NOT NULL, ALTER COLUMN other_id SET NOT NULL, ALTER COLUMN article_id SET NOT NULL`,
      );
      await pool.query(`DROP INDEX ${schema}.incidences_node_id_ord_direction_predicate_idx, ${schema}.incidences_node_id_predicate_direction_ord_idx`);
      await pool.query(`CREATE INDEX ON ${schema}.incidences (node_id, ord) INCLUDE (direction, predicate, edge_id, other_id)`);
      await pool.query(`CREATE INDEX ON ${schema}.incidences (node_id, predicate, direction, ord) INCLUDE (edge_id, other_id)`);
      await pool.query(`CREATE INDEX ON ${schema}.incidences (article_id)`);
      await pool.query('DROP FUNCTION newsgraph.slim_incidences(text)');
      await pool.query('DELETE FROM newsgraph.schema_migrations WHERE version = 6');
      expect(await migrateDatabase(pool)).toEqual([6]);
      const graph = await database.open();
      expect(await edgeIds(graph.current)).toEqual(imported);
      // A write fills the incidences it adds without the old columns, and removes those of the article it replaces.
      const { rows: before } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.incidences`);
      const file = join(CONFORMANCE_DATA_DIR, 'articles', 'bridge-vote.json');
      const article = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(await graph.putArticle('bridge-vote', { article: { ...article, headline: 'Bridge vote, headline changed' } })).toMatchObject({
        ok: true,
        created: false,
      });
      const { rows: after } = await pool.query<{ n: number; unfilled: number; unfilled_elsewhere: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE edge_id IS NULL)::int AS unfilled,
           count(*) FILTER (WHERE edge_id IS NULL AND split_part(ord, E'\\x01', 1) <> 'article:bridge-vote')::int AS unfilled_elsewhere
         FROM ${schema}.incidences`,
      );
      const { rows: written } = await pool.query<{ edges: number }>(
        `SELECT cardinality(edge_ids) AS edges FROM ${schema}.articles WHERE id = 'article:bridge-vote'`,
      );
      // The article's edges, each from both ends, are the rows written again; every other row is as imported.
      expect(written[0].edges).toBeGreaterThan(0);
      expect(after[0]).toEqual({ n: before[0].n, unfilled: 2 * written[0].edges, unfilled_elsewhere: 0 });
      expect(await edgeIds(graph.current)).toEqual(imported);
      await graph.close?.();
    }));
});

describe('a path step between two nodes joined both ways by one predicate', () => {
  it('is the first of those edges in edge order, the one that ends at the node it starts from, as in memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-both-ways-'));
    cpSync(CONFORMANCE_DATA_DIR, dir, { recursive: true });
    const text =
      'Estuary Ferry Company competes with Marrow Bay Council for harbor berths. Marrow Bay Council competes with Estuary Ferry Company for visitors.';
    const article = {
      id: 'article:aaa-rivals',
      headline: 'Sample report: two harbor rivals',
      text,
      entities: ['organization:estuary-ferry-company', 'organization:marrow-bay-council'],
      relations: [
        {
          predicate: 'COMPETES_WITH',
          from: 'organization:estuary-ferry-company',
          to: 'organization:marrow-bay-council',
          source: { exact: 'Estuary Ferry Company competes with Marrow Bay Council' },
        },
        {
          predicate: 'COMPETES_WITH',
          from: 'organization:marrow-bay-council',
          to: 'organization:estuary-ferry-company',
          source: { exact: 'Marrow Bay Council competes with Estuary Ferry Company' },
        },
      ],
    };
    writeFileSync(join(dir, 'articles', 'aaa-rivals.json'), JSON.stringify(article));
    const database = await createTestDatabase('both_ways', dir);
    try {
      const query = { fromId: 'organization:marrow-bay-council', toId: 'organization:estuary-ferry-company', maxHops: 1 };
      const memory = (await MemoryLiveGraph.open(dir)).current;
      const inMemory = await memory.findPath(query);
      expect(inMemory?.edges.map((e) => e.id)).toEqual(['article:aaa-rivals|organization:estuary-ferry-company|COMPETES_WITH|organization:marrow-bay-council']);
      expect(await (await database.open()).current.findPath(query)).toEqual(inMemory);
    } finally {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('db:migrate and db:import', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('commands');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('migrate once: a second run applies nothing, and each migration is recorded', async () => {
    const pool = new Pool({ connectionString: database.url });
    try {
      expect(await migrateDatabase(pool)).toEqual([]);
      const { rows } = await pool.query('SELECT version, name FROM newsgraph.schema_migrations ORDER BY version');
      expect(rows).toEqual(readMigrations().map(({ version, name }) => ({ version, name })));
    } finally {
      await pool.end();
    }
  });

  it('import nothing from a folder with problems, print every problem as the loader words it, and exit with code 1', () => {
    const dir = join(__dirname, '..', 'fixtures', 'several-problems');
    const { data, problems } = readGraphData(dir);
    const checked = validateGraphData(data, problems);
    if (checked.ok) throw new Error('the fixture has no problems');
    const run = spawnSync(process.execPath, [join(dirname(builtService()), 'db-import.js'), dir], {
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: 'utf8',
    });
    expect([run.status, run.stdout]).toEqual([1, '']);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `db:import found ${checked.problems.length} problem(s) in the graph data; nothing was imported:`,
      ...checked.problems.map((p) => `  ${formatProblem(p)}`),
    ]);
  });
});
