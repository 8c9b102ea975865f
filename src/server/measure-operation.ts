import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** Sizes of one operation, with every fragment spread counted where it is spread. */
export interface OperationMeasures {
  /**
   * Fields on the longest path from the root: `{ stats { nodeCount } }` has
   * depth 2. `__schema` and `__type` count for nothing, since graphql's own
   * MaxIntrospectionDepthRule already bounds introspection.
   */
  readonly depth: number;
  /** Aliased fields, `__typename` excepted (clients alias it freely and it costs nothing). */
  readonly aliases: number;
  /** Directives anywhere in the operation, its variable definitions included. */
  readonly directives: number;
}

const NOTHING: OperationMeasures = { depth: 0, aliases: 0, directives: 0 };

/** Root fields of introspection. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Measures an operation. Each fragment is measured once and its sizes reused
 * at every spread, so a document that spreads fragments exponentially often
 * is measured in linear time (its counts simply come out huge); a fragment
 * cycle counts as empty (graphql's NoFragmentCyclesRule reports it).
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): OperationMeasures {
  const measured = new Map<string, OperationMeasures>();
  const inProgress = new Set<string>();

  const fragment = (name: string): OperationMeasures => {
    const known = measured.get(name);
    if (known) return known;
    const definition = fragments.get(name);
    if (!definition || inProgress.has(name)) return NOTHING;
    inProgress.add(name);
    const own = selectionSet(definition.selectionSet);
    inProgress.delete(name);
    const result = { ...own, directives: own.directives + (definition.directives?.length ?? 0) };
    measured.set(name, result);
    return result;
  };

  const selectionSet = (set: SelectionSetNode | undefined): OperationMeasures => {
    if (!set) return NOTHING;
    let depth = 0;
    let aliases = 0;
    let directives = 0;
    for (const selection of set.selections) {
      directives += selection.directives?.length ?? 0;
      let inner: OperationMeasures;
      if (selection.kind === Kind.FIELD) {
        const children = selectionSet(selection.selectionSet);
        const exempt = INTROSPECTION_ROOTS.has(selection.name.value);
        inner = {
          depth: exempt ? 0 : 1 + children.depth,
          aliases: children.aliases + (selection.alias && selection.name.value !== '__typename' ? 1 : 0),
          directives: children.directives,
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = selectionSet(selection.selectionSet);
      } else {
        inner = fragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      directives += inner.directives;
    }
    return { depth, aliases, directives };
  };

  const root = selectionSet(operation.selectionSet);
  const onOperation = (operation.directives?.length ?? 0) + (operation.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0);
  return { ...root, directives: root.directives + onOperation };
}
