import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type GraphQLField,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  parse,
  print,
} from 'graphql';
import { graphSchema } from '../../src/app';
import { printGraphSchema, printGraphSubgraphSchema } from '../../src/print-schema';
import { startGraphTestServer } from '../helpers/graph-test-server';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after changing types)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printGraphSchema());
  });
});

describe('subgraph.graphql', () => {
  it('is what _service { sdl } answers (run `npm run schema` after changing types)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'subgraph.graphql'), 'utf8');
    expect(committed).toBe(await printGraphSubgraphSchema());
    const server = await startGraphTestServer();
    try {
      expect(await server.run('{ _service { sdl } }')).toEqual({ data: { _service: { sdl: committed.slice(0, -1) } } });
    } finally {
      await server.stop();
    }
  });

  it('links Apollo Federation 2 and makes every node type an entity keyed by id, and the entity types by wikidataId too', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'subgraph.graphql'), 'utf8');
    expect(committed).toContain('extend schema\n  @link(url: "https://specs.apollo.dev/federation/v2.14", import: ["@key"])');
    const keys: Record<string, string[]> = {};
    for (const definition of parse(committed).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      for (const directive of definition.directives ?? []) if (directive.name.value === 'key') (keys[definition.name.value] ??= []).push(print(directive));
    }
    expect(keys).toEqual({
      Article: ['@key(fields: "id")'],
      Claim: ['@key(fields: "id")'],
      Event: ['@key(fields: "id")', '@key(fields: "wikidataId")'],
      Figure: ['@key(fields: "id")'],
      Organization: ['@key(fields: "id")', '@key(fields: "wikidataId")'],
      Person: ['@key(fields: "id")', '@key(fields: "wikidataId")'],
      Place: ['@key(fields: "id")', '@key(fields: "wikidataId")'],
      Quote: ['@key(fields: "id")'],
      Topic: ['@key(fields: "id")', '@key(fields: "wikidataId")'],
    });
  });
});

/** Names of every type, field, argument and enum value that has no description. */
function undescribed(types: readonly GraphQLNamedType[]): string[] {
  const missing: string[] = [];
  const check = (what: string, description: string | null | undefined) => {
    if (!description || description.trim() === '') missing.push(what);
  };
  for (const type of types) {
    if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}

describe('the schema', () => {
  it('describes every type, field, argument and enum value, the root Query type included', async () => {
    const schema = await graphSchema();
    expect(undescribed(Object.values(schema.getTypeMap()))).toEqual([]);
  });
});
