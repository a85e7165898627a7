/**
 * Query depth and cost limits as GraphQL validation rules (plain graphql-js, no framework): a
 * request over a limit is refused before anything runs, with a clear message and a stable code.
 *
 * Depth counts nested selection sets of fields (fragments are followed; `__typename` and
 * introspection's own fields are free). Cost is the number of fields a request may resolve: each
 * field costs 1, multiplied by the page size of every enclosing paged field (a field whose schema
 * has a `first` argument: the given `first`, or `defaultListSize` when the query leaves it out).
 */
import {
  getNamedType,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  type GraphQLNamedType,
  type GraphQLSchema,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  /** Page size assumed for a list field whose `first` is not given. */
  defaultListSize?: number;
}

export const QUERY_TOO_DEEP = 'QUERY_TOO_DEEP';
export const QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY';

interface Measure {
  depth: number;
  cost: number;
}

function argumentValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  limits: Required<QueryLimits>;
}

function measure(selectionSet: SelectionSetNode | undefined, parent: GraphQLNamedType | undefined, walk: Walk, seen: Set<string>): Measure {
  if (!selectionSet) return { depth: 0, cost: 0 };
  const { fragments, variables, limits, schema } = walk;
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = selection as FieldNode;
      if (field.name.value.startsWith('__')) continue;
      const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[field.name.value] : undefined;
      const inner = measure(field.selectionSet, definition ? getNamedType(definition.type) : undefined, walk, seen);
      const paged = definition ? definition.args.some((a) => a.name === 'first') : false;
      const first = argumentValue(field.arguments?.find((a) => a.name.value === 'first')?.value, variables);
      const multiplier = paged ? (typeof first === 'number' && first > 0 ? first : limits.defaultListSize) : 1;
      depth = Math.max(depth, 1 + inner.depth);
      cost += 1 + multiplier * inner.cost;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const inner = measure(selection.selectionSet, typeName ? schema.getType(typeName) ?? parent : parent, walk, seen);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue; // unknown or cyclic fragments are reported by the standard rules
      const inner = measure(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, walk, new Set([...seen, name]));
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
  }
  return { depth, cost };
}

/** A validation rule enforcing both limits; `variables` are the request's (for `first: $n`). */
export function queryLimitsRule(limits: QueryLimits, variables: Record<string, unknown> = {}) {
  const settings: Required<QueryLimits> = { defaultListSize: 20, ...limits };
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    return {
      OperationDefinition(operation) {
        const schema = context.getSchema();
        const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
        const walk: Walk = { schema, fragments, variables, limits: settings };
        const { depth, cost } = measure(operation.selectionSet, root ?? undefined, walk, new Set());
        const name = operation.name?.value ?? 'anonymous operation';
        if (depth > settings.maxDepth) {
          context.reportError(
            new GraphQLError(`${name} is ${depth} levels deep; the limit is ${settings.maxDepth}. Split it into smaller queries.`, {
              extensions: { code: QUERY_TOO_DEEP, depth, maxDepth: settings.maxDepth },
            }),
          );
        }
        if (cost > settings.maxCost) {
          context.reportError(
            new GraphQLError(`${name} may resolve up to ${cost} fields; the limit is ${settings.maxCost}. Ask for smaller pages (first) or fewer fields.`, {
              extensions: { code: QUERY_TOO_COSTLY, cost, maxCost: settings.maxCost },
            }),
          );
        }
      },
    };
  };
}
