/**
 * Reporters of `npm run recipes:test`: readable text (colours only on a terminal), JUnit XML (one
 * test case per step that makes a call, plus one for a recipe's own errors) and JSON (everything
 * the runner reports, secrets masked).
 */
import { entryStatusName } from '../../lib/description/kaltura/statuses';
import type { RecipeReport, StepReport } from '../../lib/runner/run-recipe';

export interface FileReport {
  file: string;
  /** The recipe could not be read or run at all (a missing file, bad --value for it). */
  error?: string;
  report?: RecipeReport;
}

export interface RunSummary {
  recipes: number;
  recipesPassed: number;
  steps: number;
  passed: number;
  failed: number;
  skipped: number;
  timeMs: number;
}

export interface Target {
  kind: 'sandbox' | 'endpoint';
  serviceUrl: string;
  partnerId?: number;
}

/** Steps that are test cases: those that make (or would make) a call. */
export function countedSteps(r: RecipeReport): StepReport[] {
  return r.steps.filter((s) => s.operation !== undefined);
}

export function summarize(files: FileReport[], timeMs: number): RunSummary {
  const s: RunSummary = { recipes: files.length, recipesPassed: 0, steps: 0, passed: 0, failed: 0, skipped: 0, timeMs };
  for (const f of files) {
    if (f.report?.passed && !f.error) s.recipesPassed++;
    if (!f.report) {
      s.failed++;
      continue;
    }
    if (f.report.lint.length) s.failed++;
    for (const st of countedSteps(f.report)) {
      s.steps++;
      if (st.status === 'passed') s.passed++;
      else if (st.status === 'failed') s.failed++;
      else s.skipped++;
    }
  }
  return s;
}

// ------------------------------------------------------------------ text

export interface Paint {
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function paint(color: boolean): Paint {
  const w = (a: number, b: number) => (s: string) => (color ? `\u001b[${a}m${s}\u001b[${b}m` : s);
  return { green: w(32, 39), red: w(31, 39), yellow: w(33, 39), dim: w(2, 22), bold: w(1, 22) };
}

function ms(n: number): string {
  return n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(1)} s`;
}

/** The lines of one step (printed as soon as it is done). */
export function textStep(file: string, s: StepReport, p: Paint): string {
  if (s.operation === undefined) return '';
  const head = `Step ${s.number} ${s.operation}`;
  if (s.status === 'skipped') return `  ${p.yellow('-')} ${head} ${p.dim(`skipped: ${s.reason ?? ''}`)}\n`;
  const meta = p.dim(
    `${s.httpStatus !== undefined ? `HTTP ${s.httpStatus}  ` : ''}${ms(s.timeMs)}${s.entry ? `  (entry ${entryStatusName(s.entry.status) === 'READY' ? 'READY' : `status ${String(s.entry.status)}`} after ${s.entry.checks} check${s.entry.checks === 1 ? '' : 's'})` : ''}`,
  );
  const passedExpect = s.expect?.filter((x) => x.pass).length ?? 0;
  const exp = s.expect?.length ? p.dim(`  expect ${passedExpect}/${s.expect.length}`) : '';
  if (s.status === 'passed') return `  ${p.green('✓')} ${head}  ${meta}${exp}\n`;
  const f = s.failure!;
  let out = `  ${p.red('✗')} ${head}  ${meta}${exp}\n`;
  out += `      ${p.bold(`${file}:${f.line}`)}: ${p.red(f.message)}\n`;
  if (f.hint) out += `      ${p.dim('hint:')} ${f.hint}\n`;
  for (const x of s.expect ?? [])
    if (!x.pass && f.kind === 'expect' && x.line !== f.line)
      out += `      ${p.bold(`${file}:${x.line}`)}: ${p.red(`expect: ${x.message}.`)}\n`;
  return out;
}

export function textRecipeHead(file: string, title: string | undefined, p: Paint): string {
  return `${p.bold(file)}${title ? ` ${p.dim('—')} ${title}` : ''}\n`;
}

/** A recipe's own errors (lint) and an unreadable file. */
export function textRecipeProblems(f: FileReport, p: Paint): string {
  let out = '';
  if (f.error) out += `  ${p.red('✗')} ${p.red(f.error)}\n`;
  for (const l of f.report?.lint ?? []) out += `  ${p.red('✗')} ${p.bold(`${f.file}:${l.line}`)}: ${p.red(`error: ${l.message}`)}\n`;
  return out;
}

export function textSummary(s: RunSummary, p: Paint): string {
  const parts = [`${s.passed} passed`, s.failed ? p.red(`${s.failed} failed`) : '0 failed', `${s.skipped} skipped`];
  const recipes = `${s.recipesPassed} of ${s.recipes} recipe${s.recipes === 1 ? '' : 's'} passed`;
  const line = `${recipes}; steps: ${parts.join(', ')} (${ms(s.timeMs)})`;
  return `${s.failed || s.recipesPassed < s.recipes ? p.red(line) : p.green(line)}\n`;
}

// ------------------------------------------------------------------ JUnit

/** XML text: escaped, and without the control characters XML 1.0 cannot hold. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const sec = (n: number) => (n / 1000).toFixed(3);

export function junit(files: FileReport[], s: RunSummary): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="recipes:test" tests="${s.steps + files.filter((f) => !f.report || f.report.lint.length).length}" failures="${s.failed}" errors="0" skipped="${s.skipped}" time="${sec(s.timeMs)}">`,
  );
  for (const f of files) {
    const r = f.report;
    const cases: string[] = [];
    let failures = 0;
    let skipped = 0;
    const classname = xmlText(f.file.replace(/\.md$/i, '').replace(/[\\/]/g, '.'));
    const lint = r?.lint ?? [];
    const [firstLint] = lint;
    if (!r || firstLint) {
      failures++;
      const msg = f.error ?? lint.map((l) => `${f.file}:${l.line}: ${l.message}`).join('\n');
      // A report without one has an error (FileReport): the fallback only keeps the XML whole.
      const first = f.error ?? firstLint?.message ?? 'the recipe was not run';
      cases.push(
        `    <testcase classname="${classname}" name="recipe" file="${xmlText(f.file)}"${firstLint ? ` line="${firstLint.line}"` : ''} time="0.000">\n      <failure message="${xmlText(first)}" type="recipe">${xmlText(msg)}</failure>\n    </testcase>`,
      );
    }
    for (const st of r ? countedSteps(r) : []) {
      const name = xmlText(`Step ${st.number}: ${st.operation} (${st.title})`);
      const attrs = `classname="${classname}" name="${name}" file="${xmlText(f.file)}" line="${st.line}" time="${sec(st.timeMs)}"`;
      if (st.status === 'passed') cases.push(`    <testcase ${attrs}/>`);
      else if (st.status === 'skipped') {
        skipped++;
        cases.push(`    <testcase ${attrs}>\n      <skipped message="${xmlText(st.reason ?? '')}"/>\n    </testcase>`);
      } else {
        failures++;
        const fl = st.failure!;
        const body = `${f.file}:${fl.line}: ${fl.message}${fl.hint ? `\nhint: ${fl.hint}` : ''}`;
        cases.push(
          `    <testcase ${attrs}>\n      <failure message="${xmlText(fl.message)}" type="${xmlText(fl.code ?? fl.kind)}">${xmlText(body)}</failure>\n    </testcase>`,
        );
      }
    }
    out.push(
      `  <testsuite name="${xmlText(f.file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${sec(r?.timeMs ?? 0)}">`,
    );
    out.push(...cases);
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

// ------------------------------------------------------------------ JSON

export function json(files: FileReport[], s: RunSummary, target: Target): string {
  const doc = {
    tool: 'recipes:test',
    format: 1,
    target,
    summary: s,
    recipes: files.map((f) => ({
      file: f.file,
      ...(f.error ? { error: f.error } : {}),
      ...(f.report
        ? {
            title: f.report.title,
            passed: f.report.passed && !f.error,
            timeMs: f.report.timeMs,
            lint: f.report.lint,
            steps: f.report.steps,
          }
        : { passed: false }),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
