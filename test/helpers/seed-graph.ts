import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphDataCopy } from './http-graph-data';

/**
 * The tests' own copy of the seed graph: the bundled graph-data as it was
 * with only the seed article (test/fixtures/seed-graph). Tests that assert
 * exact counts and answers run on it, so that an article added to
 * graph-data/ changes none of them.
 */
export const SEED_GRAPH_DIR = join(__dirname, '..', 'fixtures', 'seed-graph');

/** Copies the seed graph into a fresh temporary folder, for a test that changes the data. */
export function copySeedGraph(): GraphDataCopy {
  const dir = join(mkdtempSync(join(tmpdir(), 'newsgraph-seed-')), 'graph-data');
  cpSync(SEED_GRAPH_DIR, dir, { recursive: true });
  return { dir, remove: () => rmSync(join(dir, '..'), { recursive: true, force: true }) };
}
