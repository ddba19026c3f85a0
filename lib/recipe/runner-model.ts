/**
 * The recipe as the step runner needs it in the browser: steps with their API Call, samples and
 * demo, but without prose, intro, finish or diagnostics (the server renders those as HTML), so the
 * page does not send the text twice.
 */
import type { Recipe, Step } from './types';

export function runnerStep(step: Step): Step {
  return step.prose === '' ? step : { ...step, prose: '' };
}

export function runnerRecipe(recipe: Recipe): Recipe {
  const out: Recipe = {
    title: recipe.title,
    metadata: recipe.metadata.openapi ? { ...emptyMeta(), openapi: recipe.metadata.openapi } : emptyMeta(),
    intro: '',
    steps: recipe.steps.map(runnerStep),
    diagnostics: [],
  };
  return out;
}

function emptyMeta(): Recipe['metadata'] {
  return { tags: [], keywords: [], hidden: false, relatedRecipes: [], extra: {} };
}
