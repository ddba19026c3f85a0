/**
 * How a recipe's problems are shown: a summary panel at the top of the page (count of errors and
 * warnings, the problems that belong to no step, and links to the steps that have some), and a
 * list inside each step for the problems attached to it (`stepIndex`). Each entry shows
 * `line:col`, its severity and the message (which says how to fix it).
 */
import type { Diagnostic } from '@/lib/recipe/types';

export function countBySeverity(diagnostics: Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryText(diagnostics: Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.line - b.line || a.column - b.column);
}

export function DiagnosticList({ diagnostics, file }: { diagnostics: Diagnostic[]; file?: string | undefined }) {
  return (
    <ul className="diagnostic-list">
      {sortDiagnostics(diagnostics).map((d, i) => (
        <li key={i} className={`diagnostic diagnostic-${d.severity}`} data-severity={d.severity} data-rule={d.rule}>
          <span className={`badge badge-${d.severity}`}>{d.severity}</span>{' '}
          <code className="diagnostic-pos" title={file ? `${file}:${d.line}:${d.column}` : undefined}>
            {d.line}:{d.column}
          </code>{' '}
          <span className="diagnostic-message">{d.message}</span> <span className="diagnostic-rule">({d.rule})</span>
        </li>
      ))}
    </ul>
  );
}

/** Top-of-page panel; renders nothing for a recipe with no problems. */
export function ProblemsPanel({
  diagnostics,
  stepTitles,
  file,
}: {
  diagnostics: Diagnostic[];
  stepTitles: string[];
  file?: string | undefined;
}) {
  if (diagnostics.length === 0) return null;
  const { errors } = countBySeverity(diagnostics);
  const general = diagnostics.filter((d) => d.stepIndex === undefined || d.stepIndex < 0 || d.stepIndex >= stepTitles.length);
  const byStep = new Map<number, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.stepIndex === undefined || d.stepIndex < 0 || d.stepIndex >= stepTitles.length) continue;
    byStep.set(d.stepIndex, [...(byStep.get(d.stepIndex) ?? []), d]);
  }
  return (
    <section
      className={`problems-panel ${errors ? 'has-errors' : 'has-warnings'}`}
      aria-labelledby="problems-title"
      data-testid="problems-panel"
    >
      <h2 id="problems-title" className="problems-title">
        This recipe has problems: <span data-testid="problems-summary">{summaryText(diagnostics)}</span>
      </h2>
      <p className="problems-help">
        {errors ? (
          <>
            The parts that parsed are shown below. Fix the problems in the recipe file
            {file ? (
              <>
                {' '}
                (<code>{file}</code>)
              </>
            ) : null}
            ; <code>npm run recipes:lint</code> lists them too.
          </>
        ) : (
          'Warnings do not stop the recipe from working, but the file should be cleaned up.'
        )}
      </p>
      {general.length > 0 && <DiagnosticList diagnostics={general} file={file} />}
      {byStep.size > 0 && (
        <ul className="problems-steps">
          {[...byStep.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([index, list]) => (
              <li key={index}>
                <a href={`#step-${index + 1}`}>
                  Step {index + 1}: {stepTitles[index]}
                </a>{' '}
                ({summaryText(list)})
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
