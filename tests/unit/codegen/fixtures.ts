/**
 * Request models for the codegen tests, built the way the page builds them: parseRecipe ->
 * buildForm/initialValues -> buildRequestModel, with earlier steps' results for live refs.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDescription, getKalturaDescription } from '@/lib/description';
import type { ApiDescription } from '@/lib/description/types';
import { buildForm, initialValues } from '@/lib/form';
import { buildRequestModel } from '@/lib/request/build';
import { parseRecipe } from '@/lib/recipe';
import type { Recipe } from '@/lib/recipe/types';
import type { Connection, RequestModel } from '@/lib/request/types';
import type { CodegenContext } from '@/lib/codegen';

export const api = getKalturaDescription();
export const ROOT = join(import.meta.dirname, '../../..');

export const connection: Connection = {
  serviceUrl: 'http://127.0.0.1:3000',
  partnerId: 1000042,
  secret: 'test-admin-secret-0123456789abcdef',
  ks: 'djJ8MTAwMDA0MnxTRUNSRVQtS1M',
};

export const TOKEN = '0_0123456789abcdef0123456789abcdef';
export const ENTRY = '0_abcd1234';

/** Outcomes of the upload recipe's steps, for live refs. */
export const uploadResults = {
  0: { ok: true, response: { objectType: 'KalturaUploadToken', id: TOKEN, status: 0 }, answers: {} },
  1: { ok: true, response: { objectType: 'KalturaUploadToken', id: TOKEN, status: 2 }, answers: {} },
  2: { ok: true, response: { objectType: 'KalturaMediaEntry', id: ENTRY, mediaType: 1, status: 7 }, answers: {} },
};

/** The values a user typically enters in the upload recipe (step 3: a video with a name). */
export const uploadEdit: ValueEdit = (values, i) =>
  i === 2
    ? {
        ...values,
        body: {
          entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name: 'Kaltura Logo', description: 'Uploaded with the recipe console' },
        },
      }
    : values;

export function loadRecipe(file: string): Recipe {
  return parseRecipe(readFileSync(join(ROOT, file), 'utf8'));
}

/** Kaltura's published description (../shared/reference), or undefined when it is absent. */
export const PUBLISHED_PATH = join(ROOT, '../shared/reference/kaltura.19_4_0.openapi.json');
let published: ApiDescription | undefined;
export function publishedApi(): ApiDescription | undefined {
  if (published) return published;
  if (!existsSync(PUBLISHED_PATH)) return undefined;
  published = createDescription(JSON.parse(readFileSync(PUBLISHED_PATH, 'utf8')));
  return published;
}

/** The test recipes that use services of the published description (tests/unit/codegen/recipes/published). */
export function publishedRecipeFiles(): string[] {
  return readdirSync(join(ROOT, 'tests/unit/codegen/recipes/published'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `tests/unit/codegen/recipes/published/${f}`);
}

export function recipeFiles(): string[] {
  return readdirSync(join(ROOT, 'recipes'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `recipes/${f}`);
}

export type ValueEdit = (values: Record<string, unknown>, stepIndex: number) => Record<string, unknown>;

/** Every step's model (null for steps without a call). */
export function buildModels(
  recipe: Recipe,
  opts: { results?: Record<number, unknown>; edit?: ValueEdit; conn?: Connection; filePath?: string; api?: ApiDescription } = {},
): Array<RequestModel | null> {
  const conn = opts.conn ?? connection;
  const desc = opts.api ?? api;
  return recipe.steps.map((step) => {
    const form = buildForm(step, desc);
    let values = initialValues(form, conn) as Record<string, unknown>;
    for (const f of form.fields) {
      if (f.kind === 'file' && f.param)
        values = { ...values, [f.path]: { kind: 'file', name: 'pixel.png', size: 68, mimeType: 'image/png', path: opts.filePath } };
    }
    if (opts.edit) values = opts.edit(values, step.index);
    const { model } = buildRequestModel({
      step,
      form,
      values,
      results: (opts.results ?? {}) as never,
      connection: conn,
      api: desc,
    });
    return model;
  });
}

export function ctxOf(over: Partial<CodegenContext> = {}): CodegenContext {
  return { api, connection, setup: false, secrets: 'masked', ...over };
}
