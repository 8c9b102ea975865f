import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { BUILT_SERVICE_VARIABLE } from '../setup/build-service.global-setup';
import type { LogLine } from './http-service';

const ROOT = join(__dirname, '..', '..');

/** The service built by the test run's global setup (test/setup/build-service.global-setup.ts): dist/src/main.js. */
export function builtService(): string {
  const main = process.env[BUILT_SERVICE_VARIABLE];
  if (!main) throw new Error(`${BUILT_SERVICE_VARIABLE} is not set: run the tests with jest, whose global setup builds the service`);
  return main;
}

/** The built service run as `node [nodeFlags] dist/src/main.js` in a child process, with its log lines parsed as they come. */
export function spawnService(
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): {
  child: ChildProcess;
  lines: LogLine[];
  exited: Promise<number | null>;
  waitFor(match: (line: LogLine) => boolean): Promise<LogLine>;
} {
  const child = spawn(process.execPath, [...nodeFlags, builtService()], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let end: number;
    while ((end = buffered.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffered.slice(0, end)) as LogLine;
      buffered = buffered.slice(end + 1);
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.match(line))) waiter.resolve(line);
    }
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    exited: exited.then((code) => {
      if (stderr) lines.push({ stderr });
      return code;
    }),
    waitFor: (match) => {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then(() => reject(new Error(`the service exited before the awaited line; log: ${JSON.stringify(lines)}\n${stderr}`)));
      });
    },
  };
}
