/**
 * One step of a recipe page: `<section id="step-N">` with its heading ("Step N" + title), the
 * problems attached to it, its prose (markdown), the languages it offers samples in, then the
 * interactive area (StepInteractive, full width below the prose).
 */
import type { Diagnostic, Step } from '@/lib/recipe/types';
import { Markdown } from '@/components/markdown/Markdown';
import { StepInteractive } from './StepInteractive';
import { StepLanguages } from './StepLanguages';
import { DiagnosticList, countBySeverity, summaryText } from './Diagnostics';
import { runnerStep } from '@/lib/recipe/runner-model';

export interface StepSectionProps {
  slug: string;
  step: Step;
  stepCount: number;
  /** The problems whose stepIndex is this step's index. */
  diagnostics: Diagnostic[];
  file?: string;
}

export function stepAnchor(index: number): string {
  return `step-${index + 1}`;
}

export function StepSection({ slug, step, stepCount, diagnostics, file }: StepSectionProps) {
  const id = stepAnchor(step.index);
  const { errors } = countBySeverity(diagnostics);
  return (
    <section id={id} className={`step${errors ? ' step-has-errors' : ''}`} aria-labelledby={`${id}-title`} data-step-index={step.index}>
      <h2 id={`${id}-title`} className="step-title">
        <span className="step-number">
          Step {step.index + 1}
          <span className="visually-hidden">: </span>
        </span>
        <span className="step-title-text">{step.title || 'Untitled step'}</span>
      </h2>
      {diagnostics.length > 0 && (
        <div className="step-problems" role="note" aria-label={`Problems in step ${step.index + 1}`} data-testid={`step-${step.index + 1}-problems`}>
          <p className="step-problems-summary">{summaryText(diagnostics)} in this step</p>
          <DiagnosticList diagnostics={diagnostics} file={file} />
        </div>
      )}
      <Markdown source={step.prose} className="prose step-prose" />
      <StepLanguages step={step} />
      <StepInteractive slug={slug} step={runnerStep(step)} stepCount={stepCount} />
    </section>
  );
}
