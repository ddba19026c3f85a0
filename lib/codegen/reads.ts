/**
 * What later steps of a recipe read from a step's result: the `value` paths of their dynamicValues
 * (also those of custom inputs, such as the app token a hand-written step hashes). Code samples of
 * single steps print them (CodegenContext.reads), so a reader running the steps one by one sees
 * every value the next steps take.
 */
import type { DynamicValue, SchemaNode, Step } from '../recipe/types';

/** The paths of step `index`'s result that steps after it read, in the order they are read. */
export function laterReads(steps: readonly Step[], index: number): string[] {
  const out: string[] = [];
  const take = (dv: DynamicValue | undefined): void => {
    if (dv && dv.fromStep === index && dv.value !== undefined && !out.includes(dv.value)) out.push(dv.value);
  };
  const visit = (node: SchemaNode | undefined, depth: number): void => {
    if (!node || depth > 64) return;
    take(node.dynamicValue);
    for (const p of Object.values(node.properties ?? {})) visit(p, depth + 1);
    visit(node.items, depth + 1);
  };
  for (const step of steps.slice(index + 1)) {
    for (const p of step.apiCall?.parameters ?? []) {
      take(p.dynamicValue);
      visit(p.schema, 1);
    }
  }
  return out;
}
