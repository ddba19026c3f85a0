/**
 * `### Sample Code (<language>)` subsections: the language from the heading, the samples of a
 * step as written, and the languages the step offers.
 */
import type { HeadingInfo } from './markdown';
import type { Reporter } from './parse-report';
import { duplicateSample } from './rules/duplicate-sample';
import { sampleLanguageMissing } from './rules/sample-language-missing';
import { sampleNotGenerated } from './rules/sample-not-generated';
import { unknownLanguage } from './rules/unknown-language';
import { nearest } from './suggest';
import { EXTRA_SAMPLE_LANGUAGES, PORTAL_LANGUAGES, type Sample, type Step } from './types';

export const SAMPLE_LANGUAGES: readonly string[] = [...PORTAL_LANGUAGES, ...EXTRA_SAMPLE_LANGUAGES];
const PORTAL_SET = new Set<string>(PORTAL_LANGUAGES);
const EXTRA_SET = new Set<string>(EXTRA_SAMPLE_LANGUAGES);

/**
 * For a `Sample Code ...` heading (`title`, white space folded): its lower-cased language, or
 * `ignore` when it names none (reported); undefined for any other heading.
 */
export function sampleHeading(
  title: string,
  h: HeadingInfo,
  step: Step,
  out: Reporter,
): { language?: string; ignore?: boolean } | undefined {
  const sm = /^sample code\b\s*(.*)$/i.exec(title);
  if (!sm) return undefined;
  const lm = /^\(\s*([^()]*?)\s*\)$/.exec(sm[1] ?? '');
  if (!lm || !lm[1]) {
    out.report(
      sampleLanguageMissing,
      `This Sample Code heading names no language: write it as "### Sample Code (python)", with one of ${SAMPLE_LANGUAGES.join(', ')}.`,
      h.textStart,
      h.textEnd,
      step.index,
    );
    return { ignore: true };
  }
  const language = lm[1].toLowerCase();
  if (!PORTAL_SET.has(language) && !EXTRA_SET.has(language)) {
    const sug = nearest(language, SAMPLE_LANGUAGES);
    out.report(
      unknownLanguage,
      `Unknown Sample Code language "${lm[1]}"${sug ? `: did you mean "${sug}"?` : '.'} Use one of ${SAMPLE_LANGUAGES.join(', ')}; this sample is not shown until then.`,
      h.textStart,
      h.textEnd,
      step.index,
    );
  }
  return { language };
}

/** Adds a sample to its step, reporting a second one of a language and `auto` where nothing is generated. */
export function addSample(sample: Sample, h: HeadingInfo, step: Step, out: Reporter): void {
  if (step.samples.some((s) => s.language === sample.language)) {
    out.report(
      duplicateSample,
      `A second "Sample Code (${sample.language})" in step ${step.index + 1}: only the first is shown. Remove one of them.`,
      h.textStart,
      h.textEnd,
      step.index,
    );
  } else if (sample.auto && EXTRA_SET.has(sample.language)) {
    out.report(
      sampleNotGenerated,
      `"${sample.language}" code cannot be generated: write the sample by hand in this block, or use a language that can be generated (${PORTAL_LANGUAGES.join(', ')}).`,
      sample.range.start.offset,
      sample.range.end.offset,
      step.index,
    );
  }
  step.samples.push(sample);
}

/** The languages a step offers (see Step.languages). */
export function stepLanguages(s: Step): Sample[] {
  if (s.samples.length === 0) {
    if (!s.apiCall?.path) return [];
    return PORTAL_LANGUAGES.map((language) => ({ language, auto: true, code: '', range: s.range }));
  }
  const out: Sample[] = [];
  const seen = new Set<string>();
  for (const x of s.samples) {
    if (seen.has(x.language)) continue;
    seen.add(x.language);
    if (PORTAL_SET.has(x.language) || (EXTRA_SET.has(x.language) && !x.auto)) out.push(x);
  }
  return out;
}
