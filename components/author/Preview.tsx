'use client';
/**
 * The live preview of /author: the parsed draft rendered like a recipe page (intro, numbered
 * steps, prose, Finish) with the step runner's own components (RunnerRoot, StepInteractive), so
 * the steps run against the sandbox from the preview.
 */
import type { ApiDescription } from '@/lib/description/types';
import type { Recipe } from '@/lib/recipe/types';
import { RunnerRoot } from '@/components/recipe/RunnerRoot';
import { StepInteractive } from '@/components/recipe/StepInteractive';
import { PageTools } from '@/components/recipe/PageTools';
import { ClientMarkdown } from './ClientMarkdown';

export interface PreviewProps {
  slug: string;
  recipe: Recipe | undefined;
  /** The API description the draft is linted and run against. */
  api: ApiDescription;
}

export function Preview({ slug, recipe, api }: PreviewProps) {
  if (!recipe) return <p className="author-loading">Reading the recipe…</p>;
  const errorsByStep = new Map<number, number>();
  for (const d of recipe.diagnostics) {
    if (d.severity === 'error' && d.stepIndex !== undefined) errorsByStep.set(d.stepIndex, (errorsByStep.get(d.stepIndex) ?? 0) + 1);
  }
  return (
    <RunnerRoot slug={slug} recipe={recipe} api={api}>
      <article className="recipe author-preview-recipe" aria-labelledby="preview-title">
        <header className="recipe-header">
          <div className="recipe-header-main">
            <h1 id="preview-title" className="recipe-title">
              {recipe.title || <em>No title yet: add a line “# Title”</em>}
            </h1>
            {recipe.metadata.summary && <p className="recipe-summary">{recipe.metadata.summary}</p>}
          </div>
          <PageTools slug={slug} stepCount={recipe.steps.length} />
        </header>
        {recipe.intro.trim() && (
          <section className="recipe-intro" aria-label="Introduction">
            <ClientMarkdown source={recipe.intro} />
          </section>
        )}
        {recipe.steps.length === 0 && (
          <p className="empty-note">
            No steps yet: each <code>## </code> heading after the title starts one.
          </p>
        )}
        {recipe.steps.map((step) => (
          <section
            key={step.index}
            className="step"
            id={`preview-step-${step.index + 1}`}
            aria-labelledby={`preview-step-${step.index + 1}-title`}
            data-step-index={step.index}
          >
            <StepInteractive stepIndex={step.index}>
              <h2 id={`preview-step-${step.index + 1}-title`} className="step-title">
                <span className="step-number">Step {step.index + 1}:</span>{' '}
                <span className="step-title-text">{step.title || 'Untitled step'}</span>
              </h2>
              {errorsByStep.get(step.index) ? (
                <p className="author-step-errors" role="note">
                  {errorsByStep.get(step.index)} error{errorsByStep.get(step.index) === 1 ? '' : 's'} in this step: see Problems.
                </p>
              ) : null}
              <ClientMarkdown source={step.prose} className="prose step-prose" />
            </StepInteractive>
          </section>
        ))}
        {recipe.finish?.trim() && (
          <section className="recipe-finish" aria-labelledby="preview-finish-title">
            <h2 id="preview-finish-title">Finish</h2>
            <ClientMarkdown source={recipe.finish} />
          </section>
        )}
      </article>
    </RunnerRoot>
  );
}
