/** The METADATA comment at the top of a recipe: found, read into RecipeMetadata, blanked out. */
import { parseJson } from './json';
import { isObject, setOwn } from './normalize';
import { describeError, type ReadState } from './parse-report';
import { internalError } from './rules/internal-error';
import { jsonSyntax } from './rules/json-syntax';
import { metadataUnclosed } from './rules/metadata-unclosed';
import type { Recipe, RecipeMetadata } from './types';
import { validateBlock } from './validate';

const ATX_LINE = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const OPEN = '<!--METADATA';

export function emptyMetadata(): RecipeMetadata {
  return { tags: [], keywords: [], hidden: false, relatedRecipes: [], extra: {} };
}

/**
 * Finds the METADATA comment (before the first heading line) and reads it into `recipe`; returns
 * the text with the comment blanked out (line breaks kept, so positions stay), the markdown to parse.
 */
export function readMetadata(text: string, recipe: Recipe, { lines, out }: ReadState): string {
  const open = /^[ \t]{0,3}<!--METADATA/m.exec(text);
  if (!open) return text;
  const start = open.index + open[0].indexOf('<');
  // Only before the first heading line.
  const lineAt = lines.lineOf(start);
  for (let l = 0; l < lineAt; l++) {
    if (ATX_LINE.test(text.slice(lines.startOfLine(l), lines.endOfLine(l)))) return text;
  }
  const jsonStart = start + OPEN.length;
  // The first heading line after the opening bounds the comment.
  let limit = text.length;
  for (let l = lineAt + 1; l < lines.lineCount; l++) {
    if (ATX_LINE.test(text.slice(lines.startOfLine(l), lines.endOfLine(l)))) {
      limit = lines.startOfLine(l);
      break;
    }
  }
  let close = text.indexOf('-->', jsonStart);
  let regionEnd: number;
  let jsonEnd: number;
  if (close >= 0 && close < limit) {
    jsonEnd = close;
    regionEnd = lines.lineEndOf(close + 3);
  } else {
    close = -1;
    jsonEnd = limit;
    regionEnd = limit;
    out.report(metadataUnclosed, 'The METADATA comment is not closed: add a line "-->" after its JSON object.', start, jsonStart);
  }
  recipe.metadataRange = lines.range(start, close >= 0 ? close + 3 : jsonEnd);
  try {
    recipe.metadata = readJson(text.slice(jsonStart, jsonEnd), jsonStart, out);
  } catch (err) {
    recipe.metadata = emptyMetadata();
    out.report(
      internalError,
      `The METADATA could not be read because of an internal error (${describeError(err)}); the rest of the recipe still works. Please report it.`,
      start,
      jsonStart,
    );
  }
  const blank = text.slice(start, regionEnd).replace(/[^\r\n]/g, ' ');
  return text.slice(0, start) + blank + text.slice(regionEnd);
}

function readJson(json: string, base: number, out: ReadState['out']): RecipeMetadata {
  const m = emptyMetadata();
  const parsed = parseJson(json);
  if (parsed.error) {
    const e = parsed.error;
    out.report(jsonSyntax, `Invalid JSON in METADATA: ${e.message}`, base + e.offset, base + e.offset + e.length);
  } else {
    out.problems(validateBlock('metadata', parsed.value, parsed.root), base);
  }
  const v = parsed.value;
  if (!isObject(v)) return m;
  const strs = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  for (const k of Object.keys(v)) {
    const x = v[k];
    switch (k) {
      case 'summary':
      case 'icon':
      case 'openapi':
        if (typeof x === 'string') m[k] = x;
        break;
      case 'sortOrder':
        if (typeof x === 'number' && Number.isFinite(x)) m.sortOrder = x;
        break;
      case 'tags':
      case 'keywords':
      case 'relatedRecipes':
        m[k] = strs(x);
        break;
      case 'hidden':
        m.hidden = x === true;
        break;
      default:
        setOwn(m.extra, k, x);
    }
  }
  return m;
}
