import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import articleSchema from '../../graph-data/schema/article.schema.json';
import entitiesSchema from '../../graph-data/schema/entities.schema.json';
import { type DataProblem, pointerToPath } from './data-problem';
import type { ParsedFile, RawArticle, RawEntitiesFile, RawGraphData } from './raw-data';

const ajv = new Ajv({ allErrors: true, strict: true });
const validateArticleFile = ajv.compile<RawArticle>(articleSchema);
const validateEntitiesFile = ajv.compile<RawEntitiesFile>(entitiesSchema);

/** Lists the `.json` files under `dir`, recursively, in a stable (sorted) order. */
function listJsonFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...listJsonFiles(full));
    else if (name.endsWith('.json')) found.push(full);
  }
  return found;
}

/** Says where in the source a JSON.parse error happened, as `line L, column C`. */
function describeParseError(source: string, error: Error): string {
  const at = /at position (\d+)/.exec(error.message);
  if (!at) return error.message;
  const position = Number(at[1]);
  const before = source.slice(0, position).split('\n');
  const reason = error.message.replace(/ in JSON at position \d+.*$/, '');
  return `invalid JSON at line ${before.length}, column ${before[before.length - 1].length + 1}: ${reason}`;
}

function schemaMessage(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown property ${JSON.stringify(error.params.additionalProperty)}`;
    case 'required':
      return `missing required property ${JSON.stringify(error.params.missingProperty)}`;
    case 'enum':
      return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? error.keyword;
  }
}

function readFolder<T>(
  root: string,
  folder: string,
  validate: ValidateFunction<T>,
  hash: ReturnType<typeof createHash>,
  problems: DataProblem[],
): ParsedFile<T>[] {
  const dir = join(root, folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push({ file: `${folder}/`, path: '$', message: `missing folder: the data directory must have a "${folder}" folder` });
    return [];
  }
  const parsed: ParsedFile<T>[] = [];
  for (const full of listJsonFiles(dir)) {
    const file = relative(root, full).split(sep).join('/');
    const source = readFileSync(full, 'utf8');
    hash.update(file).update('\0').update(source).update('\0');
    let content: unknown;
    try {
      content = JSON.parse(source);
    } catch (error) {
      problems.push({ file, path: '$', message: describeParseError(source, error as Error) });
      continue;
    }
    if (!validate(content)) {
      for (const error of validate.errors ?? []) {
        problems.push({ file, path: pointerToPath(error.instancePath), message: schemaMessage(error) });
      }
      continue;
    }
    parsed.push({ file, content: content as T });
  }
  return parsed;
}

/**
 * Reads and schema-checks every data file under `root` (`entities/**.json`
 * and `articles/**.json`). Files that fail are left out and their problems
 * returned, so that cross-file rules can still be checked on the rest and
 * every problem reported at once.
 */
export function readGraphData(root: string): { data: RawGraphData; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const hash = createHash('sha256');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    problems.push({ file: root, path: '$', message: 'the graph data directory does not exist' });
    return { data: { entityFiles: [], articleFiles: [], digest: '' }, problems };
  }
  const entityFiles = readFolder(root, 'entities', validateEntitiesFile, hash, problems);
  const articleFiles = readFolder(root, 'articles', validateArticleFile, hash, problems);
  return { data: { entityFiles, articleFiles, digest: hash.digest('hex').slice(0, 16) }, problems };
}
