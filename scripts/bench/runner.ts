/**
 * Step runner benchmark: the work done per keystroke (form merge, effective values, request
 * model, HTTP form), validation with ajv, and the first render of the response tree of a ~5 MB
 * answer (only open nodes render). Prints figures; compare as ratios within one run.
 *
 *   npx tsx scripts/bench/runner.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { getKalturaDescription } from '../../lib/description';
import { parseRecipe } from '../../lib/recipe';
import { buildForm, initialValues, resolveValues, validateValues } from '../../lib/form';
import { buildRequestModel } from '../../lib/request/build';
import { toHttpRequest } from '../../lib/request/http';
import { JsonTree } from '../../components/response/JsonTree';

const api = getKalturaDescription();
const conn = { serviceUrl: 'http://localhost:3000', partnerId: 1, ks: 'KS' };
const steps = readdirSync('recipes')
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => parseRecipe(readFileSync(`recipes/${f}`, 'utf8')).steps)
  .filter((s) => s.apiCall?.path);
const results = Object.fromEntries(
  Array.from({ length: 8 }, (_, i) => [
    i,
    { ok: true, response: { id: `0_${i}`, objects: [{ id: '0_x' }] }, answers: { uploadTokenId: 't' } },
  ]),
);

function time(label: string, n: number, fn: () => void) {
  fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  const ms = (performance.now() - t) / n;
  console.log(`${label.padEnd(48)} ${(ms * 1000).toFixed(1).padStart(9)} µs`);
}

console.log(`${steps.length} steps with a call, in every recipe`);
time('buildForm, all steps', 200, () => {
  for (const s of steps) buildForm(s, api);
});
const prepared = steps.map((step) => {
  const form = buildForm(step, api);
  return { step, form, values: initialValues(form, conn) };
});
time('per keystroke: resolve + model + HTTP, all steps', 200, () => {
  for (const { step, form, values } of prepared) {
    const r = buildRequestModel({ step, form, values, results, connection: conn, api });
    if (r.model) toHttpRequest(r.model);
  }
});
time('validateValues (ajv, cached), all steps', 200, () => {
  for (const { form, values } of prepared) validateValues(form, resolveValues(form, values, results).values);
});

const big = {
  objectType: 'KalturaMediaListResponse',
  objects: Array.from({ length: 7000 }, (_, i) => ({
    objectType: 'KalturaMediaEntry',
    id: `0_${i}`,
    name: `Entry ${i}`,
    description: 'x'.repeat(600),
  })),
  totalCount: 7000,
};
const text = JSON.stringify(big);
console.log(`response: ${(text.length / 1e6).toFixed(1)} MB`);
time('JSON.parse of it', 5, () => JSON.parse(text));
time('first render of its tree (open depth 1)', 5, () => renderToString(createElement(JsonTree, { value: big, openDepth: 1 })));
time('render with objects open (first 100 shown)', 5, () => renderToString(createElement(JsonTree, { value: big, openDepth: 2 })));
