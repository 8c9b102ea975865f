import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { printParseErrorCode, visit } from 'jsonc-parser';
import articleSchema from '../../graph-data/schema/article.schema.json';
import entitiesSchema from '../../graph-data/schema/entities.schema.json';
import { type DataProblem, pointerToPath } from './data-problem';
import type { ParsedFile, RawArticle, RawEntitiesFile, RawGraphData } from './raw-data';
import { fileDigest } from './version-digest';

const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
const validateArticleFile = ajv.compile<RawArticle>(articleSchema);
const validateEntitiesFile = ajv.compile<RawEntitiesFile>(entitiesSchema);

/** Lists the files under `dir` that `keep` accepts, recursively, in a stable (sorted) order; hidden files are skipped. */
function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    // A link to nothing is listed as a file, so that reading it reports the problem.
    const isDirectory = (() => {
      try {
        return statSync(full).isDirectory();
      } catch {
        return false;
      }
    })();
    if (isDirectory) found.push(...listFiles(full, keep));
    else if (keep(name)) found.push(full);
  }
  return found;
}

const listJsonFiles = (dir: string) => listFiles(dir, (name) => name.endsWith('.json'));
const listOtherFiles = (dir: string) => listFiles(dir, (name) => !name.endsWith('.json'));

/**
 * Says where and why a file is not valid JSON, as `line L, column C`.
 * JSON.parse does not always give a position, so the file is scanned again
 * with jsonc-parser (in strict mode), which does.
 */
function describeParseError(source: string): string {
  if (source.trim() === '') return 'the file is empty; it must hold a JSON object';
  let first: { code: string; offset: number; line: number; column: number } | undefined;
  visit(
    source,
    {
      onError: (error, offset, _length, line, column) => {
        first ??= { code: printParseErrorCode(error), offset, line: line + 1, column: column + 1 };
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  if (!first) return 'invalid JSON';
  const before = source.slice(0, first.offset).trimEnd();
  if (before.endsWith(',') && /^\s*[\]}]/.test(source.slice(first.offset))) {
    // Point at the comma itself, not at the bracket the parser stopped on.
    const lines = before.split('\n');
    const closing = source.slice(first.offset).trimStart()[0];
    return `invalid JSON at line ${lines.length}, column ${lines[lines.length - 1].length}: a comma before "${closing}": JSON allows no trailing comma`;
  }
  const reason = `a ${first.code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/ expected$/, ' is expected')} here`;
  return `invalid JSON at line ${first.line}, column ${first.column}: ${reason}`;
}

function schemaMessage(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown property ${JSON.stringify(error.params.additionalProperty)}`;
    case 'required':
      return `missing required property ${JSON.stringify(error.params.missingProperty)}`;
    case 'enum':
      return `${JSON.stringify(error.data)} is not allowed; must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? error.keyword;
  }
}

function readFolder<T>(
  root: string,
  folder: string,
  validate: ValidateFunction<T>,
  digests: [string, string][],
  problems: DataProblem[],
  rejected: unknown[],
  unreadable: string[],
): ParsedFile<T>[] {
  const dir = join(root, folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push({ file: `${folder}/`, path: '$', message: `missing folder: the data directory must have a folder named "${folder}"` });
    return [];
  }
  for (const full of listOtherFiles(dir)) {
    problems.push({ file: relative(root, full).split(sep).join('/'), path: '$', message: 'not a data file: only files ending in ".json" belong here; rename or move it' });
  }
  const parsed: ParsedFile<T>[] = [];
  for (const full of listJsonFiles(dir)) {
    const file = relative(root, full).split(sep).join('/');
    let source: string;
    try {
      // A byte-order mark is an editor's habit, not an error: drop it.
      source = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      problems.push({ file, path: '$', message: `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
      unreadable.push(file);
      continue;
    }
    digests.push([file, fileDigest(file, source)]);
    let content: unknown;
    try {
      content = JSON.parse(source);
    } catch {
      problems.push({ file, path: '$', message: describeParseError(source) });
      unreadable.push(file);
      continue;
    }
    if (!validate(content)) {
      for (const error of validate.errors ?? []) {
        problems.push({ file, path: pointerToPath(error.instancePath), message: schemaMessage(error) });
      }
      rejected.push(content);
      continue;
    }
    parsed.push({ file, content: content as T });
  }
  return parsed;
}

/** Ids of the entities in files that failed the schema, so their references are not also reported as unknown. */
function idsIn(rejected: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const content of rejected) {
    const entities = (content as { entities?: unknown } | null)?.entities;
    if (!Array.isArray(entities)) continue;
    for (const entity of entities) {
      const id = (entity as { id?: unknown } | null)?.id;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}

/**
 * Reads and schema-checks every data file under `root` (`entities/**.json`
 * and `articles/**.json`). Files that fail are left out and their problems
 * returned, so that cross-file rules can still be checked on the rest and
 * every problem reported at once.
 */
export function readGraphData(root: string): { data: RawGraphData; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const digests: [string, string][] = [];
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    problems.push({ file: root, path: '$', message: 'the graph data directory does not exist' });
    return { data: { entityFiles: [], articleFiles: [], fileDigests: [], unverifiedEntityIds: new Set(), unreadableEntityFiles: [] }, problems };
  }
  const rejectedEntityFiles: unknown[] = [];
  const unreadableEntityFiles: string[] = [];
  const entityFiles = readFolder(root, 'entities', validateEntitiesFile, digests, problems, rejectedEntityFiles, unreadableEntityFiles);
  const articleFiles = readFolder(root, 'articles', validateArticleFile, digests, problems, [], []);
  return {
    data: {
      entityFiles,
      articleFiles,
      fileDigests: digests,
      unverifiedEntityIds: idsIn(rejectedEntityFiles),
      unreadableEntityFiles,
    },
    problems,
  };
}
