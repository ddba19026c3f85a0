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
  const blocks: JsonBlock[] = [];
  let stepIndex = -1;
  let seenTitle = false;
  let pendingApiCall = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].text;
    // METADATA: an HTML comment opening with <!--METADATA before the title.
    if (!seenTitle && stepIndex === -1 && /^\s*<!--METADATA/.test(line)) {
      const open = lines[i].start + line.indexOf('<!--METADATA') + '<!--METADATA'.length;
      const close = text.indexOf('-->', open);
      const end = close === -1 ? text.length : close;
      blocks.push({ kind: 'metadata', start: open, end, stepIndex: -1 });
      // Continue after the comment.
      while (i + 1 < lines.length && lines[i + 1].start < end) i++;
      continue;
    }
    const fence = FENCE_RE.exec(line);
    if (fence && !(fence[2][0] === '`' && fence[3].includes('`'))) {
      const marker = fence[2];
      let j = i + 1;
      while (j < lines.length) {
        const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[j].text);
        if (m && m[1][0] === marker[0] && m[1].length >= marker.length) break;
        j++;
      }
      if (pendingApiCall) {
        const start = i + 1 < lines.length ? lines[i + 1].start : text.length;
        const end = j < lines.length ? Math.max(start, lines[j].start - 1) : text.length;
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
    const f = FENCE_RE.exec(line);
    if (fence) {
      if (f && f[2][0] === fence[0] && f[2].length >= fence.length && !f[3].trim()) fence = undefined;
      continue;
    }
    if (f && !(f[2][0] === '`' && f[3].includes('`'))) {
      fence = f[2];
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
