import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Node.js flags an npm script of package.json runs `script` (a path under the project) with, so that benchmarks and tests run it as the script does. */
export function scriptNodeFlags(name: string, script: string): string[] {
  const command = (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[name];
  const match = new RegExp(`\\bnode((?: --[^\\s]+)*) (?:-r [^\\s]+ )*${script.replaceAll('.', '\\.')}`).exec(command ?? '');
  if (!match) throw new Error(`cannot read the node flags of ${script} from the ${name} script: ${command}`);
  return match[1].trim().split(' ').filter(Boolean);
}

/** The Node.js flags `npm start` runs the service with (package.json's start script), so that benchmarks and tests run it as deployed. */
export function startScriptNodeFlags(): string[] {
  return scriptNodeFlags('start', 'dist/src/main.js');
}
