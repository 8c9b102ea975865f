import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where the fixture folders are kept. */
export const FIXTURES_DIR = join(__dirname, '..', 'fixtures');

/**
 * The files of a graph-data folder being built, by path relative to the
 * folder (`articles/lighthouse.json`). A file is kept as it was read or
 * written until `json()` parses it; from then on it is written as
 * `JSON.stringify(value, null, 2)` and a newline, the layout of the fixture
 * files, so that an unchanged file keeps its bytes and line numbers.
 */
export class FixtureFiles {
  private readonly files = new Map<string, { raw: string | Buffer } | { json: unknown }>();

  /** The paths of every file, in sorted order. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** The JSON value of a file, parsed once, to change in place. */
  json<T = any>(path: string): T {
    const file = this.get(path);
    if ('json' in file) return file.json as T;
    const value = JSON.parse(file.raw.toString('utf8')) as T;
    this.files.set(path, { json: value });
    return value;
  }

  /** Adds or replaces a file holding `value` as JSON. */
  setJson(path: string, value: unknown): void {
    this.files.set(path, { json: value });
  }

  /** Adds or replaces a file with exactly these contents. */
  write(path: string, contents: string | Buffer): void {
    this.files.set(path, { raw: contents });
  }

  /** The contents of a file, as they would be written now. */
  text(path: string): string {
    const file = this.get(path);
    return 'json' in file ? `${JSON.stringify(file.json, null, 2)}\n` : file.raw.toString('utf8');
  }

  remove(path: string): void {
    this.get(path);
    this.files.delete(path);
  }

  /** Writes every file under `dir`; a folder is made only where it holds a file. */
  writeTo(dir: string): void {
    mkdirSync(dir, { recursive: true });
    for (const path of this.paths()) {
      const file = this.files.get(path)!;
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), 'json' in file ? this.text(path) : file.raw);
    }
  }

  /** The files of a folder, as they are on disk. */
  static read(dir: string): FixtureFiles {
    const files = new FixtureFiles();
    const walk = (relative: string) => {
      for (const name of readdirSync(join(dir, relative)).sort()) {
        const path = relative ? `${relative}/${name}` : name;
        if (statSync(join(dir, path)).isDirectory()) walk(path);
        else files.write(path, readFileSync(join(dir, path)));
      }
    };
    walk('');
    return files;
  }

  private get(path: string) {
    const file = this.files.get(path);
    if (!file) throw new Error(`the fixture has no file ${path}; it has ${this.paths().join(', ')}`);
    return file;
  }
}

/** A graph-data folder described as a folder under test/fixtures and the changes made to a copy of its files. */
export interface GraphFixture {
  /** The folder under test/fixtures that the fixture starts from. */
  readonly base: string;
  /** Changes the base's files into the fixture's. */
  readonly patch?: (files: FixtureFiles) => void;
}

/** The files of a fixture: its base's, patched. */
export function fixtureFiles(fixture: GraphFixture): FixtureFiles {
  const files = FixtureFiles.read(join(FIXTURES_DIR, fixture.base));
  fixture.patch?.(files);
  return files;
}

/** Fixtures written to folders of a temporary directory, each when first asked for. */
export interface FixtureFolders<Name extends string> {
  /** The temporary directory that holds the fixtures' folders. */
  readonly root: string;
  /** The folder of a fixture, written on first use. */
  dir(name: Name): string;
  /** Deletes every folder written. */
  remove(): void;
}

/** Writes fixtures, by name, into a new temporary directory as they are asked for. */
export function fixtureFolders<Name extends string>(fixtures: Readonly<Record<Name, GraphFixture>>): FixtureFolders<Name> {
  const root = mkdtempSync(join(tmpdir(), 'newsgraph-fixtures-'));
  const written = new Set<Name>();
  return {
    root,
    dir(name) {
      const dir = join(root, name);
      if (!written.has(name)) {
        if (!(name in fixtures)) throw new Error(`no fixture is named ${name}`);
        fixtureFiles(fixtures[name]).writeTo(dir);
        written.add(name);
      }
      return dir;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
