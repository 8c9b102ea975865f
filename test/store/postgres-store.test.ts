import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { GraphDataError } from '../../src/graph';
import { articleOrder, entityOrder, itemOrder } from '../../src/graph/order-keys';
import { readValidGraph, toDatabaseOrder } from '../../src/postgres';
import { createTestDatabase, TEST_DATABASE_URL } from '../helpers/postgres-test-database';
import { CONFORMANCE_DATA_DIR, describeGraphStoreConformance } from './graph-store-conformance';

describeGraphStoreConformance('PostgresGraphStore', async (dataDir) => {
  const database = await createTestDatabase('conformance', dataDir);
  const graph = await database.open();
  return { store: graph.current, close: () => database.drop() };
});

describe('order keys in PostgreSQL', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
  });

  /** The keys as the database orders them under COLLATE "C", given back in the graph's form. */
  const databaseOrder = async (keys: readonly string[]) =>
    (await client.query<{ key: string }>('SELECT key FROM unnest($1::text[]) AS key ORDER BY key COLLATE "C"', [keys.map(toDatabaseOrder)])).rows.map((row) => row.key.replaceAll('\u0001', '\u0000'));
  const javaScriptOrder = (keys: readonly string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  it('sort as JavaScript compares strings, for ids, offsets, the end-of-name mark and names in every script below U+E000', async () => {
    const names = ['ada quill', 'ada', 'adam', 'zoë', 'zoe', 'émile', 'ß-bank', 'Ōsaka'.toLowerCase(), 'москва', '東京', 'ab-c', 'ab c', 'ab', 'a1', 'a-'];
    const keys = [
      ...names.map((name, i) => entityOrder(name, `person:p${i}`)),
      articleOrder('article:a'),
      articleOrder('article:a-b'),
      itemOrder('article:a', 5, 9, 'CLAIM', 'claim:a/x'),
      itemOrder('article:a-b', 0, 3, 'QUOTE', 'quote:a-b/y'),
      itemOrder('article:a', 10, 12, 'FIGURE', 'figure:a/z'),
    ];
    expect(await databaseOrder(keys)).toEqual(javaScriptOrder(keys));
  });

  it('sort a character above U+FFFF after U+E000 to U+FFFF, where JavaScript sorts it before: the one gap', async () => {
    const keys = [entityOrder('\u{1F600} smile', 'topic:smile'), entityOrder('\uFF01 bang', 'topic:bang')];
    expect(javaScriptOrder(keys)).toEqual([keys[0], keys[1]]);
    expect(await databaseOrder(keys)).toEqual([keys[1], keys[0]]);
  });
});

describe('db:import', () => {
  it('refuses, with file and path, a string the database cannot hold or that its order keys reserve', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-unstorable-'));
    try {
      cpSync(CONFORMANCE_DATA_DIR, dir, { recursive: true });
      const file = join(dir, 'entities', 'people.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"description": "Fixture person: transport chair', '"description": "Fixture\\u0000 person: transport chair').replace('"aliases": ["Okafor"]', '"aliases": ["Oka\\u0001for"]'));
      let thrown: unknown;
      try {
        readValidGraph(dir);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(GraphDataError);
      expect((thrown as GraphDataError).problems).toEqual([
        { file: 'entities/people.json', path: '$.entities[0].description', message: 'this string holds the character U+0000, which PostgreSQL cannot store in text' },
        { file: 'entities/people.json', path: '$.entities[1].aliases[0]', message: 'this string holds the control character U+0001, which the PostgreSQL store keeps for its order keys' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
