import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionSetNode } from "graphql";

/** How big a document is once its fragments are spread where they are used. */
export interface DocumentShape {
  /** Deepest field nesting of any operation (`{ a { b } }` is 2). */
  depth: number;
  /** Field selections, aliases included, counted as executed: a fragment counts once per spread. */
  fields: number;
}

/** Depth and field count of one selection set, fragments spread. */
interface Measure {
  depth: number;
  fields: number;
}

/**
 * Measures every operation of `document` in one pass over its text. Each fragment is measured
 * once and its result reused at every spread, so a document whose fragments fan out
 * exponentially (F1 spreads F2 twice, F2 spreads F3 twice, …) is measured in linear time while
 * its field count still says how large execution would make it. Cyclic spreads (refused later by
 * graphql-js's NoFragmentCyclesRule) count as empty here rather than looping.
 *
 * Meant to run before graphql-js validation: some of its rules (OverlappingFieldsCanBeMerged)
 * take time quadratic in the number of fields, so the field count must be bounded first.
 */
export function measureDocument(document: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const measured = new Map<string, Measure>();
  const inProgress = new Set<string>();

  const fragment = (name: string): Measure => {
    const known = measured.get(name);
    if (known) return known;
    const definition = fragments.get(name);
    if (!definition || inProgress.has(name)) return { depth: 0, fields: 0 };
    inProgress.add(name);
    const m = selectionSet(definition.selectionSet);
    inProgress.delete(name);
    measured.set(name, m);
    return m;
  };

  const selectionSet = (set: SelectionSetNode | undefined): Measure => {
    let depth = 0;
    let fields = 0;
    for (const sel of set?.selections ?? []) {
      let m: Measure;
      if (sel.kind === Kind.FIELD) {
        const child = selectionSet(sel.selectionSet);
        m = { depth: child.depth + 1, fields: child.fields + 1 };
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        m = selectionSet(sel.selectionSet);
      } else {
        m = fragment(sel.name.value);
      }
      depth = Math.max(depth, m.depth);
      fields += m.fields;
    }
    return { depth, fields };
  };

  let depth = 0;
  let fields = 0;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const m = selectionSet(d.selectionSet);
    depth = Math.max(depth, m.depth);
    fields += m.fields;
  }
  return { depth, fields };
}
