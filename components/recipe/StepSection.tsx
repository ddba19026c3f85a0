/**
 * One step of a recipe page: `<section id="step-N">` with its heading ("Step N: title"), the
 * problems attached to it and its prose (markdown, rendered here on the server), handed to the
 * interactive part (StepInteractive), which lays them out with the form on the left and the code
 * and response on the right. A step with nothing to run or show is prose only.
 */
import type { Diagnostic, Step } from '@/lib/recipe/types';
import { Markdown } from '@/components/markdown/Markdown';
import { StepInteractive } from './StepInteractive';
import { DiagnosticList, countBySeverity, summaryText } from './Diagnostics';

export interface StepSectionProps {
  slug: string;
  step: Step;
  stepCount: number;
  /** The problems whose stepIndex is this step's index. */
  diagnostics: Diagnostic[];
  file?: string | undefined;
}

export function stepAnchor(index: number): string {
  return `step-${index + 1}`;
}

export function StepSection({ step, diagnostics, file }: StepSectionProps) {
  const id = stepAnchor(step.index);
  const { errors } = countBySeverity(diagnostics);
  const interactive = !!step.apiCall || step.languages.length > 0 || !!step.demo;
  const head = (
    <>
      <h2 id={`${id}-title`} className="step-title">
        <span className="step-number">Step {step.index + 1}:</span> <span className="step-title-text">{step.title || 'Untitled step'}</span>
      </h2>
      {diagnostics.length > 0 && (
        <div
          className="step-problems"
          role="note"
          aria-label={`Problems in step ${step.index + 1}`}
          data-testid={`step-${step.index + 1}-problems`}
        >
          <p className="step-problems-summary">{summaryText(diagnostics)} in this step</p>
          <DiagnosticList diagnostics={diagnostics} file={file} />
        </div>
      )}
      <Markdown source={step.prose} className="prose step-prose" />
    </>
  );
  return (
    <section
      id={id}
      className={`step${errors ? ' step-has-errors' : ''}${interactive ? '' : ' step-plain'}`}
      aria-labelledby={`${id}-title`}
      data-step-index={step.index}
    >
      {interactive ? <StepInteractive stepIndex={step.index}>{head}</StepInteractive> : head}
    </section>
  );
}
