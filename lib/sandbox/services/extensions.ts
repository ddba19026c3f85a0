/**
 * What the generic services cannot read from the description, by class and by action: the
 * hooks and overrides of the services of the shipped recipes (assets and their content,
 * categories, custom metadata, cue points, users, application tokens, access control, eSearch), and
 * the operations answered from what the sandbox keeps (computed.ts, tags.ts, moderation.ts,
 * quiz.ts).
 * Each applies only where the description has the class or action it names.
 */
import type { SandboxCore } from '../core';
import type { ClassHooks, ExtensionPart, Extensions, Override } from '../generic/engine';
import { appTokenExtensions } from './appTokens';
import { categoryExtensions, entryCategories } from './categories';
import { attach, attachFile, contentActions, dropContent } from './content';
import { computedOverrides } from './computed';
import { entryExtensions } from './entry-space';
import { esearchOverrides } from './esearch';
import { metadataExtensions } from './metadata';
import { moderationExtensions } from './moderation';
import { moreOverrides } from './more';
import { loginExtensions } from './logins';
import { entryThumbnail, objectExtensions } from './objects';
import { quizExtensions } from './quiz';
import { socialOverrides } from './social';
import { tagOverrides } from './tags';

/** Two sets of hooks of one class, each called in turn. */
function combine(a: ClassHooks, b: ClassHooks): ClassHooks {
  const out: ClassHooks = {};
  for (const k of ['beforeAdd', 'afterAdd', 'beforeUpdate', 'beforeDelete', 'present'] as const) {
    const f = a[k] as ((...args: unknown[]) => void) | undefined;
    const g = b[k] as ((...args: unknown[]) => void) | undefined;
    if (f || g)
      (out as Record<string, unknown>)[k] = async (...args: unknown[]) => {
        await f?.(...args);
        await g?.(...args);
      };
  }
  if (a.computed || b.computed) out.computed = [...(a.computed ?? []), ...(b.computed ?? [])];
  return out;
}

export function extensions(core: SandboxCore): Extensions {
  const parts: ExtensionPart[] = [
    categoryExtensions(core),
    objectExtensions(core),
    appTokenExtensions(core),
    loginExtensions(core),
    metadataExtensions(),
    entryExtensions(core),
    moderationExtensions(core),
    quizExtensions(),
    {
      hooks: {},
      overrides: {
        ...esearchOverrides(core),
        ...socialOverrides(core),
        ...moreOverrides(core),
        ...computedOverrides(core),
        ...tagOverrides(core),
      },
    },
  ];
  const hooks: Record<string, ClassHooks> = {};
  const overrides: Record<string, Override> = {};
  const filterFields: Record<string, string[]> = {};
  for (const p of parts) {
    for (const [cls, h] of Object.entries(p.hooks)) hooks[cls] = hooks[cls] ? combine(hooks[cls]!, h) : h;
    Object.assign(overrides, p.overrides);
    for (const [cls, fields] of Object.entries(p.filterFields ?? {})) filterFields[cls] = [...(filterFields[cls] ?? []), ...fields];
  }
  core.entryExtras = async (ctx, e) => ({ ...(await entryCategories(core, ctx, e)), ...(await entryThumbnail(core, ctx, e.id)) });
  return {
    hooks,
    overrides,
    filterFields,
    content: contentActions(core),
    dropContent: (row) => dropContent(core, row),
    attachFile: (g, row, file) => attachFile(core, g, row, file),
    attachToken: (g, row, token) => attach(core, g, row, { objectType: 'KalturaUploadedFileTokenResource', token: token as string }),
  };
}
