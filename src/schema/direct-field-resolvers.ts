import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/** What TypeGraphQL's metadata says of one parameter of a resolver method (the parts read here). */
interface ParamMetadata {
  readonly kind: string;
  readonly index: number;
  readonly propertyName?: string;
  readonly getType?: unknown;
}

/** What TypeGraphQL's metadata says of one `@FieldResolver` method (the parts read here). */
interface FieldResolverMetadata {
  readonly kind: 'internal' | 'external';
  readonly methodName: string;
  readonly target: new () => Record<string, unknown>;
  readonly getObjectType?: () => unknown;
  readonly params?: readonly ParamMetadata[];
  readonly middlewares?: readonly unknown[];
  readonly roles?: readonly unknown[];
}

/** What TypeGraphQL's metadata says of a field of an object or interface type (the parts read here). */
interface FieldMetadata {
  readonly name: string;
  readonly schemaName: string;
  readonly target: unknown;
}

interface ClassMetadata {
  readonly name: string;
  readonly target: unknown;
  readonly interfaceClasses?: readonly unknown[];
  readonly fields?: readonly FieldMetadata[];
}

interface MetadataStorage {
  readonly objectTypes: readonly ClassMetadata[];
  readonly interfaceTypes: readonly ClassMetadata[];
  readonly fieldResolvers: readonly FieldResolverMetadata[];
}

type Resolver = GraphQLFieldResolver<unknown, unknown>;

/** The resolvers useDirectFieldResolvers made. */
const directResolvers = new WeakSet<Resolver>();

/** True when `resolve` is a direct field resolver (see useDirectFieldResolvers). */
export function isDirectFieldResolver(resolve: unknown): boolean {
  return typeof resolve === 'function' && directResolvers.has(resolve as Resolver);
}

/**
 * A resolver calling `metadata`'s method straight away, or undefined when
 * TypeGraphQL's own wrapper does more than that: the method takes arguments
 * (converted to class instances), or a part of the root or context, or has
 * middlewares or roles.
 */
function directResolverOf(
  metadata: FieldResolverMetadata,
  instanceOf: (target: FieldResolverMetadata['target']) => Record<string, unknown>,
): Resolver | undefined {
  if (metadata.kind !== 'external' || metadata.middlewares?.length || metadata.roles?.length) return undefined;
  const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
  const plain = params.every(
    (param, i) =>
      param.index === i &&
      param.propertyName === undefined &&
      (param.kind === 'context' || param.kind === 'info' || (param.kind === 'root' && param.getType === undefined)),
  );
  if (!plain) return undefined;
  const instance = instanceOf(metadata.target);
  const method = instance[metadata.methodName];
  if (typeof method !== 'function') return undefined;
  const call = method as (...values: unknown[]) => unknown;
  const kinds = params.map((param) => param.kind).join(',');
  // The usual shapes get a closure of their own: no array per call.
  switch (kinds) {
    case 'root':
      return (root) => call.call(instance, root);
    case 'root,context':
      return (root, _args, context) => call.call(instance, root, context);
    case 'context,root':
      return (root, _args, context) => call.call(instance, context, root);
    default:
      return (root, _args, context, info) =>
        call.apply(
          instance,
          params.map((param) => (param.kind === 'root' ? root : param.kind === 'context' ? context : info)),
        );
  }
}

/**
 * Replaces, in a schema TypeGraphQL built, the resolver of every field whose
 * `@FieldResolver` method takes only the parent object, the context or the
 * info, and has no middleware or role, with one that calls the method
 * directly. TypeGraphQL's own wrapper sorts and maps the method's parameter
 * list, looks the instance up and checks each value for a promise on every
 * call (https://github.com/MichalLytek/type-graphql/issues/487; cost in
 * bench/README.md). The method, its instance (one per resolver class, as
 * TypeGraphQL's default container keeps) and its result are the same.
 *
 * It finds each field's method as TypeGraphQL does: an object type's fields
 * are those of the interfaces it implements, then its own, and a field's
 * method is the `@FieldResolver` of that name on the class that declared the
 * field, among those of `resolverClasses` (the classes the schema was built
 * from). A field it cannot place keeps TypeGraphQL's resolver. Returns the
 * names (`Type.field`) of the fields changed.
 *
 * Only for a schema built without global middlewares, an auth checker or a
 * container of its own (buildGraphSchema uses none): those are not looked at,
 * and the direct resolvers would skip them.
 */
export function useDirectFieldResolvers(schema: GraphQLSchema, resolverClasses: readonly (abstract new (...args: never[]) => unknown)[]): string[] {
  const storage = getMetadataStorage() as unknown as MetadataStorage;
  const instances = new Map<unknown, Record<string, unknown>>();
  const instanceOf = (target: FieldResolverMetadata['target']) => {
    let instance = instances.get(target);
    if (!instance) instances.set(target, (instance = new target()));
    return instance;
  };
  const methods = storage.fieldResolvers.filter((metadata) => metadata.kind === 'internal' || resolverClasses.includes(metadata.target));
  const changed: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const objectType = storage.objectTypes.find((candidate) => candidate.name === type.name);
    if (!objectType) continue;
    const interfaces = storage.interfaceTypes.filter((candidate) => objectType.interfaceClasses?.includes(candidate.target));
    const fieldsMetadata = [...interfaces.flatMap((candidate) => candidate.fields ?? []), ...(objectType.fields ?? [])];
    const resolvers = new Map<string, Resolver | undefined>();
    for (const field of fieldsMetadata) {
      const metadata = methods.find((candidate) => candidate.getObjectType?.() === field.target && candidate.methodName === field.name);
      // As in TypeGraphQL, a later field of the same name (the type's own) wins.
      resolvers.set(field.schemaName, metadata && directResolverOf(metadata, instanceOf));
    }
    const fields = type.getFields();
    for (const [name, resolve] of resolvers) {
      if (resolve && fields[name]) {
        directResolvers.add(resolve);
        fields[name].resolve = resolve;
        changed.push(`${type.name}.${name}`);
      }
    }
  }
  return changed;
}
