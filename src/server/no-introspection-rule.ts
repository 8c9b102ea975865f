import { type ASTVisitFn, type ASTVisitor, type FieldNode, GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext } from 'graphql';

/**
 * graphql's NoSchemaIntrospectionCustomRule, refusing introspection
 * (`__schema`, `__type`) once per such field with a message that says what
 * to change; `__typename` stays allowed, since clients need it.
 */
export function noIntrospectionRule(context: ValidationContext): ASTVisitor {
  let refused = false;
  // graphql's rule reports through this view of the context; its own message names no remedy.
  const graphqlRule = NoSchemaIntrospectionCustomRule(Object.create(context, { reportError: { value: () => (refused = true) } }));
  const checkField = (graphqlRule as { Field: ASTVisitFn<FieldNode> }).Field;
  return {
    Field(node, ...rest) {
      refused = false;
      checkField(node, ...rest);
      if (!refused) return undefined;
      context.reportError(new GraphQLError(`Introspection is disabled on this service; remove "${node.name.value}" from the query.`, { nodes: [node] }));
      // Every field below __schema or __type is an introspection field too, which graphql's rule would report one by one.
      return false;
    },
  };
}
