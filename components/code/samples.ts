/**
 * What a step's code tab shows, as plain functions (the components only render): generated code
 * for `auto` samples, hand-written samples with their placeholders filled, secrets masked.
 */
import { GENERATORS, generatorFor, type CodegenContext } from '@/lib/codegen';
import { scrubSecrets } from '@/lib/codegen/plan';
import type { ApiDescription } from '@/lib/api/types';
import { fillPlaceholders } from '@/lib/recipe/placeholders';
import type { Recipe, Sample, Step } from '@/lib/recipe/types';
import type { Connection, RequestModel } from '@/lib/request/types';

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
    const g = generatorFor(sample.language);
    tabs.push({
      id: sample.language,
      label: g?.label ?? EXTRA_LABELS[sample.language] ?? sample.language,
      sample,
      highlight: sample.auto ? (g?.shikiLang ?? sample.language) : (sample.fenceLang || g?.shikiLang || sample.language),
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
}

/** The text of one tab (what is shown is exactly what is copied). */
export function sampleText(tab: SampleTab, o: SampleOptions): string {
  const ctx: CodegenContext = { api: o.api, connection: o.connection, setup: o.setup, secrets: o.secrets };
  if (!tab.sample.auto) {
    return scrubSecrets(fillPlaceholders(tab.sample.code, o.answers), ctx, o.request ? [o.request] : []);
  }
  const g = generatorFor(tab.id);
  if (!g) return `// No code generator for "${tab.id}": write this sample by hand in the recipe.\n`;
  if (!o.request) return `${commentPrefix(tab.id)} This step makes no API call, so there is no code to generate.\n`;
  return g.step(o.request, ctx);
}

function commentPrefix(lang: string): string {
  return lang === 'curl' || lang === 'python' || lang === 'ruby' ? '#' : '//';
}

/** Languages that a whole-recipe program can be generated in. */
export const PROGRAM_LANGUAGES = Object.values(GENERATORS);

export function programText(
  lang: string,
  recipe: Recipe,
  requests: Array<RequestModel | null>,
  connection: Connection,
  secrets: 'masked' | 'shown',
  api?: ApiDescription,
): string {
  const g = generatorFor(lang);
  if (!g) return '';
  const models = requests.filter((r): r is RequestModel => r !== null);
  if (models.length === 0) return `${commentPrefix(lang)} "${recipe.title}" has no API calls.\n`;
  return g.program(models, { api, connection, setup: true, secrets });
}

/** A file name for the downloaded program: `uploading-media-files.py`. */
export function programFileName(recipe: Recipe, lang: string): string {
  const g = generatorFor(lang);
  const base = recipe.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'recipe';
  if (lang === 'java') return 'CodeExample.java';
  return `${base}.${g?.fileExtension ?? 'txt'}`;
}
