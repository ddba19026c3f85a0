/**
 * What a step's code tab shows, as plain functions (the components only render): generated code
 * for `auto` samples, hand-written samples with their placeholders filled, secrets masked.
 */
import { KS_PLACEHOLDER, SECRET_PLACEHOLDER, type CodegenContext, type LanguageGenerator } from '@/lib/codegen/types';
import { LANGUAGES, languageInfo } from '@/lib/codegen/registry';
import { scrubSecrets } from '@/lib/codegen/plan';
import type { ApiDescription } from '@/lib/description/types';
import { fillPlaceholders } from '@/lib/recipe/placeholders';
import type { Recipe, Sample, Step } from '@/lib/recipe/types';
import type { Connection, RequestModel } from '@/lib/request/types';
import { maskSecrets, replaceKss } from '@/lib/runner/secrets';

export interface SampleTab {
  /** The language id from the step (`python`, `html`, ...). */
  id: string;
  label: string;
  sample: Sample;
  /** Grammar/alias used to highlight it. */
  highlight: string;
}

const EXTRA_LABELS: Record<string, string> = { html: 'HTML', javascript: 'JavaScript', typescript: 'TypeScript' };

export function sampleTabs(step: Step): SampleTab[] {
  const seen = new Set<string>();
  const tabs: SampleTab[] = [];
  for (const sample of step.languages) {
    if (seen.has(sample.language)) continue;
    seen.add(sample.language);
    const g = languageInfo(sample.language);
    tabs.push({
      id: sample.language,
      label: g?.label ?? EXTRA_LABELS[sample.language] ?? sample.language,
      sample,
      highlight: sample.auto ? (g?.shikiLang ?? sample.language) : sample.fenceLang || g?.shikiLang || sample.language,
    });
  }
  return tabs;
}

export interface SampleOptions {
  request: RequestModel | null;
  answers: Record<string, unknown>;
  connection: Connection;
  api?: ApiDescription;
  setup: boolean;
  secrets: 'masked' | 'shown';
  /** What later steps read of this step's result (`laterReads`): generated samples print it. */
  reads?: readonly string[] | undefined;
}

/**
 * The text of one tab (what is shown is exactly what is copied). `g` is the tab's generator
 * (loaded with loadGenerator); undefined while it loads or for languages without one.
 */
export function sampleText(tab: SampleTab, o: SampleOptions, g: LanguageGenerator | undefined): string {
  const ctx: CodegenContext = {
    api: o.api,
    connection: o.connection,
    setup: o.setup,
    secrets: o.secrets,
    ...(o.reads?.length ? { reads: o.reads } : {}),
  };
  if (!tab.sample.auto) {
    // masked: the answers' secrets become placeholders before they are filled in
    const answers = o.secrets === 'shown' ? o.answers : maskSecrets(o.answers, placeholders(o.connection), KS_PLACEHOLDER);
    return masked(scrubSecrets(fillPlaceholders(tab.sample.code, answers), ctx, o.request ? [o.request] : []), o.secrets);
  }
  if (!languageInfo(tab.id)) return `// No code generator for "${tab.id}": write this sample by hand in the recipe.\n`;
  if (!o.request) return `${commentPrefix(tab.id)} This step makes no API call, so there is no code to generate.\n`;
  if (!g) return '';
  return masked(g.step(o.request, ctx), o.secrets);
}

function placeholders(c: Connection): Array<{ value: string; placeholder: string }> {
  const out: Array<{ value: string; placeholder: string }> = [];
  if (c.secret) out.push({ value: c.secret, placeholder: SECRET_PLACEHOLDER });
  if (c.ks) out.push({ value: c.ks, placeholder: KS_PLACEHOLDER });
  return out;
}

/** Masked text holds no KS at all (also one an earlier step answered), whatever wrote it. */
function masked(text: string, secrets: 'masked' | 'shown'): string {
  return secrets === 'shown' ? text : replaceKss(text, KS_PLACEHOLDER);
}

/** Whether the "include setup code" toggle applies: generated code of a call, unless the recipe turned it off. */
export function setupAllowed(step: Step, tab: SampleTab, request: RequestModel | null): boolean {
  return !step.apiCall?.disableSetupCode && tab.sample.auto && !!request && !!languageInfo(tab.id);
}

/** Whether the tab's text needs a generator that is not loaded yet. */
export function needsGenerator(tab: SampleTab, request: RequestModel | null): boolean {
  return tab.sample.auto && !!request && !!languageInfo(tab.id);
}

function commentPrefix(lang: string): string {
  return lang === 'curl' || lang === 'python' || lang === 'ruby' ? '#' : '//';
}

/** Languages that a whole-recipe program can be generated in. */
export const PROGRAM_LANGUAGES = Object.values(LANGUAGES);

export function programText(
  g: LanguageGenerator,
  recipe: Recipe,
  requests: Array<RequestModel | null>,
  connection: Connection,
  secrets: 'masked' | 'shown',
  api?: ApiDescription,
): string {
  const models = requests.filter((r): r is RequestModel => r !== null);
  if (models.length === 0) return `${commentPrefix(g.id)} "${recipe.title}" has no API calls.\n`;
  return masked(g.program(models, { api, connection, setup: true, secrets }), secrets);
}

/** A file name for the downloaded program: `uploading-media-files.py`. */
export function programFileName(recipe: Recipe, lang: string): string {
  const g = languageInfo(lang);
  const base =
    recipe.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'recipe';
  if (lang === 'java') return 'CodeExample.java';
  return `${base}.${g?.fileExtension ?? 'txt'}`;
}
