/**
 * A diagnostic as one line of command-line output: `path:line:col: error|warning: message [rule-id]`
 * (editors' problem matchers read it; docs/authoring.md has the VS Code one).
 */
import type { Diagnostic } from './types';

export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
}
