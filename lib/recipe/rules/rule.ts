/**
 * What a lint rule is, remark-lint style: a stable id (the `rule` of its diagnostics), a severity,
 * a one-paragraph doc and examples that are its tests (tests/unit/recipe/rule-examples.test.ts
 * runs every one; docs/authoring.md's table of rules is generated from the docs).
 *
 * Problems found while the recipe is read (JSON syntax, structure, schema) are rules too: their
 * entry has no `run`, and the parser reports them through it. The others check the parsed recipe.
 */
import { diagnostic, type LintContext, type LintRule } from '../lint';
import type { Diagnostic, Range, Severity } from '../types';

export interface RuleExample {
  /** A whole recipe. In a not-ok example, ⟦ and ⟧ mark each span the rule reports there. */
  recipe: string;
  /** The severity reported in this example, when it is not the rule's usual one. */
  severity?: Severity;
  /** Check this example against the built-in API description (always so for a rule that needs one). */
  api?: boolean;
  /** A caller's own lint rules to run after the registered ones (`ParseOptions.rules`). */
  rules?: LintRule[];
}

/** A recipe as a string, or with options. */
export type Example = string | RuleExample;

export interface RuleDoc {
  /** Stable: tests, tools and editors' problem matchers use it. */
  id: string;
  /** What the rule reports as (an example may show the other severity of a rule that has two). */
  severity: Severity;
  /**
   * The rule checks the recipe against an API description and runs only when one is given; its
   * examples are checked against the built-in one (lib/description).
   */
  needsApi?: boolean;
  /** The rule checks more with an API description, and the recipe alone without one. */
  usesApi?: boolean;
  /** One paragraph: what is reported, why it matters, and how to fix it. */
  doc: string;
  /** Recipes the rule does not report (each lints clean), and recipes it reports at the marked spans. */
  ok: Example[];
  notOk: Example[];
}

export interface RecipeRule extends RuleDoc {
  /** The check, for a rule over the parsed recipe (absent: the parser finds it). */
  run?(ctx: LintContext): Diagnostic[];
}

/** A diagnostic of `rule` (its id and severity) at `range`. */
export function report(rule: RuleDoc, message: string, range: Range | undefined, stepIndex?: number): Diagnostic {
  return diagnostic(rule.severity, rule.id, message, range, stepIndex);
}
