/** unknown-path: an operation path the API description does not have. */
import type { ApiDescription } from '../../description/types';
import { nearest } from '../suggest';
import type { Diagnostic } from '../types';
import { call, steps } from './examples';
import { report, type RecipeRule } from './rule';
import { checkInputs } from './walk';

export const unknownPath: RecipeRule = {
  id: 'unknown-path',
  severity: 'error',
  needsApi: true,
  doc: "An API Call `path` (or the `path` of a `dynamicEnum` that fills a dropdown) that is no operation of the API description, so the call cannot be made and its form is empty. Fix the service or action name (the message suggests the nearest, or lists the service's actions); for another API, name its OpenAPI description as `openapi` in METADATA.",
  ok: [steps(call('{ "path": "/service/media/action/list" }'))],
  notOk: [
    steps(call('{ "path": ⟦"/service/media/action/lst"⟧ }')),
    steps(
      call(
        '{ "path": "/service/media/action/list", "parameters": [{ "name": "categoryId", "custom": true, "dynamicEnum": { "path": ⟦"/service/category/action/lst"⟧ } }] }',
      ),
    ),
  ],
  run({ recipe, api, locate }) {
    if (!api) return [];
    const out: Diagnostic[] = [];
    for (const step of recipe.steps) {
      const call = step.apiCall;
      if (!call?.path || api.operation(call.path)) continue;
      const sug = nearestPath(api, call.path);
      let fix: string;
      if (sug) {
        fix = `: did you mean "${sug}"?`;
      } else {
        const service = /^\/service\/([^/]+)/i.exec(call.path)?.[1]?.toLowerCase();
        const actions = api
          .operations()
          .filter((o) => o.service.toLowerCase() === service)
          .map((o) => o.action);
        fix = actions.length
          ? `: the ${service} service has the actions ${actions.join(', ')}.`
          : '. Check the service and action names (/service/<service>/action/<action>); for another API, give the URL of its OpenAPI description as "openapi" in METADATA.';
      }
      out.push(report(unknownPath, `The API has no operation "${call.path}"${fix}`, locate(call, 'path') ?? call.range, step.index));
    }
    // The call that fills a dropdown is an operation too.
    out.push(
      ...checkInputs(recipe, ({ dynamicEnum: de }, name, _owner, step) => {
        if (!de || api.operation(de.path)) return undefined;
        const sug = nearestPath(api, de.path);
        return report(
          unknownPath,
          `The dropdown "${name}" is filled by "${de.path}", which the API does not have${sug ? `: did you mean "${sug}"?` : ': check the service and action names.'}`,
          locate(de, 'path') ?? step.apiCall!.range,
          step.index,
        );
      }),
    );
    return out;
  },
};

function nearestPath(api: ApiDescription, path: string): string | undefined {
  const ops = api.operations();
  // Paths share long common parts, so only a few edits count as a typo.
  return nearest(
    path,
    ops.map((o) => o.path),
    Math.max(2, Math.floor(path.length / 10)),
  );
}
