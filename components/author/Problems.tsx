'use client';
/**
 * The problems list under the editor: one button per diagnostic (with its rule id, as in
 * `npm run recipes:lint`); choosing one moves the cursor there.
 */
import type { Diagnostic } from '@/lib/recipe/types';

export interface ProblemsProps {
  diagnostics: Diagnostic[];
  onSelect: (d: Diagnostic) => void;
  info?: { ms: number; where: string } | undefined;
  linted: boolean;
}

export function Problems({ diagnostics, onSelect, info, linted }: ProblemsProps) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const summary = !linted
    ? 'Checking…'
    : diagnostics.length === 0
      ? 'No problems: the recipe lints clean.'
      : [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`]
          .filter(Boolean)
          .join(', ');
  return (
    <section className="author-problems" aria-labelledby="author-problems-title" data-testid="problems">
      <h2 id="author-problems-title" className="author-pane-title">
        Problems{' '}
        <span className="author-problems-summary" aria-live="polite">
          {summary}
        </span>
        {info && (
          <span className="author-lint-time" title={`Parsed and linted in a ${info.where === 'worker' ? 'web worker' : 'the page'}`}>
            {info.ms < 1 ? '<1' : Math.round(info.ms)} ms
          </span>
        )}
      </h2>
      {diagnostics.length > 0 && (
        <ul className="author-problem-list">
          {diagnostics.map((d, i) => (
            <li key={`${d.line}:${d.column}:${d.rule}:${i}`}>
              <button
                type="button"
                className={`author-problem author-problem-${d.severity}`}
                onClick={() => onSelect(d)}
                data-line={d.line}
                data-column={d.column}
                data-rule={d.rule}
              >
                <span className={`badge badge-${d.severity}`}>{d.severity}</span>
                <span className="author-problem-pos">
                  {d.line}:{d.column}
                </span>
                <span className="author-problem-message">{d.message}</span>
                <span className="author-problem-rule">{d.rule}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
