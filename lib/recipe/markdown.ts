/**
 * The block structure of a recipe, from micromark (the CommonMark + GFM tokenizer underneath
 * mdast-util-from-markdown). Only the top-level blocks matter to a recipe (headings, fenced code,
 * everything else as prose), so the token stream is read directly instead of building a full mdast
 * tree; that halves the cost. Inline constructs are switched off: they never change block
 * structure (CommonMark parses blocks first), and prose is kept as markdown source anyway.
 */
import { parse, postprocess, preprocess, type Options } from 'micromark';
import { gfm } from 'micromark-extension-gfm';
import { subtokenize } from 'micromark-util-subtokenize';

type Event = ReturnType<typeof postprocess>[number];
type Extension = NonNullable<Options['extensions']>[number];

export interface HeadingInfo {
  depth: number;
  /** Offsets of the heading's text (without the `#` sequences); equal when the text is empty. */
  textStart: number;
  textEnd: number;
}

export interface CodeInfo {
  fenced: boolean;
  /** Whether a closing fence was found (always true for indented code). */
  closed: boolean;
  /** The info string (`json`, `javascript`), raw. */
  info: string;
  /** Offsets of the content lines: from the line after the opening fence to the end of the last content line. */
  contentStart: number;
  contentEnd: number;
  /** Content with the fence's indentation removed, as CommonMark defines the code's value. */
  value: string;
}

export interface Block {
  /** micromark token type: atxHeading, codeFenced, codeIndented, htmlFlow, content, ... */
  type: string;
  start: number;
  end: number;
  heading?: HeadingInfo;
  code?: CodeInfo;
}

const noInline: Extension = {
  disable: {
    null: [
      'attention',
      'autolink',
      'characterEscape',
      'characterReference',
      'codeText',
      'hardBreakEscape',
      'htmlText',
      'labelStartImage',
      'labelStartLink',
      'labelEnd',
      // GFM's inline constructs (its tables and footnote definitions stay: they are blocks).
      'wwwAutolink',
      'protocolAutolink',
      'emailAutolink',
      'strikethrough',
      'tasklistCheck',
      'gfmFootnoteCall',
      'gfmPotentialFootnoteCall',
    ],
  },
};
const extensions: Extension[] = [gfm(), noInline];

const SKIP = new Set(['lineEnding', 'lineEndingBlank', 'linePrefix', 'whitespace']);

/**
 * Like `scanBlocks`, but reuses the blocks of sections that have not changed since an earlier
 * call. An ATX heading (here: `#` to `###`) at column 0 ends every open block except a fenced
 * code block or an HTML block (CommonMark: it interrupts paragraphs, and containers need their
 * markers or indentation),
 * so the text can be cut before each such line and the pieces scanned one by one, as long as
 * the piece before a cut does not end in an open fence, an HTML block or a table (then the rest
 * is scanned in one piece). The editor re-lints on every keystroke; only the edited section is
 * tokenized again. The result is identical to `scanBlocks(md, true)` (the fuzz test compares).
 */
export function scanBlocksIncremental(md: string, lineStarts: readonly number[]): Block[] {
  const cuts: number[] = [0];
  for (const [l, s] of lineStarts.entries()) {
    if (l === 0 || md.charCodeAt(s) !== 35 /* # */) continue;
    let k = s;
    while (k < md.length && md.charCodeAt(k) === 35 && k - s < 4) k++;
    const n = k - s;
    const c = md.charCodeAt(k);
    // Title, steps and subsections; deeper headings would only make many tiny pieces.
    if (n <= 3 && (k >= md.length || c === 32 || c === 9 || c === 10 || c === 13)) cuts.push(s);
  }
  cuts.push(md.length);
  if (cuts.length <= 3) return scanBlocks(md);
  const out: Block[] = [];
  // The piece being scanned runs from `start` to the cut at hand. While it ends open it is
  // extended to the next cut, three times; if it still ends open it runs to the end in one piece.
  let start = 0;
  let extended = 0;
  for (const [k, end] of cuts.entries()) {
    if (k === 0) continue;
    const last = k === cuts.length - 1;
    if (extended > 3 && !last) continue;
    const blocks = cachedScan(md.slice(start, end));
    if (!last && endsOpen(blocks)) {
      extended++;
      continue;
    }
    for (const b of blocks) out.push(shifted(b, start));
    start = end;
    extended = 0;
  }
  return out;
}

function endsOpen(blocks: Block[]): boolean {
  const last = blocks[blocks.length - 1];
  return !!last && (last.type === 'htmlFlow' || last.type === 'table' || (!!last.code?.fenced && !last.code.closed));
}

/** Deeper nesting of block quotes and list items on one line than micromark can take quickly. */
export const MAX_NESTING = 64;

/**
 * micromark slows down quadratically with the number of containers opened on one line (50 000
 * `>` take half a minute). Lines that open more than MAX_NESTING block quotes or list items get
 * the marker after that level replaced by a letter of the same length, so the rest of the line
 * is read as text. Returns the text to scan and the offsets of the lines it changed.
 */
export function tameNesting(md: string, lineStarts: readonly number[]): { md: string; changed: number[] } {
  const changed: number[] = [];
  let out = md;
  for (const start of lineStarts) {
    // Cheap pre-check: a line needs at least MAX_NESTING marker characters to be a problem.
    const c0 = md.charCodeAt(start);
    if (c0 !== 62 && c0 !== 45 && c0 !== 42 && c0 !== 43 && c0 !== 32 && c0 !== 9 && !(c0 >= 48 && c0 <= 57)) continue;
    let i = start;
    let depth = 0;
    const n = md.length;
    while (i < n) {
      const c = md.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
        continue;
      }
      let marker = -1;
      if (c === 62 /* > */) marker = i;
      else if ((c === 45 || c === 42 || c === 43) && (md.charCodeAt(i + 1) === 32 || md.charCodeAt(i + 1) === 9)) marker = i;
      else if (c >= 48 && c <= 57) {
        let k = i;
        while (k < n && k - i < 9 && md.charCodeAt(k) >= 48 && md.charCodeAt(k) <= 57) k++;
        const d = md.charCodeAt(k);
        if ((d === 46 || d === 41) && (md.charCodeAt(k + 1) === 32 || md.charCodeAt(k + 1) === 9)) marker = i;
        else break;
        if (++depth > MAX_NESTING) {
          out = out.slice(0, marker) + 'x' + out.slice(marker + 1);
          changed.push(start);
          break;
        }
        i = k + 1;
        continue;
      }
      if (marker < 0) break;
      if (++depth > MAX_NESTING) {
        out = out.slice(0, marker) + 'x' + out.slice(marker + 1);
        changed.push(start);
        break;
      }
      i++;
    }
  }
  return { md: out, changed };
}

const CACHE_SIZE = 256;
const cache = new Map<string, Block[]>();

function cachedScan(text: string): Block[] {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const blocks = scanBlocks(text);
  cache.set(text, blocks);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return blocks;
}

/** Forgets the sections seen so far (benchmarks use it to time cold parses). */
export function clearBlockCache(): void {
  cache.clear();
}

function shifted(b: Block, base: number): Block {
  if (base === 0) return b;
  const out: Block = { type: b.type, start: b.start + base, end: b.end + base };
  if (b.heading) out.heading = { depth: b.heading.depth, textStart: b.heading.textStart + base, textEnd: b.heading.textEnd + base };
  if (b.code) out.code = { ...b.code, contentStart: b.code.contentStart + base, contentEnd: b.code.contentEnd + base };
  return out;
}

type ParseContext = ReturnType<typeof parse>;
let shared: ParseContext | undefined;

/**
 * micromark's parse context, built once: building it merges every construct of CommonMark and
 * GFM, which costs more than scanning a small section. Its per-document state (definitions,
 * lazy lines) is reset for each document; scanning is synchronous, so nothing else shares it.
 */
function parser(): ParseContext {
  shared ??= parse({ extensions });
  shared.defined = [];
  shared.lazy = {};
  return shared;
}

/**
 * micromark's postprocess, minus what a recipe does not need: the inline ("text") and string
 * content of paragraphs, headings and fence info strings is never tokenized (their tokens keep
 * their extent). This changes no block, and costs a third of the full pass.
 */
function blockEvents(md: string): Event[] {
  const events = parser()
    .document()
    .write(preprocess()(md, undefined, true));
  for (;;) {
    for (const [, t] of events) {
      if (t.contentType === 'text' || t.contentType === 'string') t.contentType = undefined;
    }
    if (subtokenize(events)) return events;
  }
}

/**
 * The top-level blocks of `md`. `full` runs micromark's complete postprocess instead (the tests
 * check that both give the same blocks).
 */
export function scanBlocks(md: string, full = false): Block[] {
  const events: Event[] = full
    ? postprocess(
        parse({ extensions })
          .document()
          .write(preprocess()(md, undefined, true)),
      )
    : blockEvents(md);
  const blocks: Block[] = [];
  let depth = 0;
  let cur: Block | undefined;
  // Pieces of the current top-level block that we need.
  let fences = 0;
  let info = '';
  let firstValue = -1;
  let lastValueEnd = -1;
  let openFenceEnd = -1;
  for (const [kind, token] of events) {
    if (kind === 'enter') {
      if (depth === 0) {
        if (!SKIP.has(token.type)) {
          cur = { type: token.type, start: token.start.offset, end: token.end.offset };
          blocks.push(cur);
          fences = 0;
          info = '';
          firstValue = -1;
          lastValueEnd = -1;
          openFenceEnd = -1;
        } else {
          cur = undefined;
        }
      } else if (cur && depth === 1) {
        const t = token.type;
        if (cur.type === 'atxHeading') {
          if (t === 'atxHeadingSequence' && !cur.heading) {
            cur.heading = { depth: token.end.offset - token.start.offset, textStart: token.end.offset, textEnd: token.end.offset };
          } else if (t === 'atxHeadingText' && cur.heading) {
            cur.heading.textStart = token.start.offset;
            cur.heading.textEnd = token.end.offset;
          }
        } else if (t === 'codeFencedFence') {
          fences++;
          if (fences === 1) openFenceEnd = token.end.offset;
        } else if (t === 'codeFlowValue') {
          if (firstValue < 0) firstValue = token.start.offset;
          lastValueEnd = token.end.offset;
        }
      } else if (cur && depth === 2 && token.type === 'codeFencedFenceInfo' && fences === 1) {
        info = md.slice(token.start.offset, token.end.offset);
      }
      depth++;
    } else {
      depth--;
      if (depth === 0 && cur && token.type === cur.type) {
        if (cur.type === 'codeFenced' || cur.type === 'codeIndented') {
          cur.code = codeInfo(md, cur, cur.type === 'codeFenced', fences, info, openFenceEnd, firstValue, lastValueEnd);
        }
        cur = undefined;
      }
    }
  }
  return blocks;
}

function codeInfo(
  md: string,
  b: Block,
  fenced: boolean,
  fences: number,
  info: string,
  openFenceEnd: number,
  firstValue: number,
  lastValueEnd: number,
): CodeInfo {
  if (!fenced) {
    const start = firstValue >= 0 ? lineStart(md, firstValue) : b.start;
    const end = lastValueEnd >= 0 ? lastValueEnd : b.end;
    return { fenced, closed: true, info: '', contentStart: start, contentEnd: end, value: dedent(md.slice(start, end), 4) };
  }
  const closed = fences >= 2;
  // Content begins on the line after the opening fence.
  let start = openFenceEnd;
  if (start < 0) start = b.start;
  start = nextLineStart(md, start);
  let end = lastValueEnd >= 0 ? lastValueEnd : start;
  if (end < start) end = start;
  const indent = b.start - lineStart(md, b.start);
  const value = start > b.end ? '' : dedent(md.slice(start, end), indent);
  return { fenced, closed, info: info.trim(), contentStart: Math.min(start, Math.max(b.end, start)), contentEnd: end, value };
}

function lineStart(md: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = md.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

function nextLineStart(md: string, offset: number): number {
  let i = offset;
  const n = md.length;
  while (i < n) {
    const c = md.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return i + 1 < n && md.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    i++;
  }
  return n;
}

/** Removes up to `n` leading spaces from every line (tabs count as one column stop). */
function dedent(text: string, n: number): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (n <= 0) return lines.join('\n');
  return lines
    .map((l) => {
      let k = 0;
      while (k < n && k < l.length && l.charCodeAt(k) === 32) k++;
      if (k < n && l.charCodeAt(k) === 9) k++;
      return l.slice(k);
    })
    .join('\n');
}
