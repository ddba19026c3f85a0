/**
 * What the parts of the parser share: the diagnostics found while a recipe is read (each reported
 * as its rule from ./rules, located by offsets into the text), and where model objects came from.
 */
import { diagnostic } from './diagnostic';
import type { LineIndex } from './lines';
import type { Origin } from './normalize';
import type { RuleDoc } from './rules/rule';
import type { Diagnostic, Severity } from './types';
import type { Problem } from './validate';

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly lines: LineIndex) {}

  /** Reports `rule` over the text from `start` to `end` (as its severity unless told otherwise). */
  report(rule: RuleDoc, message: string, start: number, end: number, stepIndex?: number, severity: Severity = rule.severity): void {
    const d = diagnostic(severity, rule.id, message, this.lines.span(start, end), stepIndex);
    this.diagnostics.push(d);
  }

  /** Reports the problems of a JSON block whose text starts at `base`. */
  problems(ps: Problem[], base: number, stepIndex?: number): void {
    for (const p of ps) this.report(p.rule, p.message, base + p.offset, base + p.offset + p.length, stepIndex);
  }
}

/** The state of one parse that the readers of its parts use. */
export interface ReadState {
  lines: LineIndex;
  out: Reporter;
  /** Model object -> its JSON node, for lint rules' `locate`. */
  origins: WeakMap<object, Origin>;
}

export function describeError(err: unknown): string {
  try {
    return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  } catch {
    return 'unknown error';
  }
}
