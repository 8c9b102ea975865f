import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The variable through which the tests learn where the service built for this run is. */
export const BUILT_SERVICE_VARIABLE = 'NEWSGRAPH_TEST_BUILT_MAIN';

/**
 * Jest global setup: builds the service once, as `npm run build` does
 * (`tsc -p tsconfig.build.json`, into dist/), so that the tests that run it
 * as a process start `node dist/src/main.js` without compiling at each start.
 * The path is handed to them in NEWSGRAPH_TEST_BUILT_MAIN, set only once the
 * build has succeeded: a test never starts a build left over from earlier.
 */
export default function buildService(): void {
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`the service does not build (tsc -p tsconfig.build.json):\n${stdout ?? ''}${stderr ?? ''}`);
  }
  process.env[BUILT_SERVICE_VARIABLE] = join(ROOT, 'dist', 'src', 'main.js');
}
