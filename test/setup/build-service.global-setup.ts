import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildWeb } from '../../web/build-web';

const ROOT = join(__dirname, '..', '..');

/** The variable through which the tests learn where the service built for this run is. */
export const BUILT_SERVICE_VARIABLE = 'NEWSGRAPH_TEST_BUILT_MAIN';

/**
 * tsc's exit status when it found type errors but wrote every output anyway
 * (ExitStatus.DiagnosticsPresent_OutputsGenerated): the tests only transpile
 * too, and `npm run typecheck` reports the errors.
 */
const BUILT_WITH_TYPE_ERRORS = 2;

/**
 * Jest global setup: builds the service once, as `npm run build` does
 * (`tsc -p tsconfig.build.json`, into dist/), so that the tests that run it
 * as a process start `node dist/src/main.js` without compiling at each start,
 * and its web pages (into dist/web/, skipped when their sources are
 * unchanged), which the HTTP and browser tests load.
 * The path is handed to them in NEWSGRAPH_TEST_BUILT_MAIN, set only once the
 * build has written its files: a test never starts a build left over from
 * earlier.
 */
export default async function buildService(): Promise<void> {
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const { status, stdout, stderr } = error as { status?: number; stdout?: Buffer; stderr?: Buffer };
    const output = `${stdout ?? ''}${stderr ?? ''}`;
    if (status !== BUILT_WITH_TYPE_ERRORS) throw new Error(`the service does not build (tsc -p tsconfig.build.json):\n${output}`);
    process.stderr.write(`The service was built with type errors (npm run typecheck lists them); the tests run it as built.\n${output}`);
  }
  process.env[BUILT_SERVICE_VARIABLE] = join(ROOT, 'dist', 'src', 'main.js');
  await buildWeb();
}
