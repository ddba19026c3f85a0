/**
 * The languages a step offers code samples in (its Sample Code blocks, or every portal language
 * when it has none), as a compact list; hand-written samples are marked. Shown by StepSection
 * until the code-samples tabs (which show the same languages) replace it.
 */
import type { Step } from '@/lib/recipe/types';

export function StepLanguages({ step }: { step: Step }) {
  if (step.languages.length === 0) return null;
  const labelId = `step-${step.index + 1}-languages`;
  return (
    <div className="step-languages">
      <span className="step-languages-label" id={labelId}>
        Sample code
      </span>
      <ul className="language-list" aria-labelledby={labelId}>
        {step.languages.map((s) => (
          <li key={s.language} className={s.auto ? 'lang lang-auto' : 'lang lang-written'} title={s.auto ? 'generated from the step' : 'hand-written'}>
            {s.language}
            {!s.auto && <span className="visually-hidden"> (hand-written)</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
