/**
 * prose-class: a step's prose names a Kaltura class its form does not offer. The form is the one
 * the page builds (the same `buildForm` the runner uses, shared through ./forms).
 */
import type { ApiDescription } from '../../description/types';
import { walkFields } from '../../form/build';
import type { LintContext } from '../lint';
import { nearest } from '../suggest';
import type { Diagnostic, Range, Step } from '../types';
import { call, steps } from './examples';
import { formOf } from './forms';
import { report, type RecipeRule } from './rule';

const addContent = (prose: string) =>
  steps(
    `${prose}\n\n${call('{ "path": "/service/media/action/addContent", "parameters": [{ "name": "body", "in": "body", "schema": { "properties": { "entryId": {}, "resource": { "properties": { "objectType": { "consoleDefault": "KalturaUploadedFileTokenResource" }, "token": {} } } } } }] }')}`,
  );

export const proseClass: RecipeRule = {
  id: 'prose-class',
  severity: 'warning',
  needsApi: true,
  doc: "A step's prose names a Kaltura class that the step's form does not offer: a class the API description does not have (often a misspelt one), or a subclass of an object the form takes that is not among its choices. A reader would look for it in the form's `objectType` choices and not find it. Classes the form does not take at all (the result, another step's object), base classes of its choices, enums and code blocks are not checked. Fix the prose, or offer the class (`objectType` enum or preset).",
  ok: [addContent('Attach the file with a KalturaUploadedFileTokenResource; the call answers a KalturaMediaEntry.')],
  notOk: [addContent('Attach the file with a ⟦KalturaUploadedFileResourceToken⟧, or a ⟦KalturaUrlResource⟧.')],
  run(ctx) {
    const api = ctx.api!;
    const out: Diagnostic[] = [];
    for (const step of ctx.recipe.steps) {
      if (!step.apiCall?.path || !/\bKaltura[A-Z]/.test(step.prose)) continue;
      const { offered, declared } = formClasses(api, step, ctx.recipe);
      if (offered.size === 0) continue;
      const { from, to, skip } = stepSpans(ctx, step);
      const text = ctx.source.slice(from, to);
      const seen = new Set<string>();
      for (const m of text.matchAll(CLASS_NAME)) {
        const at = from + m.index;
        const name = m[0];
        if (seen.has(name) || skip.some(([a, b]) => at >= a && at < b)) continue;
        seen.add(name);
        if (offered.has(name) || declared.has(name) || api.getEnum(name)) continue;
        const list = [...offered].join(', ');
        let message: string | undefined;
        if (!api.getClass(name)) {
          const sug = nearest(name, offered, Math.max(4, Math.floor(name.length / 3)));
          message = `The prose names ${name}, which the API description does not have${sug ? `: did you mean ${sug}?` : '.'} This step's form offers ${list}.`;
        } else if ([...declared].some((d) => api.isSubclassOf(name, d))) {
          // A subclass of an object the form takes, but not one of its choices.
          message = `The prose names ${name}, which this step's form does not offer (it offers ${list}). Fix the prose, or offer it (objectType enum or preset).`;
        }
        if (message) out.push(report(proseClass, message, rangeAt(ctx.source, at, name.length), step.index));
      }
    }
    return out;
  },
};

const CLASS_NAME = /\bKaltura[A-Z][A-Za-z0-9_]*\b/g;

/** The classes the step's form offers (objectType choices and presets) and those it declares. */
function formClasses(api: ApiDescription, step: Step, recipe: LintContext['recipe']): { offered: Set<string>; declared: Set<string> } {
  const offered = new Set<string>();
  const declared = new Set<string>();
  walkFields(formOf(recipe, api, step).fields, (f) => {
    if (f.kind !== 'object') return;
    if (f.className) declared.add(f.className);
    if (f.presetClass) offered.add(f.presetClass);
    for (const c of f.subclasses ?? []) offered.add(c);
  });
  return { offered, declared };
}

/** Source offsets of the step's text (heading to the next step), minus its API Call, samples and demo. */
function stepSpans(ctx: LintContext, step: Step): { from: number; to: number; skip: Array<[number, number]> } {
  const next = ctx.recipe.steps[step.index + 1];
  const from = step.range.start.offset;
  let to = next ? next.range.start.offset : ctx.source.length;
  // A `## Finish` section after the last step is not the step's prose.
  const finish = /^## +Finish\b/im.exec(ctx.source.slice(from + 1, to));
  if (!next && finish) to = from + 1 + finish.index;
  const skip: Array<[number, number]> = [];
  const add = (r?: Range) => r && skip.push([r.start.offset, r.end.offset]);
  add(step.range);
  add(step.apiCall?.range);
  for (const s of step.samples) add(s.range);
  add(step.demo?.range);
  // Fenced code in the prose (examples) is not a statement about the form.
  const fence = /^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm;
  const text = ctx.source.slice(from, to);
  for (const m of text.matchAll(fence)) skip.push([from + m.index, from + m.index + m[0].length]);
  return { from, to, skip };
}

function rangeAt(source: string, offset: number, length: number): Range {
  const pos = (o: number) => {
    const before = source.slice(0, o);
    const line = before.split('\n').length;
    const column = o - (before.lastIndexOf('\n') + 1) + 1;
    return { line, column, offset: o };
  };
  return { start: pos(offset), end: pos(offset + length) };
}
