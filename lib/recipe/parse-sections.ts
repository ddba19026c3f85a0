/**
 * The sections of a recipe: the title, the introduction, `## ` steps with their prose and their
 * `### API Call`, `### Sample Code (...)` and `### Demo` subsections, and a closing `## Finish`.
 * The blocks come from ./markdown; each special subsection takes the first code block under it.
 */
import { MAX_NESTING, scanBlocksIncremental, tameNesting, type Block } from './markdown';
import type { LineIndex } from './lines';
import type { Origin } from './normalize';
import { readApiCall } from './parse-api-call';
import { emptyMetadata, readMetadata } from './parse-metadata';
import { Reporter, type ReadState } from './parse-report';
import { addSample, sampleHeading, stepLanguages } from './parse-samples';
import { apiCallNoBlock } from './rules/api-call-no-block';
import { deepNesting } from './rules/deep-nesting';
import { demoNoBlock } from './rules/demo-no-block';
import { duplicateApiCall } from './rules/duplicate-api-call';
import { duplicateDemo } from './rules/duplicate-demo';
import { emptyStepTitle } from './rules/empty-step-title';
import { emptyTitle } from './rules/empty-title';
import { ignoredContent } from './rules/ignored-content';
import { multipleTitles } from './rules/multiple-titles';
import { noTitle } from './rules/no-title';
import { sampleNoBlock } from './rules/sample-no-block';
import { titlePosition } from './rules/title-position';
import { unclosedFence } from './rules/unclosed-fence';
import type { Recipe, Sample, Step } from './types';

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

interface Piece {
  start: number;
  end: number;
}

/** Adds prose from `start` to `end`: prose right after prose (`afterProse`) extends the last piece. */
function addPiece(pieces: Piece[], afterProse: boolean, start: number, end: number): void {
  const last = afterProse ? pieces.at(-1) : undefined;
  if (last) last.end = end;
  else pieces.push({ start, end });
}

interface StepBuild {
  step: Step;
  pieces: Piece[];
  lastProse: boolean;
}

export class RecipeParser {
  readonly origins = new WeakMap<object, Origin>();
  private readonly out: Reporter;
  private readonly state: ReadState;
  private md = '';

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {
    this.out = new Reporter(lines);
    this.state = { lines, out: this.out, origins: this.origins };
  }

  parse(): Recipe {
    const recipe: Recipe = { title: '', metadata: emptyMetadata(), intro: '', steps: [], diagnostics: this.out.diagnostics };
    const tamed = tameNesting(readMetadata(this.text, recipe, this.state), this.lines.starts);
    this.md = tamed.md;
    for (const at of tamed.changed) {
      this.out.report(
        deepNesting,
        `This line nests more than ${MAX_NESTING} block quotes or list items: only the first ${MAX_NESTING} levels are read, the rest as text. Flatten it.`,
        at,
        this.lines.lineEndOf(at),
      );
    }
    const blocks = scanBlocksIncremental(this.md, this.lines.starts);

    // A last `## Finish` is closing prose, not a step.
    const lastH2 = blocks.findLastIndex((b) => b.heading?.depth === 2);
    const lastH2Block = blocks[lastH2];
    const finishAt = lastH2Block && this.headingText(lastH2Block) === 'Finish' ? lastH2 : -1;

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
        addPiece(cur.pieces, cur.lastProse, start, b.end);
        cur.lastProse = true;
      } else if (section === 'finish') {
        addPiece(finish, finishLast, start, b.end);
        finishLast = true;
      } else {
        addPiece(intro, introLast, start, b.end);
        introLast = true;
      }
    };
    const closeSub = () => {
      if (sub && !sub.got && !sub.ignore && cur) this.missingBlock(sub, cur.step);
      sub = undefined;
    };

    for (const [i, b] of blocks.entries()) {
      const depth = b.heading?.depth ?? 0;
      if (depth === 1) {
        closeSub();
        if (!titleSeen) {
          titleSeen = true;
          recipe.title = this.headingText(b);
          recipe.titleRange = this.lines.range(b.start, b.end);
          if (!recipe.title) this.out.report(emptyTitle, 'The title is empty: write the recipe\'s name after "# ".', b.start, b.end);
          if (section === 'pre') {
            section = 'intro';
            introLast = false;
          } else {
            this.out.report(
              titlePosition,
              'The title ("# ") should come before the first step: move it to the top, under the METADATA.',
              b.start,
              b.end,
              cur?.step.index,
            );
          }
          if (cur) cur.lastProse = false;
          continue;
        }
        this.out.report(
          multipleTitles,
          'A second title ("# " heading): a recipe has exactly one. Make this a step ("## ") or a subsection ("### "), or remove it.',
          b.start,
          b.end,
          section === 'step' ? cur?.step.index : undefined,
        );
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
        if (!title) this.out.report(emptyStepTitle, `Step ${index + 1} has no title: write it after "## ".`, b.start, b.end, index);
        cur = { step, pieces: [], lastProse: false };
        builds.push(cur);
        section = 'step';
        continue;
      }
      if (depth === 3 && section === 'step' && cur) {
        closeSub();
        sub = this.openSub(b, cur.step);
        if (sub) cur.lastProse = false;
        else addProse(b);
        continue;
      }
      if (sub && cur) {
        if (!sub.got && !sub.ignore && depth === 0 && this.take(sub, b, cur.step)) {
          sub.got = true;
          continue;
        }
        if (!sub.ignore && !sub.warned && b.type !== 'htmlFlow') {
          sub.warned = true;
          this.out.report(
            ignoredContent,
            `This text is inside the "### ${sub.title}" section ${sub.got ? 'after' : 'before'} its code block and is not shown: move it above the "### ${sub.title}" heading.`,
            b.start,
            b.end,
            cur.step.index,
          );
        }
        continue;
      }
      if (b.code && !b.code.closed) this.unclosed(b, section === 'step' ? cur?.step.index : undefined);
      addProse(b);
    }
    closeSub();

    if (!titleSeen) {
      this.out.report(
        noTitle,
        'The recipe has no title: add a "# Title" line at the top (after the METADATA comment).',
        0,
        this.lines.ends[0] ?? 0,
      );
    }
    recipe.intro = this.join(intro);
    if (finishAt >= 0) recipe.finish = this.join(finish);
    for (const sb of builds) {
      const s = sb.step;
      s.prose = this.join(sb.pieces);
      s.languages = stepLanguages(s);
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

  /** The special subsection a `### ` heading opens, or undefined for any other heading (prose). */
  private openSub(b: Block, step: Step): Sub | undefined {
    const t = this.headingText(b).replace(/\s+/g, ' ').trim();
    const sub = (kind: SubKind, more: Partial<Sub> = {}): Sub => ({ kind, heading: b, title: t, got: false, ...more });
    if (/^api call$/i.test(t)) {
      if (!step.apiCall) return sub('api');
      this.out.report(
        duplicateApiCall,
        `A second "### API Call" in step ${step.index + 1}: a step makes at most one call, so this one is ignored. Move it into a step of its own ("## ...").`,
        b.start,
        b.end,
        step.index,
      );
      return sub('api', { ignore: true });
    }
    if (/^demo$/i.test(t)) {
      if (!step.demo) return sub('demo');
      this.out.report(
        duplicateDemo,
        `A second "### Demo" in step ${step.index + 1}: a step has at most one demo, so this one is ignored. Remove it or merge the two.`,
        b.start,
        b.end,
        step.index,
      );
      return sub('demo', { ignore: true });
    }
    const sample = sampleHeading(t, b.heading!, step, this.out);
    return sample ? sub('sample', sample) : undefined;
  }

  /** Offers block `b` to the open special subsection; true when it was consumed. */
  private take(sub: Sub, b: Block, step: Step): boolean {
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
    if (!b.code.closed) this.unclosed(b, step.index);
    if (sub.kind === 'api') {
      readApiCall(this.md, b, sub.heading, step, this.state);
      return true;
    }
    const body = b.code.value;
    const trimmed = body.trim();
    const auto = trimmed === '' || trimmed === 'auto';
    const sample: Sample = { language: sub.language ?? '', auto, code: auto ? '' : body, range: this.lines.range(b.start, b.end) };
    const fenceLang = b.code.info.split(/\s+/)[0];
    if (fenceLang) sample.fenceLang = fenceLang;
    addSample(sample, sub.heading.heading!, step, this.out);
    return true;
  }

  private missingBlock(sub: Sub, step: Step): void {
    const b = sub.heading;
    if (sub.kind === 'api') {
      this.out.report(
        apiCallNoBlock,
        `"### API Call" in step ${step.index + 1} has no code block: put the call's JSON in a fenced block under the heading (\`\`\`json { "method": "post", "path": "/service/...", "parameters": [] } \`\`\`).`,
        b.start,
        b.end,
        step.index,
      );
    } else if (sub.kind === 'sample') {
      const sample: Sample = { language: sub.language ?? '', auto: true, code: '', range: this.lines.range(b.start, b.end) };
      this.out.report(
        sampleNoBlock,
        `"### ${sub.title}" has no code block, so the sample is generated: add a fenced block holding "auto" to say so, or the hand-written sample.`,
        b.start,
        b.end,
        step.index,
      );
      addSample(sample, b.heading!, step, this.out);
    } else {
      this.out.report(
        demoNoBlock,
        `"### Demo" in step ${step.index + 1} has no HTML block, so there is no demo: add a fenced \`\`\`html block under the heading.`,
        b.start,
        b.end,
        step.index,
      );
    }
  }

  private unclosed(b: Block, stepIndex?: number): void {
    const c = b.code!;
    const swallows = /^ {0,3}#{1,6}[ \t]/m.test(this.md.slice(c.contentStart, b.end));
    this.out.report(
      unclosedFence,
      swallows
        ? 'This code block is never closed, so the sections after it are read as code: add a closing ``` line after its content.'
        : 'This code block is never closed: add a closing ``` line after its content.',
      b.start,
      this.lines.lineEndOf(b.start),
      stepIndex,
      swallows ? 'error' : 'warning',
    );
  }
}

/** Heading markdown -> plain text (escapes, code-span backticks and a few entities). */
function plainText(md: string): string {
  return md
    .replace(/`+([^`]*?)`+/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(
      /&(amp|lt|gt|quot|#39|nbsp);/g,
      (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' })[e] ?? _m,
    )
    .replace(/\s+/g, ' ')
    .trim();
}
