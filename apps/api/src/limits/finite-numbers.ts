import { type ASTNode, BREAK, type DocumentNode, type GraphQLError, Kind, type ValueNode, visit } from "graphql";
import { badInput } from "../errors";

/**
 * Why non-finite numbers are refused here, before graphql-js sees them: JSON has no Infinity, but
 * `JSON.parse` turns a number too large for a double (`1e999`) into one, and graphql-js then says
 * "Float cannot represent non numeric value: Infinity" for a variable, while a literal `1e999` in
 * the document passes Float coercion as Infinity and reaches class-validator, whose message quotes
 * it as `null`. No Graft input means anything by an infinite number, so every Float (and Int)
 * input is refused with one message that names the field and says what is wrong with the value.
 */
function nonFinite(field: string, why: string, shown: string): GraphQLError {
  return badInput(`${field} is not a finite number: ${why}`, field, shown);
}

/** Appends a path step: `.name` for object fields, `[i]` for list items. */
function join(path: string, step: string | number): string {
  if (typeof step === "number") return `${path}[${step}]`;
  return path === "" ? step : `${path}.${step}`;
}

/**
 * The first number in `variables` that is not finite, as BAD_USER_INPUT naming it
 * (`$input.hyperparameters.learningRate`), or null. Walks objects and arrays iteratively, so a
 * deeply nested body cannot overflow the stack.
 */
export function nonFiniteVariable(variables: Readonly<Record<string, unknown>> | undefined | null): GraphQLError | null {
  if (!variables) return null;
  const stack: [unknown, string][] = Object.entries(variables).map(([name, value]) => [value, `$${name}`]);
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === "number") {
      if (!Number.isFinite(value))
        return nonFinite(path, `the JSON number is beyond the 64-bit float range (like 1e999) and reads as ${value}`, String(value));
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, join(path, i)]));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) stack.push([item, join(path, key)]);
    }
  }
  return null;
}

/**
 * The path of a literal inside its argument (`input.hyperparameters.learningRate`, `ids[2]`), from
 * graphql-js's visitor arguments: `keys` (the path) leads from the document down to the literal,
 * and `chain` (the ancestors, then the parent) holds what each key indexes into.
 */
function literalPath(chain: readonly (ASTNode | readonly ASTNode[])[], keys: readonly (string | number)[]): string {
  let path = "";
  for (const [i, a] of chain.entries()) {
    if (Array.isArray(a)) {
      const owner = chain[i - 1] as ASTNode | undefined;
      if (owner?.kind === Kind.LIST) path = join(path, keys[i] as number);
      continue;
    }
    const n = a as ASTNode;
    if (n.kind === Kind.ARGUMENT || n.kind === Kind.OBJECT_FIELD) path = join(path, n.name.value);
    else if (n.kind === Kind.VARIABLE_DEFINITION) path = join(path, `$${n.variable.name.value}`);
  }
  return path;
}

/**
 * The first numeric literal in `document` (an argument, an input field, a variable's default)
 * that does not fit a finite double, as BAD_USER_INPUT naming where it is and quoting it as
 * written (`input.hyperparameters.learningRate is not a finite number: 1e999 …`), or null.
 */
export function nonFiniteLiteral(document: DocumentNode): GraphQLError | null {
  let found: GraphQLError | null = null;
  const check = (
    node: ValueNode,
    parent: ASTNode | readonly ASTNode[] | undefined,
    keys: readonly (string | number)[],
    ancestors: readonly (ASTNode | readonly ASTNode[])[],
  ) => {
    if ((node.kind === Kind.FLOAT || node.kind === Kind.INT) && !Number.isFinite(Number(node.value))) {
      const shown = node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value;
      found = nonFinite(
        literalPath(parent === undefined ? ancestors : [...ancestors, parent], keys) || "a number",
        `${shown} is beyond the 64-bit float range and reads as ${Number(node.value)}`,
        shown,
      );
      return BREAK;
    }
    return undefined;
  };
  visit(document, {
    FloatValue: (node, _key, parent, keys, ancestors) => check(node, parent, keys, ancestors),
    IntValue: (node, _key, parent, keys, ancestors) => check(node, parent, keys, ancestors),
  });
  return found;
}
