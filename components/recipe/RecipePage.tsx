/**
 * The whole recipe page body (server component): header, problems panel, TOC, intro, steps, the
 * whole-recipe program, Finish. The route (app/recipes/[slug]/page.tsx) loads the recipe and the
 * code samples for the initial values (lib/server/initial-code.ts) and renders this.
 */
import Link from 'next/link';
import type { ApiSlice } from '@/lib/description/slice';
import type { Diagnostic, Recipe } from '@/lib/recipe/types';
import { Markdown } from '@/components/markdown/Markdown';
import { RecipeHeader } from './RecipeHeader';
import { TableOfContents } from './TableOfContents';
import { StepSection } from './StepSection';
import { ProblemsPanel } from './Diagnostics';
import { RunnerRoot } from './RunnerRoot';
import { LiveReload } from './LiveReload';
import { WholeRecipe } from '@/components/runner/WholeRecipe';
import type { InitialCode } from '@/lib/samples/initial';

export interface RecipePageProps {
  slug: string;
  recipe: Recipe;
  /** The part of the server's API description this recipe's steps reach (lib/server/slice.ts). */
  slice: ApiSlice;
  /** Why the configured API description (RECIPES_API) could not be loaded, when it could not. */
  apiError?: string | undefined;
  /** Shown in problem tooltips, e.g. `recipes/upload-media.md`. */
  file?: string | undefined;
  /** Reload the page's data when its file changes (authoring on this machine). */
  liveReload?: boolean;
  /** The METADATA `relatedRecipes` that exist, resolved by the route (slug and title). */
  related?: Array<{ slug: string; title: string }>;
  /** Code samples made and highlighted on the server for the initial values. */
  initialCode?: InitialCode | undefined;
}

export function RecipePage({ slug, recipe, slice, apiError, file, liveReload, related = [], initialCode }: RecipePageProps) {
  const steps = recipe.steps;
  const byStep = new Map<number, Diagnostic[]>();
  for (const d of recipe.diagnostics) {
    if (d.stepIndex === undefined || d.stepIndex < 0 || d.stepIndex >= steps.length) continue;
    byStep.set(d.stepIndex, [...(byStep.get(d.stepIndex) ?? []), d]);
  }
  const hasIntro = recipe.intro.trim().length > 0;
  const hasFinish = !!recipe.finish?.trim();
  const hasProgram = steps.some((s) => !!s.apiCall?.path);
  return (
    <RunnerRoot slug={slug} recipe={recipe} slice={slice} initialCode={initialCode}>
      {liveReload && <LiveReload slug={slug} />}
      <div className="recipe-layout" data-recipe={slug}>
        <aside className="recipe-aside">
          <TableOfContents
            steps={steps}
            hasIntro={hasIntro}
            hasFinish={hasFinish}
            hasProgram={hasProgram}
            diagnostics={recipe.diagnostics}
          />
        </aside>
        <article className="recipe" aria-labelledby="recipe-title">
          <RecipeHeader slug={slug} recipe={recipe} />
          {apiError && (
            <p className="api-error" role="alert" data-testid="api-error">
              The API description could not be loaded: {apiError} Meanwhile this page uses the built-in description of the services the
              sandbox covers.
            </p>
          )}
          <ProblemsPanel diagnostics={recipe.diagnostics} stepTitles={steps.map((s) => s.title)} file={file} />
          {hasIntro && (
            <section id="intro" className="recipe-intro" aria-label="Introduction">
              <Markdown source={recipe.intro} className="prose" />
            </section>
          )}
          {steps.length === 0 && (
            <p className="empty-note">
              This recipe has no steps yet: each <code>## </code> heading after the title starts one.
            </p>
          )}
          {steps.map((step) => (
            <StepSection
              key={step.index}
              slug={slug}
              step={step}
              stepCount={steps.length}
              diagnostics={byStep.get(step.index) ?? []}
              file={file}
            />
          ))}
          {hasProgram && (
            <section id="whole-program" className="recipe-program" aria-labelledby="whole-program-title">
              <h2 id="whole-program-title">The whole recipe as one program</h2>
              <p className="recipe-program-intro">
                Every step above in order, with the client set-up and each step&apos;s result passed on to the next, as the forms are filled
                now.
              </p>
              <WholeRecipe />
            </section>
          )}
          {hasFinish && (
            <section id="finish" className="recipe-finish" aria-labelledby="finish-title">
              <h2 id="finish-title">Finish</h2>
              <Markdown source={recipe.finish ?? ''} className="prose" />
            </section>
          )}
          {related.length > 0 && (
            <nav className="recipe-related" aria-labelledby="related-title">
              <h2 id="related-title">Related recipes</h2>
              <ul>
                {related.map((r) => (
                  <li key={r.slug}>
                    <Link href={`/recipes/${r.slug}`}>{r.title}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </article>
      </div>
    </RunnerRoot>
  );
}
