import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_GRAPH_DATA_DIR } from '../../src/config';

/** A writable copy of the bundled graph data in a temporary folder. */
export interface GraphDataCopy {
  readonly dir: string;
  remove(): void;
}

/** Copies the bundled graph-data (with its schema folder) into a fresh temporary folder. */
export function copyGraphData(): GraphDataCopy {
  const dir = join(mkdtempSync(join(tmpdir(), 'newsgraph-http-')), 'graph-data');
  cpSync(BUNDLED_GRAPH_DATA_DIR, dir, { recursive: true });
  return { dir, remove: () => rmSync(join(dir, '..'), { recursive: true, force: true }) };
}
