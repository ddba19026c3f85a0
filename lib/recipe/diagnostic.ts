/** One diagnostic of a recipe: what rule found, where (1-based line and column), in which step. */
import type { Diagnostic, Range, Severity } from './types';

/** A diagnostic over `range` (the recipe's first character when no place is known). */
export function diagnostic(severity: Severity, rule: string, message: string, range: Range | undefined, stepIndex?: number): Diagnostic {
  const r = range ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };
  const d: Diagnostic = {
    severity,
    rule,
    message,
    line: r.start.line,
    column: r.start.column,
    endLine: r.end.line,
    endColumn: r.end.column,
  };
  if (stepIndex !== undefined) d.stepIndex = stepIndex;
  return d;
}
