import type { QueryResultRow } from 'pg';
import { GraphStoreUnavailableError } from '../../src/graph';
import { statementWaves } from '../../src/postgres/statement-waves';

interface Sent {
  readonly name: string;
  readonly text: string;
  readonly values: unknown[];
}

/** A sender that records each statement and answers it with `answer`. */
function recorder(answer: (sent: Sent) => QueryResultRow[] | Error) {
  const sent: Sent[] = [];
  const send = async (name: string, text: string, values: unknown[]) => {
    const statement = { name, text, values };
    sent.push(statement);
    const rows = answer(statement);
    if (rows instanceof Error) throw rows;
    return rows;
  };
  return { sent, send };
}

describe('statements of one turn of the event loop, sent as one', () => {
  it('sends the statements of different loaders as one, each with its parameters renumbered, and gives each its own rows', async () => {
    const { sent, send } = recorder((s) => (s.name.startsWith('wave-') ? [{ r0: [{ id: 'a', n: 1 }], r1: [] }] : []));
    const run = statementWaves(send, new Set(['getNodes', 'getRoles']));
    const [roles, nodes] = await Promise.all([
      run('getRoles', 'SELECT * FROM §roles WHERE node_id = ANY($1::text[]) AND direction = $2', [['person:ada'], 'OUT']),
      run('getNodes', 'SELECT * FROM §nodes WHERE id = ANY($1::text[])', [['person:ada']]),
    ]);
    expect(sent).toEqual([
      {
        name: expect.stringMatching(/^wave-[0-9a-f]{16}$/),
        // Parts in the order of their names: getNodes, then getRoles.
        text:
          `SELECT (SELECT coalesce(json_agg(r), '[]') FROM (SELECT * FROM §nodes WHERE id = ANY($1::text[])) r) AS r0,\n` +
          `(SELECT coalesce(json_agg(r), '[]') FROM (SELECT * FROM §roles WHERE node_id = ANY($2::text[]) AND direction = $3) r) AS r1`,
        values: [['person:ada'], ['person:ada'], 'OUT'],
      },
    ]);
    expect(nodes).toEqual([{ id: 'a', n: 1 }]);
    expect(roles).toEqual([]);
  });

  it('sends two batches of one loader as two statements, and a statement alone as it is', async () => {
    const { sent, send } = recorder((s) =>
      s.name.startsWith('wave-') ? [{ r0: [{ from: 'getNodes' }], r1: [{ from: 'getRoles' }] }] : [{ alone: s.values[0] }],
    );
    const run = statementWaves(send, new Set(['getNodes', 'getRoles']));
    const answers = await Promise.all([
      run('getNodes', 'SELECT 1 WHERE $1::text IS NOT NULL', ['first']),
      run('getNodes', 'SELECT 1 WHERE $1::text IS NOT NULL', ['second']),
      run('getRoles', 'SELECT 2 WHERE $1::text IS NOT NULL', ['roles']),
    ]);
    expect(sent.map((s) => [s.name.startsWith('wave-') ? 'wave' : s.name, s.values])).toEqual([
      ['wave', ['first', 'roles']],
      ['getNodes', ['second']],
    ]);
    expect(answers).toEqual([[{ from: 'getNodes' }], [{ alone: 'second' }], [{ from: 'getRoles' }]]);
  });

  it('sends a statement that is not a loader batch at once, and those of a later turn apart', async () => {
    const { sent, send } = recorder(() => []);
    const run = statementWaves(send, new Set(['getNodes']));
    const walk = run('walkEdges', 'SELECT $1::text', ['x']);
    expect(sent.map((s) => s.name)).toEqual(['walkEdges']);
    await walk;
    await run('getNodes', 'SELECT $1::text', ['a']);
    await run('getNodes', 'SELECT $1::text', ['b']);
    expect(sent.map((s) => [s.name, s.values])).toEqual([
      ['walkEdges', ['x']],
      ['getNodes', ['a']],
      ['getNodes', ['b']],
    ]);
  });

  it('gives each part the error of a database out of reach, and sends each part alone again when the combined statement is refused', async () => {
    const down = recorder(() => new GraphStoreUnavailableError('the database cannot be reached: connect ECONNREFUSED'));
    const runDown = statementWaves(down.send, new Set(['getNodes', 'getRoles']));
    const outcomes = await Promise.allSettled([runDown('getNodes', 'SELECT $1::text', ['a']), runDown('getRoles', 'SELECT $1::text', ['b'])]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : 'fulfilled'))).toEqual([
      'the database cannot be reached: connect ECONNREFUSED',
      'the database cannot be reached: connect ECONNREFUSED',
    ]);
    expect(down.sent).toHaveLength(1);

    // One request's batch holds a value the database refuses; the batch of another request sent with it still gets its rows.
    const refused = recorder((s) =>
      s.name.startsWith('wave-') || s.values[0] === 'bad' ? new Error('value "99999999999" is out of range for type integer') : [{ ok: s.values[0] }],
    );
    const run = statementWaves(refused.send, new Set(['getNodes', 'getRoles']));
    const answers = await Promise.allSettled([run('getNodes', 'SELECT $1::text', ['bad']), run('getRoles', 'SELECT $1::text', ['good'])]);
    expect(answers.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : o.value))).toEqual([
      'value "99999999999" is out of range for type integer',
      [{ ok: 'good' }],
    ]);
    expect(refused.sent.map((s) => (s.name.startsWith('wave-') ? 'wave' : s.name))).toEqual(['wave', 'getNodes', 'getRoles']);
  });

  it('renumbers $10 and above as whole numbers', async () => {
    const { sent, send } = recorder(() => [{ r0: [], r1: [] }]);
    const run = statementWaves(send, new Set(['a', 'b']));
    const many = Array.from({ length: 10 }, (_, i) => `$${i + 1}`).join(', ');
    await Promise.all([
      run(
        'a',
        `SELECT ${many}`,
        Array.from({ length: 10 }, (_, i) => i),
      ),
      run(
        'b',
        'SELECT $1, $10',
        Array.from({ length: 10 }, (_, i) => i),
      ),
    ]);
    expect(sent[0].text).toBe(
      `SELECT (SELECT coalesce(json_agg(r), '[]') FROM (SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) r) AS r0,\n` +
        `(SELECT coalesce(json_agg(r), '[]') FROM (SELECT $11, $20) r) AS r1`,
    );
  });
});
