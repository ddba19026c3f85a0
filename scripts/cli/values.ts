/**
 * `--value [RECIPE:]STEP.PATH=VALUE` (repeatable) for recipes:code and recipes:test: STEP is
 * 1-based as on the page, PATH an input of that step (`entry.mediaType`, `body.` may be left out),
 * VALUE text converted to the input's type (numbers, true/false, an enum's value or constant name,
 * JSON for objects and lists). RECIPE (the file name without .md) limits a value to one recipe
 * when several are given. Also: which required values a step still lacks, and how to name them.
 */
import { basename } from 'node:path';
import type { FormModel, FormValues } from '../../lib/form/types';
import { resolveValues } from '../../lib/form/values';
import { validateValues } from '../../lib/form/validate';
import { fieldsByPath, givenValue, userPath, valueFlag, type GivenValue } from '../../lib/runner/given-values';

export const VALUE_USAGE = `  --value STEP.PATH=VALUE
                  an input of a step (1-based, as on the page), e.g. --value 3.entry.mediaType=1;
                  repeatable; prefix RECIPE: (the file name without .md) to aim at one of several recipes`;

export interface ValueFlag {
  /** Recipe slug (file name without .md) the value is for; undefined: every recipe given. */
  recipe?: string;
  /** 0-based step index. */
  step: number;
  path: string;
  text: string;
  /** The flag as written, for messages. */
  raw: string;
}

export function parseValueFlags(list: readonly string[], fail: (message: string) => never): ValueFlag[] {
  return list.map((raw) => {
    const eq = raw.indexOf('=');
    const m = eq > 0 ? /^(?:([a-z0-9][a-z0-9._-]*):)?(\d+)\.(.+)$/i.exec(raw.slice(0, eq)) : null;
    const [, recipe, stepText, path] = m ?? [];
    if (stepText === undefined || path === undefined)
      fail(`--value ${raw}: write STEP.PATH=VALUE, e.g. --value 3.entry.mediaType=1 (STEP counts from 1, as on the page).`);
    const step = Number(stepText);
    if (step < 1) fail(`--value ${raw}: steps count from 1, as on the page.`);
    const v: ValueFlag = { step: step - 1, path, text: raw.slice(eq + 1), raw };
    if (recipe) v.recipe = recipe.replace(/\.md$/i, '');
    return v;
  });
}

/** The recipe slug of a file (`recipes/upload-media.md` -> `upload-media`). */
export function slugOf(file: string): string {
  return basename(file).replace(/\.md$/i, '');
}

/**
 * The values of one recipe, by 0-based step, checked against its forms. Returns the problems
 * (a step or input the recipe does not have, a value of the wrong type) instead of failing, so
 * that the caller can name the recipe.
 */
export function valuesForRecipe(
  file: string,
  forms: FormModel[],
  flags: readonly ValueFlag[],
): { values: Record<number, GivenValue[]>; errors: string[] } {
  const slug = slugOf(file);
  const values: Record<number, GivenValue[]> = {};
  const errors: string[] = [];
  for (const f of flags) {
    if (f.recipe !== undefined && f.recipe !== slug) continue;
    const form = forms[f.step];
    if (!form) {
      errors.push(`--value ${f.raw}: ${file} has ${forms.length} step${forms.length === 1 ? '' : 's'}, so there is no step ${f.step + 1}.`);
      continue;
    }
    if (!form.service) {
      errors.push(`--value ${f.raw}: step ${f.step + 1} of ${file} makes no API call, so it has no inputs.`);
      continue;
    }
    const g = givenValue(form, f.path, f.text);
    if ('error' in g) errors.push(`--value ${f.raw}: ${g.error}`);
    else (values[f.step] ??= []).push(g);
  }
  return { values, errors };
}

export interface MissingValue {
  step: number;
  path: string;
  message: string;
  flag: string;
}

/**
 * Required inputs a step has no value for, before any call (values from earlier steps are left
 * out: they come when the program runs). A dropdown filled by a call counts as missing: printed
 * code has no one to choose.
 */
export function missingRequired(form: FormModel, values: FormValues): MissingValue[] {
  const by = fieldsByPath(form);
  const resolved = resolveValues(form, values, {});
  return validateValues(form, resolved.values)
    .filter((e) => /is required/.test(e.message))
    .filter((e) => {
      const f = by.get(e.path);
      return !f?.dynamicValue && f?.kind !== 'file';
    })
    .map((e) => ({
      step: form.stepIndex,
      path: e.path,
      message: `${userPath(e.path)} is required`,
      flag: valueFlag(form.stepIndex, e.path),
    }));
}
