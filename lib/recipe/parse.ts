/**
 * parseRecipe: recipe markdown -> the typed model of ./types, with located diagnostics.
 * Never throws; runs in the browser and in Node (no file system access).
 */
import type { ApiDescription } from '../api/types';
import { parseJson, type JsonNode } from './json';
import { LineIndex } from './lines';
import { MAX_NESTING, scanBlocksIncremental, tameNesting, type Block } from './markdown';
import { isObject, Normalizer, setOwn, value, type Origin } from './normalize';
import { runRules, type LintRule } from './rules';
import { API_RULES } from './rules-api';
import { expectRule, readExpect } from './expect';
import { PROSE_RULES } from './rules-prose';
import { nearest } from './suggest';
import { validateBlock, type Problem } from './validate';
import {
  EXTRA_SAMPLE_LANGUAGES, PORTAL_LANGUAGES,
  type ApiCall, type Diagnostic, type Recipe, type RecipeMetadata, type Sample, type Severity, type Step,
} from './types';

export interface ParseOptions {
  /** The API description: enables the rules that check paths and parameters against it. */
  api?: ApiDescription;
  /** Extra lint rules to run after the built-in ones. */
  rules?: LintRule[];
}

export const SAMPLE_LANGUAGES: readonly string[] = [...PORTAL_LANGUAGES, ...EXTRA_SAMPLE_LANGUAGES];
const PORTAL_SET = new Set<string>(PORTAL_LANGUAGES);
const EXTRA_SET = new Set<string>(EXTRA_SAMPLE_LANGUAGES);

export function emptyMetadata(): RecipeMetadata {
  return { tags: [], keywords: [], hidden: false, relatedRecipes: [], extra: {} };
}

export function parseRecipe(source: string, options: ParseOptions = {}): Recipe {
  let text = '';
  try {
    text = typeof source === 'string' ? source : source == null ? '' : String(source);
  } catch {
    text = '';
  }
  let lines: LineIndex | undefined;
  try {
    lines = new LineIndex(text);
    const parser = new RecipeParser(text, lines);
    const recipe = parser.parse();
    const extra = runRules(
      { recipe, source: text, api: options.api, lines, origins: parser.origins },
      [expectRule, ...API_RULES, ...PROSE_RULES, ...(options.rules ?? [])],
    );
    recipe.diagnostics.push(...extra);
    recipe.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    return recipe;
  } catch (err) {
    const r = lines ? lines.span(0, lines.ends[0] ?? 0) : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    return {
      title: '',
      metadata: emptyMetadata(),
      intro: '',
      steps: [],
      diagnostics: [{
        severity: 'error',
        rule: 'internal-error',
        message: `The recipe could not be read because of an internal error in the parser (${describeError(err)}). Please report it with this file; meanwhile check the recipe around recent changes.`,
        line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column,
      }],
    };
  }
}

export function describeError(err: unknown): string {
  try {
    return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  } catch {
    return 'unknown error';
  }
}

type SubKind = 'api' | 'sample' | 'demo';
interface Sub {
  kind: SubKind;
  heading: Block;
  title: string;
  language?: string;
  /** The block was consumed (or the sub is to be ignored entirely). */
  got: boolean;
  ignore?: boolean;
  warned?: boolean;
}

interface Piece { start: number; end: number }

interface StepBuild {
  step: Step;
  pieces: Piece[];
  lastProse: boolean;
}

const ATX_LINE = /^ {0,3}#{1,6}(?:[ \t]|$)/;

class RecipeParser {
  readonly origins = new WeakMap<object, Origin>();
  private readonly diags: Diagnostic[] = [];
  private md = '';

  constructor(private readonly text: string, private readonly lines: LineIndex) {}

  private diag(severity: Severity, rule: string, message: string, start: number, end: number, stepIndex?: number): void {
    const r = this.lines.span(start, end);
    const d: Diagnostic = {
      severity, rule, message,
      line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column,
    };
    if (stepIndex !== undefined) d.stepIndex = stepIndex;
    this.diags.push(d);
  }

  private problems(ps: Problem[], base: number, stepIndex?: number): void {
    for (const p of ps) this.diag(p.severity, p.rule, p.message, base + p.offset, base + p.offset + p.length, stepIndex);
  }

  parse(): Recipe {
    const recipe: Recipe = { title: '', metadata: emptyMetadata(), intro: '', steps: [], diagnostics: this.diags };
    const tamed = tameNesting(this.metadata(recipe), this.lines.starts);
    this.md = tamed.md;
    const md = this.md;
    for (const at of tamed.changed) {
      this.diag('warning', 'deep-nesting', `This line nests more than ${MAX_NESTING} block quotes or list items: only the first ${MAX_NESTING} levels are read, the rest as text. Flatten it.`, at, this.lines.lineEndOf(at));
    }
    const blocks = scanBlocksIncremental(md, this.lines.starts);

    // A last `## Finish` is closing prose, not a step.
    let lastH2 = -1;
    for (let i = 0; i < blocks.length; i++) if (blocks[i].heading?.depth === 2) lastH2 = i;
    const finishAt = lastH2 >= 0 && this.headingText(blocks[lastH2]) === 'Finish' ? lastH2 : -1;

    let section: 'pre' | 'intro' | 'step' | 'finish' = 'pre';
    const intro: Piece[] = [];
    const finish: Piece[] = [];
    let introLast = false;
    let finishLast = false;
    let cur: StepBuild | undefined;
    const builds: StepBuild[] = [];
    let sub: Sub | undefined;
    let titleSeen = false;

    const addProse = (b: Block) => {
      const start = this.lines.lineStartOf(b.start);
      if (section === 'step' && cur) {
        if (cur.lastProse && cur.pieces.length) cur.pieces[cur.pieces.length - 1].end = b.end;
        else cur.pieces.push({ start, end: b.end });
        cur.lastProse = true;
      } else if (section === 'finish') {
        if (finishLast && finish.length) finish[finish.length - 1].end = b.end;
        else finish.push({ start, end: b.end });
        finishLast = true;
      } else {
        if (introLast && intro.length) intro[intro.length - 1].end = b.end;
        else intro.push({ start, end: b.end });
        introLast = true;
      }
    };
    const closeSub = () => {
      if (sub && !sub.got && !sub.ignore && cur) this.missingBlock(sub, cur);
      sub = undefined;
    };

    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      const depth = b.heading?.depth ?? 0;
      if (depth === 1) {
        closeSub();
        if (!titleSeen) {
          titleSeen = true;
          recipe.title = this.headingText(b);
          recipe.titleRange = this.lines.range(b.start, b.end);
          if (!recipe.title) this.diag('error', 'empty-title', 'The title is empty: write the recipe\'s name after "# ".', b.start, b.end);
          if (section === 'pre') {
            section = 'intro';
            introLast = false;
          } else {
            this.diag('warning', 'title-position', 'The title ("# ") should come before the first step: move it to the top, under the METADATA.', b.start, b.end, cur?.step.index);
          }
          if (cur) cur.lastProse = false;
          continue;
        }
        this.diag('error', 'multiple-titles', 'A second title ("# " heading): a recipe has exactly one. Make this a step ("## ") or a subsection ("### "), or remove it.', b.start, b.end, section === 'step' ? cur?.step.index : undefined);
        addProse(b);
        continue;
      }
      if (depth === 2) {
        closeSub();
        if (i === finishAt) {
          section = 'finish';
          continue;
        }
        const index = builds.length;
        const title = this.headingText(b);
        const step: Step = { index, title, range: this.lines.range(b.start, b.end), prose: '', samples: [], languages: [] };
        if (!title) this.diag('warning', 'empty-step-title', `Step ${index + 1} has no title: write it after "## ".`, b.start, b.end, index);
        cur = { step, pieces: [], lastProse: false };
        builds.push(cur);
        section = 'step';
        continue;
      }
      if (depth === 3 && section === 'step' && cur) {
        closeSub();
        sub = this.openSub(b, cur);
        if (sub) cur.lastProse = false;
        else addProse(b);
        continue;
      }
      if (sub && cur) {
        if (!sub.got && !sub.ignore && depth === 0 && this.take(sub, b, cur)) {
          sub.got = true;
          continue;
        }
        if (!sub.ignore && !sub.warned && b.type !== 'htmlFlow') {
          sub.warned = true;
          this.diag('warning', 'ignored-content', `This text is inside the "### ${sub.title}" section ${sub.got ? 'after' : 'before'} its code block and is not shown: move it above the "### ${sub.title}" heading.`, b.start, b.end, cur.step.index);
        }
        continue;
      }
      if (b.code && !b.code.closed) this.unclosed(b, section === 'step' ? cur?.step.index : undefined);
      addProse(b);
    }
    closeSub();

    if (!titleSeen) {
      this.diag('error', 'no-title', 'The recipe has no title: add a "# Title" line at the top (after the METADATA comment).', 0, this.lines.ends[0] ?? 0);
    }
    recipe.intro = this.join(intro);
    if (finishAt >= 0) recipe.finish = this.join(finish);
    for (const sb of builds) {
      const s = sb.step;
      s.prose = this.join(sb.pieces);
      s.languages = this.languages(s);
      recipe.steps.push(s);
    }
    return recipe;
  }

  private join(pieces: Piece[]): string {
    return pieces.map((p) => this.md.slice(p.start, p.end)).join('\n\n');
  }

  private headingText(b: Block): string {
    const h = b.heading;
    if (!h) return '';
    return plainText(this.md.slice(h.textStart, h.textEnd));
  }

  // ---------------------------------------------------------------- metadata

  /** Finds, parses and blanks out the METADATA comment; returns the markdown to parse. */
  private metadata(recipe: Recipe): string {
    const text = this.text;
    const open = /^[ \t]{0,3}<!--METADATA/m.exec(text);
    if (!open) return text;
    const start = open.index + open[0].indexOf('<');
    // Only before the first heading line.
    const lineAt = this.lines.lineOf(start);
    for (let l = 0; l < lineAt; l++) {
      if (ATX_LINE.test(text.slice(this.lines.starts[l], this.lines.ends[l]))) return text;
    }
    const jsonStart = start + '<!--METADATA'.length;
    // The first heading line after the opening bounds the comment.
    let limit = text.length;
    for (let l = lineAt + 1; l < this.lines.lineCount; l++) {
      if (ATX_LINE.test(text.slice(this.lines.starts[l], this.lines.ends[l]))) {
        limit = this.lines.starts[l];
        break;
      }
    }
    let close = text.indexOf('-->', jsonStart);
    let regionEnd: number;
    let jsonEnd: number;
    if (close >= 0 && close < limit) {
      jsonEnd = close;
      regionEnd = this.lines.lineEndOf(close + 3);
    } else {
      close = -1;
      jsonEnd = limit;
      regionEnd = limit;
      this.diag('error', 'metadata-unclosed', 'The METADATA comment is not closed: add a line "-->" after its JSON object.', start, start + '<!--METADATA'.length);
    }
    recipe.metadataRange = this.lines.range(start, close >= 0 ? close + 3 : jsonEnd);
    const json = text.slice(jsonStart, jsonEnd);
    try {
      this.metadataJson(recipe, json, jsonStart);
    } catch (err) {
      recipe.metadata = emptyMetadata();
      this.diag('error', 'internal-error', `The METADATA could not be read because of an internal error (${describeError(err)}); the rest of the recipe still works. Please report it.`, start, start + '<!--METADATA'.length);
    }
    const blank = text.slice(start, regionEnd).replace(/[^\r\n]/g, ' ');
    return text.slice(0, start) + blank + text.slice(regionEnd);
  }

  private metadataJson(recipe: Recipe, json: string, base: number): void {
    const parsed = parseJson(json);
    if (parsed.error) {
      const e = parsed.error;
      this.diag('error', 'json-syntax', `Invalid JSON in METADATA: ${e.message}`, base + e.offset, base + e.offset + e.length);
    } else {
      this.problems(validateBlock('metadata', parsed.value, parsed.root), base);
    }
    const v = parsed.value;
    if (!isObject(v)) return;
    const m = recipe.metadata;
    const strs = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
    for (const k of Object.keys(v)) {
      const x = v[k];
      switch (k) {
        case 'summary': case 'icon': case 'openapi':
          if (typeof x === 'string') m[k] = x;
          break;
        case 'sortOrder':
          if (typeof x === 'number' && Number.isFinite(x)) m.sortOrder = x;
          break;
        case 'tags': case 'keywords': case 'relatedRecipes':
          m[k] = strs(x);
          break;
        case 'hidden':
          m.hidden = x === true;
          break;
        default:
          setOwn(m.extra, k, x);
      }
    }
  }

  // ---------------------------------------------------------------- subsections

  private openSub(b: Block, cur: StepBuild): Sub | undefined {
    const raw = this.headingText(b);
    const t = raw.replace(/\s+/g, ' ').trim();
    if (/^api call$/i.test(t)) {
      if (cur.step.apiCall) {
        this.diag('error', 'duplicate-api-call', `A second "### API Call" in step ${cur.step.index + 1}: a step makes at most one call, so this one is ignored. Move it into a step of its own ("## ...").`, b.start, b.end, cur.step.index);
        return { kind: 'api', heading: b, title: t, got: false, ignore: true };
      }
      return { kind: 'api', heading: b, title: t, got: false };
    }
    if (/^demo$/i.test(t)) {
      if (cur.step.demo) {
        this.diag('error', 'duplicate-demo', `A second "### Demo" in step ${cur.step.index + 1}: a step has at most one demo, so this one is ignored. Remove it or merge the two.`, b.start, b.end, cur.step.index);
        return { kind: 'demo', heading: b, title: t, got: false, ignore: true };
      }
      return { kind: 'demo', heading: b, title: t, got: false };
    }
    const sm = /^sample code\b\s*(.*)$/i.exec(t);
    if (sm) {
      const lm = /^\(\s*([^()]*?)\s*\)$/.exec(sm[1]);
      const h = b.heading!;
      if (!lm || !lm[1]) {
        this.diag('error', 'sample-language-missing', `This Sample Code heading names no language: write it as "### Sample Code (python)", with one of ${SAMPLE_LANGUAGES.join(', ')}.`, h.textStart, h.textEnd, cur.step.index);
        return { kind: 'sample', heading: b, title: t, got: false, ignore: true };
      }
      const language = lm[1].toLowerCase();
      if (!PORTAL_SET.has(language) && !EXTRA_SET.has(language)) {
        const sug = nearest(language, SAMPLE_LANGUAGES);
        this.diag('error', 'unknown-language', `Unknown Sample Code language "${lm[1]}"${sug ? `: did you mean "${sug}"?` : '.'} Use one of ${SAMPLE_LANGUAGES.join(', ')}; this sample is not shown until then.`, h.textStart, h.textEnd, cur.step.index);
      }
      return { kind: 'sample', heading: b, title: t, language, got: false };
    }
    return undefined;
  }

  /** Offers block `b` to the open special subsection; true when it was consumed. */
  private take(sub: Sub, b: Block, cur: StepBuild): boolean {
    const step = cur.step;
    if (sub.kind === 'demo') {
      if (b.code) {
        if (!b.code.closed) this.unclosed(b, step.index);
        step.demo = { html: b.code.value, range: this.lines.range(b.start, b.end) };
        return true;
      }
      if (b.type === 'htmlFlow') {
        step.demo = { html: this.md.slice(b.start, b.end), range: this.lines.range(b.start, b.end) };
        return true;
      }
      return false;
    }
    if (!b.code) return false;
    if (sub.kind === 'sample') {
      if (!b.code.closed) this.unclosed(b, step.index);
      const language = sub.language ?? '';
      const body = b.code.value;
      const trimmed = body.trim();
      const auto = trimmed === '' || trimmed === 'auto';
      const sample: Sample = { language, auto, code: auto ? '' : body, range: this.lines.range(b.start, b.end) };
      const fenceLang = b.code.info.split(/\s+/)[0];
      if (fenceLang) sample.fenceLang = fenceLang;
      this.addSample(sample, sub, step);
      return true;
    }
    this.apiCall(sub, b, step);
    return true;
  }

  private addSample(sample: Sample, sub: Sub, step: Step): void {
    const h = sub.heading.heading!;
    if (step.samples.some((s) => s.language === sample.language)) {
      this.diag('warning', 'duplicate-sample', `A second "Sample Code (${sample.language})" in step ${step.index + 1}: only the first is shown. Remove one of them.`, h.textStart, h.textEnd, step.index);
    } else if (sample.auto && EXTRA_SET.has(sample.language)) {
      this.diag('error', 'sample-not-generated', `"${sample.language}" code cannot be generated: write the sample by hand in this block, or use a language that can be generated (${PORTAL_LANGUAGES.join(', ')}).`, sample.range.start.offset, sample.range.end.offset, step.index);
    }
    step.samples.push(sample);
  }

  private missingBlock(sub: Sub, cur: StepBuild): void {
    const b = sub.heading;
    const step = cur.step;
    if (sub.kind === 'api') {
      this.diag('error', 'api-call-no-block', `"### API Call" in step ${step.index + 1} has no code block: put the call's JSON in a fenced block under the heading (\`\`\`json { "method": "post", "path": "/service/...", "parameters": [] } \`\`\`).`, b.start, b.end, step.index);
    } else if (sub.kind === 'sample') {
      const sample: Sample = { language: sub.language ?? '', auto: true, code: '', range: this.lines.range(b.start, b.end) };
      this.diag('warning', 'sample-no-block', `"### ${sub.title}" has no code block, so the sample is generated: add a fenced block holding "auto" to say so, or the hand-written sample.`, b.start, b.end, step.index);
      this.addSample(sample, sub, step);
    } else {
      this.diag('warning', 'demo-no-block', `"### Demo" in step ${step.index + 1} has no HTML block, so there is no demo: add a fenced \`\`\`html block under the heading.`, b.start, b.end, step.index);
    }
  }

  private unclosed(b: Block, stepIndex?: number): void {
    const c = b.code!;
    const swallows = /^ {0,3}#{1,6}[ \t]/m.test(this.md.slice(c.contentStart, b.end));
    this.diag(
      swallows ? 'error' : 'warning', 'unclosed-fence',
      swallows
        ? 'This code block is never closed, so the sections after it are read as code: add a closing ``` line after its content.'
        : 'This code block is never closed: add a closing ``` line after its content.',
      b.start, this.lines.lineEndOf(b.start), stepIndex,
    );
  }

  // ---------------------------------------------------------------- API Call

  private apiCall(sub: Sub, b: Block, step: Step): void {
    try {
      this.apiCallUnsafe(sub, b, step);
    } catch (err) {
      delete step.apiCall;
      this.diag('error', 'internal-error', `This API Call block could not be read because of an internal error (${describeError(err)}); the rest of the recipe still works. Please report it.`, b.start, this.lines.lineEndOf(b.start), step.index);
    }
  }

  private apiCallUnsafe(sub: Sub, b: Block, step: Step): void {
    const c = b.code!;
    if (!c.closed) this.unclosed(b, step.index);
    const base = c.contentStart;
    const json = this.md.slice(c.contentStart, Math.max(c.contentStart, c.contentEnd));
    const parsed = parseJson(json);
    if (parsed.error) {
      const e = parsed.error;
      this.diag('error', 'json-syntax', `Invalid JSON in the API Call block of step ${step.index + 1}: ${e.message}`, base + e.offset, base + e.offset + e.length, step.index);
    } else {
      this.problems(validateBlock('apiCall', parsed.value, parsed.root), base, step.index);
    }
    const root = parsed.root;
    if (!root || root.type !== 'object') return;
    const norm = new Normalizer(this.lines, base, this.origins);
    const call: ApiCall = {
      parameters: [], ignoreParameters: [], disableSetupCode: false, extra: {},
      range: this.lines.range(c.contentStart, Math.max(c.contentStart, c.contentEnd)),
      headingRange: this.lines.range(sub.heading.start, sub.heading.end),
    };
    for (const [k, e] of norm.entries(root)) {
      if (!e.value) continue;
      const v = value(e.value);
      switch (k) {
        case 'method':
          if (typeof v === 'string') call.method = v;
          break;
        case 'path':
          if (typeof v === 'string') call.path = v;
          break;
        case 'parameters':
          if (e.value.type === 'array') {
            for (const pn of e.value.children ?? []) {
              const p = norm.parameter(pn as JsonNode);
              if (p) call.parameters.push(p);
            }
          }
          break;
        case 'ignoreParameters':
          if (Array.isArray(v)) call.ignoreParameters = v.filter((s): s is string => typeof s === 'string');
          break;
        case 'disableSetupCode':
          call.disableSetupCode = v === true;
          break;
        case 'expect': {
          const x = readExpect(e.value, norm);
          this.problems(x.problems, base, step.index);
          if (x.expectations.length > 0) call.expect = x.expectations;
          break;
        }
        default:
          setOwn(call.extra, k, v);
      }
    }
    this.problems(norm.problems, base, step.index);
    this.origins.set(call, { node: root, base });
    step.apiCall = call;
  }

  // ---------------------------------------------------------------- languages

  private languages(s: Step): Sample[] {
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
}

/** Heading markdown -> plain text (escapes, code-span backticks and a few entities). */
function plainText(md: string): string {
  return md
    .replace(/`+([^`]*?)`+/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' }[e] ?? _m))
    .replace(/\s+/g, ' ')
    .trim();
}

