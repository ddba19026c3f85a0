/**
 * The recipe's table of contents: one link per step (`#step-N`), plus the intro and Finish.
 * Each step item carries `data-step-index` (0-based) and `data-step-state` ("pending" for now) so
 * the runner can mark done steps (e.g. set `data-step-state="done"`; the CSS shows a check mark).
 * Sticky on the left on wide screens; a collapsible box above the content on narrow ones. The link
 * of the section being read gets aria-current="location" (TocSpy).
 */
import type { Diagnostic, Step } from '@/lib/recipe/types';
import { TocSpy } from './TocSpy';

export interface TableOfContentsProps {
  steps: Step[];
  hasIntro: boolean;
  hasFinish: boolean;
  /** The whole-recipe program section (#whole-program) follows the steps. */
  hasProgram?: boolean;
  diagnostics: Diagnostic[];
}

export function TableOfContents({ steps, hasIntro, hasFinish, hasProgram = false, diagnostics }: TableOfContentsProps) {
  const errorSteps = new Set(diagnostics.filter((d) => d.severity === 'error' && d.stepIndex !== undefined).map((d) => d.stepIndex));
  return (
    <nav className="toc" id="recipe-toc" aria-label="Table of contents">
      <TocSpy navId="recipe-toc" />
      <details className="toc-details" open>
        <summary className="toc-summary">
          Contents{' '}
          <span className="toc-count">
            ({steps.length} {steps.length === 1 ? 'step' : 'steps'})
          </span>
        </summary>
        <ol className="toc-list">
          {hasIntro && <PlainItem kind="intro" href="#intro" text="Introduction" />}
          {steps.map((step) => (
            <li key={step.index} className="toc-item toc-step" data-step-index={step.index} data-step-state="pending">
              <a href={`#step-${step.index + 1}`}>
                <span className="toc-marker" aria-hidden="true">
                  {step.index + 1}
                </span>
                <span className="toc-text">
                  <span className="visually-hidden">Step {step.index + 1}: </span>
                  {step.title || `Step ${step.index + 1}`}
                </span>
                {errorSteps.has(step.index) && (
                  <span className="toc-problem" title="This step has errors">
                    !<span className="visually-hidden"> (has errors)</span>
                  </span>
                )}
              </a>
            </li>
          ))}
          {hasProgram && <PlainItem kind="program" href="#whole-program" text="Whole program" />}
          {hasFinish && <PlainItem kind="finish" href="#finish" text="Finish" />}
        </ol>
      </details>
    </nav>
  );
}

/** A contents entry that is not a step (no number, no state): the introduction, the program, the finish. */
function PlainItem({ kind, href, text }: { kind: string; href: string; text: string }) {
  return (
    <li className={`toc-item toc-${kind}`}>
      <a href={href}>
        <span className="toc-marker" aria-hidden="true" />
        <span className="toc-text">{text}</span>
      </a>
    </li>
  );
}
