import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

/** The layer rules' violations in `dirs`, cruised from `cwd`. */
function violations(cwd: string, dirs: string[]): Violation[] {
  let output: string;
  try {
    output = execFileSync(DEPCRUISE, ['--config', CONFIG, '--output-type', 'json', ...dirs], { cwd, encoding: 'utf8' });
  } catch (error) {
    // depcruise exits with the number of errors found, its report still on standard output.
    output = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('the layer rules', () => {
  // That the service itself has none is `npm run lint:layers`, part of `npm run lint` (and of .ci/run).
  it('refuse a graph module that imports the GraphQL schema, a resolver that imports the PostgreSQL store, and a PostgreSQL module that imports the server', () => {
    const found = violations(join(ROOT, 'test', 'fixtures', 'upward-imports'), ['src', 'resolvers']);
    expect(found.map(({ from, to, rule }) => ({ from, to, rule: rule.name })).sort((a, b) => a.from.localeCompare(b.from))).toEqual([
      { from: 'resolvers/search.resolver.ts', to: 'src/postgres/postgres-store.ts', rule: 'only-the-root-imports-postgres' },
      { from: 'src/graph/model.ts', to: 'src/schema/node.type.ts', rule: 'graph-imports-upward' },
      { from: 'src/postgres/postgres-store.ts', to: 'src/server/start-server.ts', rule: 'postgres-imports-upward' },
    ]);
  });
});
