import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import articleSchema from '../../graph-data/schema/article.schema.json';
import entitiesSchema from '../../graph-data/schema/entities.schema.json';
import { validateArticleFile, validateEntitiesFile } from '../../src/graph/graph-data-validators';
import { printGraphDataValidators, VALIDATORS_FILE } from '../../src/print-validators';
import { CONFORMANCE_DATA_DIR } from '../store/graph-store-conformance';

/** Broken files of each kind: wrong types, missing and unknown properties, bad ids, empty strings and lists. */
const BROKEN_ARTICLES: unknown[] = [
  {},
  { id: 'lighthouse', headline: 7, text: '', entities: 'person:dana-whitfield', extra: true },
  {
    id: 'article:lighthouse',
    headline: 'Sample',
    text: 'Sample text.',
    entities: ['person:dana-whitfield', 'person:dana-whitfield'],
    quotes: [{ id: 'q', speaker: 3, text: '' }],
    figures: [{ id: 'figure:lighthouse/x', value: 'many', unit: '' }],
  },
];
const BROKEN_ENTITIES: unknown[] = [
  { entities: [{ id: 'person:x', type: 'Dog', name: '' }] },
  { entities: [{ id: 'x', type: 'Person', name: 'X', aliases: [1], wikidataId: 'Q' }], more: 1 },
  [],
];

describe('the graph-data validators compiled ahead of time', () => {
  it('are the code `npm run schema` writes from the schemas', () => {
    expect(readFileSync(VALIDATORS_FILE, 'utf8')).toBe(printGraphDataValidators());
  });

  it('accept every file of a valid graph-data folder', () => {
    const read = (folder: string) =>
      readdirSync(join(CONFORMANCE_DATA_DIR, folder)).map((name) => JSON.parse(readFileSync(join(CONFORMANCE_DATA_DIR, folder, name), 'utf8')));
    const [articles, entities] = [read('articles'), read('entities')];
    expect([articles.length, entities.length]).toEqual([3, 3]);
    expect([...articles.map((article) => validateArticleFile(article)), ...entities.map((file) => validateEntitiesFile(file))]).not.toContain(false);
  });

  it('accept and refuse what Ajv compiling the schemas at run time does, with the same errors', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
    const cases: [(data: unknown) => boolean, (data: unknown) => boolean, unknown[]][] = [
      [validateArticleFile, ajv.compile(articleSchema), BROKEN_ARTICLES],
      [validateEntitiesFile, ajv.compile(entitiesSchema), BROKEN_ENTITIES],
    ];
    for (const [compiled, atRunTime, documents] of cases) {
      for (const document of documents) {
        expect([compiled(document), atRunTime(document)]).toEqual([false, false]);
        const errors = (compiled as unknown as { errors: unknown[] }).errors;
        expect(errors.length).toBeGreaterThan(0);
        expect(errors).toEqual((atRunTime as unknown as { errors: unknown[] }).errors);
      }
    }
  });
});
