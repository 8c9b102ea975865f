import { Pool } from 'pg';
import { readMigrations } from '../../src/postgres';
import { FIGURE_FIXTURES } from '../fixtures/figure-fixtures';
import { fixtureFolders } from '../helpers/graph-fixture';
import { type GraphTestServer, startGraphTestServer } from '../helpers/graph-test-server';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres-test-database';

const FIGURES = `{
  figures(filter: { articleId: "article:lighthouse" }, first: 10) {
    nodes {
      id value minValue maxValue unit unitKind counted qualifier
      change { direction value unit qualifier basis }
      span { text }
    }
  }
}`;

const EXPECTED = {
  figures: {
    nodes: [
      {
        id: 'figure:lighthouse/restoration-cost',
        value: null,
        minValue: 2_000_000,
        maxValue: 3_000_000,
        unit: 'USD',
        unitKind: 'MONEY',
        counted: null,
        qualifier: null,
        change: null,
        span: { text: 'between 2 million and 3 million dollars' },
      },
      {
        id: 'figure:lighthouse/harbor-fund',
        value: 48_390_000_000,
        minValue: null,
        maxValue: null,
        unit: 'USD',
        unitKind: 'MONEY',
        counted: null,
        qualifier: null,
        change: { direction: 'UP', value: 21, unit: 'percent', qualifier: null, basis: 'YEAR_OVER_YEAR' },
        span: { text: 'rose 21% year over year to $48.39 billion' },
      },
      {
        id: 'figure:lighthouse/winter-visits',
        value: null,
        minValue: null,
        maxValue: null,
        unit: 'percent',
        unitKind: 'PERCENT',
        counted: null,
        qualifier: null,
        change: { direction: 'DOWN', value: 17, unit: 'percent', qualifier: null, basis: null },
        span: { text: 'tank 17%' },
      },
      {
        id: 'figure:lighthouse/harbor-spending',
        value: 6_000_000,
        minValue: null,
        maxValue: null,
        unit: 'USD',
        unitKind: 'MONEY',
        counted: null,
        qualifier: 'LESS_THAN',
        change: null,
        span: { text: 'less than $6 million' },
      },
      {
        id: 'figure:lighthouse/budget-share',
        value: 2,
        minValue: null,
        maxValue: null,
        unit: 'percent',
        unitKind: 'PERCENT',
        counted: null,
        qualifier: 'NEARLY',
        change: null,
        span: { text: 'nearly 2%' },
      },
      {
        id: 'figure:lighthouse/repair-time',
        value: 2,
        minValue: null,
        maxValue: null,
        unit: 'month',
        unitKind: 'DURATION',
        counted: null,
        qualifier: null,
        change: null,
        span: { text: 'two months' },
      },
      {
        id: 'figure:lighthouse/volunteers',
        value: 40,
        minValue: null,
        maxValue: null,
        unit: 'count',
        unitKind: 'COUNT',
        counted: 'volunteers',
        qualifier: 'ABOUT',
        change: null,
        span: { text: 'About 40 volunteers' },
      },
    ],
  },
};

describe("a figure's qualifier, change and unit kind, through GraphQL on the in-memory and the PostgreSQL store", () => {
  const fixtures = fixtureFolders(FIGURE_FIXTURES);
  let database: TestDatabase;
  let memory: GraphTestServer;
  let postgres: GraphTestServer;

  beforeAll(async () => {
    const dir = fixtures.dir('figures-that-agree');
    database = await createTestDatabase('figures', dir);
    memory = await startGraphTestServer(dir);
    postgres = await startGraphTestServer(dir, await database.open());
  });

  afterAll(async () => {
    await memory?.stop();
    await postgres?.stop();
    await database?.drop();
    fixtures.remove();
  });

  it('answers every figure of the article with the fields its words give, from memory', async () => {
    expect(await memory.run(FIGURES)).toEqual({ data: EXPECTED });
  });

  it('answers the same from PostgreSQL', async () => {
    expect(await postgres.run(FIGURES)).toEqual({ data: EXPECTED });
  });

  it('migration 002 gives a figure stored without the new fields each of them as null, and leaves a figure that has them alone', async () => {
    const pool = new Pool({ connectionString: database.url, max: 1 });
    try {
      const { rows: state } = await pool.query<{ schema_name: string }>('SELECT schema_name FROM newsgraph.graph_state');
      const nodes = `${state[0].schema_name}.nodes`;
      // A figure as an import before the migration wrote it, beside one written since.
      await pool.query(`UPDATE ${nodes} SET node = node - 'counted' - 'qualifier' - 'change' WHERE id = 'figure:lighthouse/restoration-cost'`);
      await pool.query(readMigrations().find((m) => m.version === 2)!.sql);
      const { rows } = await pool.query<{ id: string; fields: unknown }>(
        `SELECT id, jsonb_build_array(node ? 'counted', node ? 'qualifier', node ? 'change', node->'qualifier') AS fields FROM ${nodes}
         WHERE id IN ('figure:lighthouse/restoration-cost', 'figure:lighthouse/harbor-spending') ORDER BY id`,
      );
      expect(rows).toEqual([
        { id: 'figure:lighthouse/harbor-spending', fields: [true, true, true, 'LESS_THAN'] },
        { id: 'figure:lighthouse/restoration-cost', fields: [true, true, true, null] },
      ]);
    } finally {
      await pool.end();
    }
  });
});
