/**
 * Every shipped recipe (recipes/*.md) lints clean, with no error and no warning, against the
 * built-in API description AND against Kaltura's published one
 * (../shared/reference/kaltura.19_4_0.openapi.json, loaded the way `npm run recipes:lint --api`
 * loads it). The published half skips loudly when the reference is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getKalturaDescription, type ApiDescription } from '@/lib/description';
import { buildForm } from '@/lib/form';
import { parseRecipe } from '@/lib/recipe';
import { loadApi } from '@/lib/server/api';

const ROOT = join(import.meta.dirname, '../../..');
const REFERENCE = join(ROOT, '../shared/reference/kaltura.19_4_0.openapi.json');
const present = existsSync(REFERENCE);
if (!present) console.warn(`Shipped recipes vs the published Kaltura description: skipped, ${REFERENCE} is absent.`);

const files = readdirSync(join(ROOT, 'recipes'))
  .filter((f) => f.endsWith('.md'))
  .sort();
const sources = Object.fromEntries(files.map((f) => [f, readFileSync(join(ROOT, 'recipes', f), 'utf8')]));

/** `file:line:col: severity: message` for each problem, so a failure says where to look. */
function problems(file: string, api: ApiDescription): string[] {
  return parseRecipe(sources[file]!, { api }).diagnostics.map((d) => `recipes/${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
}

/** The operations a recipe's steps call, as `service.action`. */
function calls(file: string, api: ApiDescription): string[] {
  const recipe = parseRecipe(sources[file]!, { api });
  return recipe.steps.flatMap((s) => {
    const op = s.apiCall?.path ? api.operation(s.apiCall.path) : undefined;
    return op ? [`${op.service}.${op.action}`] : [];
  });
}

function suite(label: string, load: () => Promise<ApiDescription>) {
  describe(`shipped recipes against ${label}`, () => {
    it('there are shipped recipes to check', () => {
      expect(files.length).toBeGreaterThanOrEqual(13);
    });
    for (const file of files) {
      it(`${file} has no lint error and no warning`, async () => {
        const api = await load();
        expect(problems(file, api)).toEqual([]);
      });
      it(`${file}: every API call is known and every form takes the recipe's inputs`, async () => {
        const api = await load();
        const recipe = parseRecipe(sources[file]!, { api });
        for (const step of recipe.steps) {
          if (!step.apiCall?.path) continue;
          const form = buildForm(step, api);
          expect(form.known, `${file} step ${step.index + 1}: ${step.apiCall.path}`).toBe(true);
          expect(form.notes, `${file} step ${step.index + 1}`).toEqual([]);
        }
      });
    }
  });
}

suite('the built-in description', async () => getKalturaDescription());

describe('shipped recipes point at each other correctly', () => {
  const slugs = new Set(files.map((f) => f.replace(/\.md$/, '')));
  for (const file of files) {
    it(`${file}: every relatedRecipes slug is a shipped recipe`, () => {
      const related = parseRecipe(sources[file]!).metadata.relatedRecipes ?? [];
      for (const slug of related) expect(slugs.has(slug), `${file} names "${slug}"`).toBe(true);
      expect(related, `${file} does not name itself`).not.toContain(file.replace(/\.md$/, ''));
    });
  }
});

describe('shipped recipes without an API description (as tests/e2e/recipes-all.spec.ts parses them)', () => {
  for (const file of files) {
    it(`${file} has no lint error`, () => {
      const errors = parseRecipe(sources[file]!).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `recipes/${file}:${d.line}:${d.column}: ${d.message}`)).toEqual([]);
    });
  }
});

let published: Promise<ApiDescription> | undefined;
const loadPublished = () => (published ??= loadApi([REFERENCE]).then((l) => l.api));

describe.skipIf(!present)(`shipped recipes and the published description${present ? '' : ' (skipped: the reference is absent)'}`, () => {
  suite('the published Kaltura description', loadPublished);

  it('every operation a shipped recipe calls has the same name, plugin and URL in both descriptions', async () => {
    const builtin = getKalturaDescription();
    const ref = await loadPublished();
    for (const file of files) {
      for (const name of calls(file, builtin)) {
        const [service, action] = name.split('.') as [string, string];
        const ours = builtin.operationByName(service, action)!;
        const theirs = ref.operationByName(service, action);
        expect(theirs, `${file}: ${name} in the published description`).toBeDefined();
        expect(
          { path: ours.path, plugin: ours.plugin, serviceId: ours.serviceId, params: ours.params.map((p) => p.name) },
          `${file}: ${name}`,
        ).toEqual({
          path: theirs!.path,
          plugin: theirs!.plugin,
          serviceId: theirs!.serviceId,
          params: theirs!.params.map((p) => p.name),
        });
      }
    }
  });
});
