/**
 * Running lint rules over a parsed recipe: the context a rule gets (the model, and `locate` to map
 * a model object, or one of its keys, back to its position in the file), and `runRules`, which
 * never lets a failing rule break the parse. The rules themselves are in ./rules (one per file).
 */
import type { ApiDescription } from '../description/types';
import { property, type JsonNode } from './json';
import type { LineIndex } from './lines';
import type { Origin } from './normalize';
import { diagnostic } from './diagnostic';
import { internalError } from './rules/internal-error';
import type { Diagnostic, Range, Recipe } from './types';

export interface LintContext {
  recipe: Recipe;
  source: string;
  /** Present only when the caller passed an API description. */
  api?: ApiDescription | undefined;
  /**
   * Range of a model object in the file (a Parameter, SchemaNode, DynamicValue, ApiCall, ...);
   * with `key`, the range of that key's value (or of the key itself with part 'key'), looking
   * for the bare key first and then its `x-` spelling.
   */
  locate(obj: object, key?: string, part?: 'key' | 'value'): Range | undefined;
  /** Like `locate`, along a path of keys inside the object (`['properties', 'entry']`). */
  locateIn(obj: object, path: string[], part?: 'key' | 'value'): Range | undefined;
}

export { diagnostic };

export interface LintRule {
  id: string;
  /** Runs only when an API description is given. */
  needsApi?: boolean;
  run(ctx: LintContext): Diagnostic[];
}

export interface RuleRunInput {
  recipe: Recipe;
  source: string;
  api?: ApiDescription | undefined;
  lines: LineIndex;
  origins: WeakMap<object, Origin>;
}

/** Runs `rules` in order; a failing rule becomes a diagnostic, never an exception. */
export function runRules(input: RuleRunInput, rules: readonly LintRule[]): Diagnostic[] {
  const { lines, origins } = input;
  const rangeOf = (o: Origin, n: JsonNode) => lines.range(o.base + n.offset, o.base + n.offset + n.length);
  const locateIn = (obj: object, path: string[], part: 'key' | 'value' = 'value'): Range | undefined => {
    const o = origins.get(obj);
    if (!o) return path.length === 0 ? (obj as { range?: Range }).range : undefined;
    let node: JsonNode | undefined = o.node;
    for (const [i, key] of path.entries()) {
      const p: JsonNode | undefined = property(node, key) ?? (i === 0 ? property(node, `x-${key}`) : undefined);
      if (!p) return undefined;
      if (i === path.length - 1) {
        const n = p.children?.[part === 'key' ? 0 : 1] ?? p.children?.[0];
        return n ? rangeOf(o, n) : undefined;
      }
      node = p.children?.[1];
    }
    return rangeOf(o, o.node);
  };
  const locate = (obj: object, key?: string, part: 'key' | 'value' = 'value') => locateIn(obj, key === undefined ? [] : [key], part);
  const ctx: LintContext = { recipe: input.recipe, source: input.source, api: input.api, locate, locateIn };
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (rule.needsApi && !input.api) continue;
    try {
      for (const d of rule.run(ctx)) {
        // Clamp to the text and make the span non-empty where possible, whatever the rule did.
        const r = lines.span(lines.offsetAt(d.line, d.column), lines.offsetAt(d.endLine, d.endColumn));
        out.push({ ...d, line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column });
      }
    } catch (err) {
      out.push(
        diagnostic(
          internalError.severity,
          internalError.id,
          `Lint rule "${rule.id}" failed (${err instanceof Error ? err.message : String(err)}): please report it; the other checks still ran.`,
          undefined,
        ),
      );
    }
  }
  return out;
}
