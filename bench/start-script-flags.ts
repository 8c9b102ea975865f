import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Node.js flags `npm start` runs the service with (package.json's start script), so that benchmarks and tests run it as deployed. */
export function startScriptNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const match = /\bnode((?: --[^\s]+)*) dist\/src\/main\.js/.exec(start);
  if (!match) throw new Error(`cannot read the service's node flags from the start script: ${start}`);
  return match[1].trim().split(' ').filter(Boolean);
}
