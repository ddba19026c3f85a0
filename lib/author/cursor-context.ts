/**
 * Where is the cursor in a recipe? A small pure function used by the editor's completion provider:
 * it finds the METADATA comment or the `### API Call` fenced block that holds the cursor (with a
 * line scanner that tolerates half-typed input: an unclosed fence runs to the end of the file, as
 * in markdown), then asks jsonc-parser where inside that JSON the cursor is (the path of keys, and
 * whether a property key or a value is being typed). Framework-free: no Monaco, no React.
 */
import { createScanner, getLocation, type JSONPath } from 'jsonc-parser';

// jsonc-parser's SyntaxKind / ScanError are ambient const enums (not usable with isolatedModules).
const T = { NullKeyword: 7, TrueKeyword: 8, FalseKeyword: 9, StringLiteral: 10, NumericLiteral: 11, Unknown: 16, EOF: 17 } as const;
const UNEXPECTED_END_OF_STRING = 2;

export type BlockKind = 'metadata' | 'apiCall';

export interface JsonBlock {
  kind: BlockKind;
  /** 0-based offsets of the JSON text in the document (between the fences / comment markers). */
  start: number;
  end: number;
  /** Index of the `## ` step the block belongs to (-1 before the first step). */
  stepIndex: number;
}

export interface CursorContext {
  kind: BlockKind | 'none';
  /** Set when kind is not 'none'. */
  block?: JsonBlock;
  /** The JSON text of the block. */
  blockText: string;
  /** The path inside the block's JSON (last segment: the key being typed / the key whose value). */
  path: JSONPath;
  /** True when a property key is being typed, false for a value. */
  isKey: boolean;
  /** True when the cursor is inside a string literal (the quotes are already there). */
  inString: boolean;
  /** Document offsets of the text a completion replaces (the string's content, or the bare word). */
  replaceStart: number;
  replaceEnd: number;
  /** The text typed so far in the replaced range, up to the cursor. */
  prefix: string;
  /** Index of the step the cursor is in (-1 before the first `## `). */
  stepIndex: number;
}

const FENCE_RE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const API_CALL_RE = /^ {0,3}###[ \t]+API Call[ \t]*#*[ \t]*$/i;
const STEP_RE = /^ {0,3}##[ \t]+(.*?)[ \t]*#*[ \t]*$|^ {0,3}##$/;
const TITLE_RE = /^ {0,3}#[ \t]+\S|^ {0,3}#$/;

/** The fence a line starts with (``` or ~~~, 3 or more) and the rest of the line, if it starts with one. */
function fenceOf(line: string): { marker: string; rest: string } | undefined {
  const f = FENCE_RE.exec(line);
  const marker = f?.[2];
  const rest = f?.[3];
  return marker === undefined || rest === undefined ? undefined : { marker, rest };
}

/** Whether a line opens a fenced code block (a backtick fence's info string may hold no backtick). */
function openingFence(line: string): { marker: string } | undefined {
  const f = fenceOf(line);
  return f && !(f.marker.startsWith('`') && f.rest.includes('`')) ? f : undefined;
}

/** Whether a line closes a fenced block opened with `marker`: the same character, at least as many, nothing after. */
function closesFence(line: string, marker: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  const close = m?.[1];
  return close !== undefined && close.charAt(0) === marker.charAt(0) && close.length >= marker.length;
}

interface Line {
  text: string;
  start: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) {
      lines.push({ text: text.slice(start).replace(/\r$/, ''), start });
      return lines;
    }
    lines.push({ text: text.slice(start, nl).replace(/\r$/, ''), start });
    start = nl + 1;
  }
}

/** Every METADATA and API Call JSON block of a recipe, in file order. */
export function findJsonBlocks(text: string): JsonBlock[] {
  const lines = splitLines(text);
  // Where line `k` starts; past the last line, the end of the text.
  const startOf = (k: number) => lines[k]?.start ?? text.length;
  const blocks: JsonBlock[] = [];
  let stepIndex = -1;
  let seenTitle = false;
  let pendingApiCall = false;
  // `i` may jump ahead (over a comment or a fenced block): the loop runs while line `i` exists.
  for (let i = 0, here = lines[0]; here !== undefined; here = lines[++i]) {
    const line = here.text;
    // METADATA: an HTML comment opening with <!--METADATA before the title.
    if (!seenTitle && stepIndex === -1 && /^\s*<!--METADATA/.test(line)) {
      const open = here.start + line.indexOf('<!--METADATA') + '<!--METADATA'.length;
      const close = text.indexOf('-->', open);
      const end = close === -1 ? text.length : close;
      blocks.push({ kind: 'metadata', start: open, end, stepIndex: -1 });
      // Continue after the comment.
      while (i + 1 < lines.length && startOf(i + 1) < end) i++;
      continue;
    }
    const fence = openingFence(line);
    if (fence) {
      // The closing fence, or lines.length when the block runs to the end of the file.
      let j = i + 1;
      for (let l = lines[j]; l !== undefined && !closesFence(l.text, fence.marker); l = lines[++j]);
      if (pendingApiCall) {
        const start = startOf(i + 1);
        const end = j < lines.length ? Math.max(start, startOf(j) - 1) : text.length;
        blocks.push({ kind: 'apiCall', start, end, stepIndex });
        pendingApiCall = false;
      }
      i = j;
      continue;
    }
    if (API_CALL_RE.test(line)) {
      pendingApiCall = true;
      continue;
    }
    if (STEP_RE.test(line)) {
      stepIndex++;
      pendingApiCall = false;
      continue;
    }
    if (TITLE_RE.test(line)) {
      seenTitle = true;
      pendingApiCall = false;
      continue;
    }
    // Blank lines may stand between `### API Call` and its fence; any other text ends the wait
    // only if it is another heading (prose in between is tolerated by the format's readers).
    if (/^ {0,3}#{1,6}([ \t]|$)/.test(line)) pendingApiCall = false;
  }
  return blocks;
}

/** The index of the step that contains `offset` (-1 before the first `## `). */
export function stepIndexAt(text: string, offset: number): number {
  let index = -1;
  let fence: string | undefined;
  for (const { text: line, start } of splitLines(text)) {
    if (start > offset) break;
    if (fence) {
      const f = fenceOf(line);
      if (f && f.marker.charAt(0) === fence.charAt(0) && f.marker.length >= fence.length && !f.rest.trim()) fence = undefined;
      continue;
    }
    const f = openingFence(line);
    if (f) {
      fence = f.marker;
      continue;
    }
    if (STEP_RE.test(line)) index++;
  }
  return index;
}

/** Where the cursor at `offset` (0-based, UTF-16) is. */
export function cursorContext(text: string, offset: number): CursorContext {
  const stepIndex = stepIndexAt(text, offset);
  const block = findJsonBlocks(text).find((b) => offset >= b.start && offset <= b.end);
  if (!block) {
    return {
      kind: 'none',
      blockText: '',
      path: [],
      isKey: false,
      inString: false,
      replaceStart: offset,
      replaceEnd: offset,
      prefix: '',
      stepIndex,
    };
  }
  const blockText = text.slice(block.start, block.end);
  const rel = offset - block.start;
  const loc = getLocation(blockText, rel);
  let inString = false;
  let unterminated = false;
  let rs = rel;
  let re = rel;
  const scanner = createScanner(blockText, false);
  for (let kind: number = scanner.scan(); kind !== T.EOF; kind = scanner.scan()) {
    const ts = scanner.getTokenOffset();
    const te = ts + scanner.getTokenLength();
    if (ts >= rel) break;
    if (kind === T.StringLiteral && rel > ts && rel <= te) {
      const terminated = scanner.getTokenError() !== UNEXPECTED_END_OF_STRING && te - ts >= 2 && blockText[te - 1] === '"';
      if (rel < te || !terminated) {
        inString = true;
        rs = ts + 1;
        // An unterminated string (being typed) runs to the end of its line in the scanner's eyes:
        // only the word around the cursor is the string's content.
        re = terminated ? te - 1 : rel + (/^[\w$./:-]*/.exec(blockText.slice(rel))?.[0].length ?? 0);
        unterminated = !terminated;
      }
      break;
    }
    if (
      (kind === T.Unknown || kind === T.TrueKeyword || kind === T.FalseKeyword || kind === T.NullKeyword || kind === T.NumericLiteral) &&
      rel > ts &&
      rel <= te
    ) {
      rs = ts;
      re = te;
      break;
    }
  }
  const path = [...loc.path];
  if (unterminated && loc.isAtPropertyKey && path.length) path[path.length - 1] = blockText.slice(rs, re);
  return {
    kind: block.kind,
    block,
    blockText,
    path,
    isKey: loc.isAtPropertyKey,
    inString,
    replaceStart: block.start + rs,
    replaceEnd: block.start + re,
    prefix: blockText.slice(rs, rel),
    stepIndex,
  };
}
