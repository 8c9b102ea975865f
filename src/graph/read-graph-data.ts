import { isUtf8 } from 'node:buffer';
import { lstatSync, promises as fs, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { types } from 'node:util';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { printParseErrorCode, visit } from 'jsonc-parser';
import { type DataProblem, pointerToPath } from './data-problem';
import { type CheckableArticle, NOTHING_LEFT_OUT, type ParsedFile, type RawArticle, type RawEntitiesFile, type RawGraphData } from './raw-data';
import type { SliceOptions } from './time-slices';
import { fileDigest } from './version-digest';
import * as compiled from './graph-data-validators';

// The schemas' validators, compiled ahead of time by Ajv (`npm run schema`).
const validateArticleFile = compiled.validateArticleFile as ValidateFunction<RawArticle>;
const validateEntitiesFile = compiled.validateEntitiesFile as ValidateFunction<RawEntitiesFile>;

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
  const reason = `a ${first.code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/ expected$/, ' is expected')} here`;
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

/**
 * The problems of a data file's parsed content against its JSON Schema (an
 * article, or an entities file), each with the file and a JSON path; empty
 * when it matches.
 */
export function schemaProblems(kind: 'article' | 'entities', content: unknown, file: string): DataProblem[] {
  const validate = kind === 'article' ? validateArticleFile : validateEntitiesFile;
  if (validate(content)) return [];
  return (validate.errors ?? []).map((error) => ({ file, path: pointerToPath(error.instancePath), message: schemaMessage(error) }));
}

/** The lists of an article whose items may be left out one by one when they fail the schema. */
const ITEM_LISTS = ['quotes', 'claims', 'figures', 'relations'] as const;

/** Properties of an article that everything else is checked against: when one fails the schema, the article is left out whole. */
const CORE_PROPERTIES = new Set(['id', 'text', 'entities']);

/**
 * Checks an article file's content against its JSON Schema and, when it
 * fails, keeps what can still be checked across files: the quotes, claims,
 * figures and relations that failed (and properties such as a bad
 * `headline`) are left out, and the keys of those left out are named, so
 * that references to them are not reported again. The article is left out
 * whole only when its `id`, `text` or `entities` fail, since every other
 * check rests on them.
 */
export function checkArticleSchema(content: unknown, file: string): { problems: DataProblem[]; checkable?: CheckableArticle } {
  if (validateArticleFile(content)) return { problems: [], checkable: { article: content, leftOut: NOTHING_LEFT_OUT } };
  const errors = validateArticleFile.errors ?? [];
  const problems = errors.map((error) => ({ file, path: pointerToPath(error.instancePath), message: schemaMessage(error) }));
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return { problems };
  const kept: Record<string, unknown> = { ...(content as Record<string, unknown>) };
  const dropped = new Map<string, Set<number>>();
  for (const error of errors) {
    const [property, index] = error.instancePath.split('/').slice(1);
    if (property === undefined) {
      const missing = error.keyword === 'required' ? (error.params.missingProperty as string) : undefined;
      if (missing !== undefined && CORE_PROPERTIES.has(missing)) return { problems };
      if (error.keyword === 'additionalProperties') delete kept[error.params.additionalProperty as string];
      else if (missing === undefined) return { problems };
    } else if (CORE_PROPERTIES.has(property)) {
      return { problems };
    } else if ((ITEM_LISTS as readonly string[]).includes(property) && index !== undefined) {
      const indexes = dropped.get(property) ?? new Set<number>();
      indexes.add(Number(index));
      dropped.set(property, indexes);
    } else {
      delete kept[property];
    }
  }
  const items = { quotes: new Set<number>(), claims: new Set<number>(), figures: new Set<number>(), relations: new Set<number>() };
  const keys = { quotes: new Set<string>(), claims: new Set<string>(), figures: new Set<string>(), relations: new Set<string>() };
  const unnamed = { quotes: false, claims: false, figures: false, relations: false };
  // Checked without the items left out; handed on with them, skipped by index, so that the others keep their JSON paths.
  const pruned: Record<string, unknown> = { ...kept };
  for (const list of ITEM_LISTS) {
    const listed = kept[list];
    if (Array.isArray(listed)) {
      for (const i of dropped.get(list) ?? []) {
        items[list].add(i);
        const key = (listed[i] as { key?: unknown } | null)?.key;
        if (typeof key === 'string') keys[list].add(key);
        else unnamed[list] = true;
      }
      pruned[list] = listed.filter((_, i) => !items[list].has(i));
    } else if (listed !== undefined) {
      delete kept[list];
      delete pruned[list];
      unnamed[list] = true;
    }
  }
  // What is kept must match the schema (a headline left out stood for by one that does); if it does not, nothing is checked further.
  if (!validateArticleFile({ headline: 'left out', ...pruned })) return { problems };
  return {
    problems,
    checkable: {
      article: kept as unknown as RawArticle,
      leftOut: { items, quoteKeys: keys.quotes, claimKeys: keys.claims, someQuoteUnnamed: unnamed.quotes, someClaimUnnamed: unnamed.claims },
    },
  };
}

/** A file-system question of the reading (see `readGraphDataSliced`), answered by a driver with node:fs, at once or asynchronously. */
type FsQuestion =
  | { readonly op: 'lstat' | 'stat'; readonly path: string }
  | { readonly op: 'realpath'; readonly path: string }
  | { readonly op: 'readdir'; readonly path: string }
  | { readonly op: 'read'; readonly path: string };

/** The answer to a question: a Stats, a path, names or bytes, or the error it failed with. */
type FsAnswer = Stats | string | string[] | Buffer | NodeJS.ErrnoException;

type Reading<T> = Generator<FsQuestion, T, FsAnswer>;

function failed(answer: FsAnswer): answer is NodeJS.ErrnoException {
  // Not instanceof: node:fs's errors may come from another realm (a test runner's sandbox).
  return types.isNativeError(answer);
}

/** Largest data file read, in bytes, unless told otherwise. */
export const DEFAULT_MAX_DATA_FILE_BYTES = 16 * 1024 * 1024;

/** Options of reading a data folder. */
export interface ReadOptions {
  /** Largest data file read, in bytes; a larger one is a problem, and is not read. Default 16 MiB. */
  readonly maxFileBytes?: number;
}

/** What a special file is, for a problem that names it. */
function specialKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** The offset of the first byte of `bytes` that is not part of valid UTF-8 (there is one). */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i + k;
    // Overlong forms, surrogates and code points past U+10FFFF.
    if (
      (b === 0xe0 && bytes[i + 1] < 0xa0) ||
      (b === 0xed && bytes[i + 1] >= 0xa0) ||
      (b === 0xf0 && bytes[i + 1] < 0x90) ||
      (b === 0xf4 && bytes[i + 1] >= 0x90)
    )
      return i + 1;
    i += length;
  }
  return bytes.length;
}

/** A file or folder found under a data folder. */
interface Found {
  /** Path relative to the data directory, with "/" separators. */
  readonly file: string;
  readonly full: string;
}

/**
 * Lists a folder recursively in a stable (sorted) order, hidden names
 * skipped: the files ending in ".json", and problems for everything that is
 * not one (other files, pipes, sockets, devices, links that leave the data
 * directory, links that loop). Nothing is opened to find out what it is.
 */
function* listFolder(root: string, rootReal: string, dir: string, problems: DataProblem[], visited: Set<string>): Reading<Found[]> {
  const found: Found[] = [];
  const names = yield { op: 'readdir', path: dir };
  if (failed(names)) {
    problems.push({ file: `${relative(root, dir).split(sep).join('/')}/`, path: '$', message: `the folder cannot be read (${names.code ?? names.message})` });
    return found;
  }
  for (const name of (names as string[]).sort()) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    const file = relative(root, full).split(sep).join('/');
    const link = yield { op: 'lstat', path: full };
    let target = full;
    if (!failed(link) && (link as Stats).isSymbolicLink()) {
      const real = yield { op: 'realpath', path: full };
      if (failed(real)) {
        // A link to nothing is listed as a file, so that reading it reports the problem.
        if (name.endsWith('.json')) found.push({ file, full });
        else problems.push({ file, path: '$', message: 'not a data file: only files ending in ".json" belong here; rename or move it' });
        continue;
      }
      if (real !== rootReal && !(real as string).startsWith(rootReal + sep)) {
        problems.push({
          file,
          path: '$',
          message: `a link to ${real as string}, outside the data directory: links must point inside it; copy the file in instead`,
        });
        continue;
      }
      target = real as string;
    }
    const stats = yield { op: 'stat', path: target };
    if (failed(stats)) {
      if (name.endsWith('.json')) found.push({ file, full });
      else problems.push({ file, path: '$', message: `not a data file: it cannot be read (${stats.code ?? stats.message})` });
      continue;
    }
    if ((stats as Stats).isDirectory()) {
      const real = yield { op: 'realpath', path: target };
      const key = failed(real) ? target : (real as string);
      if (visited.has(key)) {
        problems.push({
          file,
          path: '$',
          message: `a link to a folder already read (${relative(root, key).split(sep).join('/') || '.'}): it makes a loop; remove the link`,
        });
        continue;
      }
      visited.add(key);
      found.push(...(yield* listFolder(root, rootReal, full, problems, visited)));
    } else if (!(stats as Stats).isFile()) {
      problems.push({
        file,
        path: '$',
        message: `${specialKind(stats as Stats)}, not a regular file: only regular files ending in ".json" belong here; remove it`,
      });
    } else if (!name.endsWith('.json')) {
      problems.push({ file, path: '$', message: 'not a data file: only files ending in ".json" belong here; rename or move it' });
    } else {
      found.push({ file, full });
    }
  }
  return found;
}

function* readFolder<T>(
  root: string,
  rootReal: string,
  folder: string,
  validate: ValidateFunction<T>,
  digests: [string, string][],
  problems: DataProblem[],
  rejected: unknown[],
  unreadable: string[],
  maxFileBytes: number,
): Reading<ParsedFile<T>[]> {
  const dir = join(root, folder);
  const stats = yield { op: 'stat', path: dir };
  if (failed(stats) || !(stats as Stats).isDirectory()) {
    problems.push({ file: `${folder}/`, path: '$', message: `missing folder: the data directory must have a folder named "${folder}"` });
    return [];
  }
  const real = yield { op: 'realpath', path: dir };
  const listing: DataProblem[] = [];
  const files = yield* listFolder(root, rootReal, dir, listing, new Set([failed(real) ? dir : (real as string)]));
  problems.push(...listing);
  const parsed: ParsedFile<T>[] = [];
  for (const { file, full } of files) {
    const size = yield { op: 'stat', path: full };
    if (!failed(size) && (size as Stats).size > maxFileBytes) {
      problems.push({
        file,
        path: '$',
        message: `the file has ${(size as Stats).size} bytes; a data file may have at most ${maxFileBytes} (MAX_DATA_FILE_BYTES)`,
      });
      unreadable.push(file);
      continue;
    }
    const bytes = yield { op: 'read', path: full };
    if (failed(bytes)) {
      problems.push({ file, path: '$', message: `the file cannot be read (${bytes.code ?? bytes.message})` });
      unreadable.push(file);
      continue;
    }
    if (!isUtf8(bytes as Buffer)) {
      const at = firstInvalidUtf8(bytes as Buffer);
      problems.push({
        file,
        path: '$',
        message: `not valid UTF-8: the byte at offset ${at} (0x${(bytes as Buffer)[at].toString(16).toUpperCase().padStart(2, '0')}) does not begin or continue a character; save the file as UTF-8`,
      });
      unreadable.push(file);
      continue;
    }
    // A byte-order mark is an editor's habit, not an error: drop it.
    const source = (bytes as Buffer).toString('utf8').replace(/^\uFEFF/, '');
    digests.push([file, fileDigest(file, source)]);
    let content: unknown;
    try {
      content = JSON.parse(source);
    } catch {
      problems.push({ file, path: '$', message: describeParseError(source) });
      unreadable.push(file);
      continue;
    }
    if (validate === (validateArticleFile as unknown)) {
      const checked = checkArticleSchema(content, file);
      problems.push(...checked.problems);
      if (checked.checkable) parsed.push({ file, content: checked.checkable.article as T, leftOut: checked.checkable.leftOut });
      continue;
    }
    if (!validate(content)) {
      const errors = validate.errors ?? [];
      for (const error of errors) {
        problems.push({ file, path: pointerToPath(error.instancePath), message: schemaMessage(error) });
      }
      rejected.push(content);
      const kept = keptEntities(content, errors);
      if (kept) parsed.push({ file, content: kept as T });
      continue;
    }
    parsed.push({ file, content: content as T });
  }
  return parsed;
}

/**
 * The entities of a file that failed its schema only in some of its
 * entities: the file without them (whose ids are still known, see idsIn),
 * or undefined when the file fails as a whole.
 */
function keptEntities(content: unknown, errors: readonly ErrorObject[]): RawEntitiesFile | undefined {
  const failing = new Set<number>();
  for (const error of errors) {
    const [property, index] = error.instancePath.split('/').slice(1);
    if (property !== 'entities' || index === undefined) return undefined;
    failing.add(Number(index));
  }
  const entities = (content as { entities: unknown[] }).entities;
  const kept = { ...(content as object), entities: entities.filter((_, i) => !failing.has(i)) };
  return validateEntitiesFile(kept) ? kept : undefined;
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
 * every problem reported at once. Asks its file-system questions of a
 * driver: `readGraphData` answers them at once, `readGraphDataAsync` a few
 * at a time, between other work.
 */
function* readGraphDataSliced(root: string, options: ReadOptions): Reading<{ data: RawGraphData; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const digests: [string, string][] = [];
  const rootStats = yield { op: 'stat', path: root };
  const rootReal = yield { op: 'realpath', path: root };
  if (failed(rootStats) || !(rootStats as Stats).isDirectory() || failed(rootReal)) {
    problems.push({ file: root, path: '$', message: 'the graph data directory does not exist' });
    return { data: { entityFiles: [], articleFiles: [], fileDigests: [], unverifiedEntityIds: new Set(), unreadableEntityFiles: [] }, problems };
  }
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_DATA_FILE_BYTES;
  const rejectedEntityFiles: unknown[] = [];
  const unreadableEntityFiles: string[] = [];
  const real = rootReal as string;
  const entityFiles = yield* readFolder(
    root,
    real,
    'entities',
    validateEntitiesFile,
    digests,
    problems,
    rejectedEntityFiles,
    unreadableEntityFiles,
    maxFileBytes,
  );
  const articleFiles = yield* readFolder(root, real, 'articles', validateArticleFile, digests, problems, [], [], maxFileBytes);
  return {
    data: { entityFiles, articleFiles, fileDigests: digests, unverifiedEntityIds: idsIn(rejectedEntityFiles), unreadableEntityFiles },
    problems,
  };
}

function answerAtOnce(question: FsQuestion): FsAnswer {
  try {
    switch (question.op) {
      case 'lstat':
        return lstatSync(question.path);
      case 'stat':
        return statSync(question.path);
      case 'realpath':
        return realpathSync(question.path);
      case 'readdir':
        return readdirSync(question.path);
      case 'read':
        return readFileSync(question.path);
    }
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

async function answerLater(question: FsQuestion): Promise<FsAnswer> {
  try {
    switch (question.op) {
      case 'lstat':
        return await fs.lstat(question.path);
      case 'stat':
        return await fs.stat(question.path);
      case 'realpath':
        return await fs.realpath(question.path);
      case 'readdir':
        return await fs.readdir(question.path);
      case 'read':
        return await fs.readFile(question.path);
    }
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

/** Reads and schema-checks every data file under `root` at once (see readGraphDataSliced). */
export function readGraphData(root: string, options: ReadOptions = {}): { data: RawGraphData; problems: DataProblem[] } {
  const reading = readGraphDataSliced(root, options);
  let step = reading.next();
  while (!step.done) step = reading.next(answerAtOnce(step.value));
  return step.value;
}

/**
 * Reads and schema-checks every data file under `root` without holding the
 * event loop: the files are read asynchronously, and the checking gives
 * other work a turn every few milliseconds (`between` is called then, and
 * may throw to stop the reading).
 */
export async function readGraphDataAsync(root: string, options: ReadOptions & SliceOptions = {}): Promise<{ data: RawGraphData; problems: DataProblem[] }> {
  const reading = readGraphDataSliced(root, options);
  let step = reading.next();
  let sliceStart = performance.now();
  while (!step.done) {
    const answer = await answerLater(step.value);
    if (performance.now() - sliceStart >= (options.sliceMs ?? 10)) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      options.between?.();
      sliceStart = performance.now();
    }
    step = reading.next(answer);
  }
  return step.value;
}
