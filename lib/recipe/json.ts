/** JSON with locations (jsonc-parser in strict JSON mode), and plain-English syntax errors. */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export type { Node as JsonNode } from 'jsonc-parser';

export interface JsonParse {
  /** Undefined when nothing could be read (empty or too deeply nested text). */
  root?: Node | undefined;
  /** The value of the (possibly partly recovered) tree. */
  value: unknown;
  /** The first syntax error (later ones are usually its echo), with offsets into the text. */
  error?: { offset: number; length: number; message: string };
}

/** Deeper JSON than this is refused (recursive parsing and validation would exhaust the stack). */
export const MAX_JSON_DEPTH = 256;

export function parseJson(text: string): JsonParse {
  const deep = tooDeep(text);
  if (deep >= 0) {
    return {
      root: undefined,
      value: undefined,
      error: {
        offset: deep,
        length: 1,
        message: `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep here: a recipe block never needs that; check for runaway brackets.`,
      },
    };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  let value: unknown;
  try {
    value = root ? nodeValue(root) : undefined;
  } catch {
    value = undefined;
  }
  const [e] = errors;
  return e ? { root, value, error: describe(text, e) } : { root, value };
}

/**
 * The value of a JSON node as plain data: objects get the ordinary prototype (jsonc-parser's own
 * `getNodeValue` makes null-prototype objects, which React cannot pass from server to client
 * components), and every key, `__proto__` included, is an own data property.
 */
export function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'array':
      return (node.children ?? []).map(nodeValue);
    case 'object': {
      const obj: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0]?.value;
        const valueNode = prop.children?.[1];
        if (typeof key === 'string' && valueNode) {
          Object.defineProperty(obj, key, { value: nodeValue(valueNode), enumerable: true, writable: true, configurable: true });
        }
      }
      return obj;
    }
    case 'null':
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    default:
      return undefined;
  }
}

function describe(text: string, e: ParseError): { offset: number; length: number; message: string } {
  let { offset } = e;
  const { length } = e;
  const code = printParseErrorCode(e.error);
  const at = text.slice(offset, offset + Math.max(1, Math.min(length, 20)));
  // A trailing comma shows up as "value/property expected" at the closing bracket.
  if (code === 'ValueExpected' || code === 'PropertyNameExpected') {
    let k = offset - 1;
    while (k >= 0 && /\s/.test(text.charAt(k))) k--;
    if (k >= 0 && text[k] === ',' && (text[offset] === '}' || text[offset] === ']')) {
      return { offset: k, length: 1, message: `a trailing comma before "${text[offset]}" is not allowed in JSON: remove this comma.` };
    }
    if (offset >= text.length || text.slice(offset).trim() === '') {
      if (text.trim() === '') return { offset, length, message: 'the block is empty: write a JSON object, e.g. { }.' };
    }
  }
  const found = at ? ` (found ${JSON.stringify(at)})` : ' (found the end of the block)';
  let message: string;
  switch (code) {
    case 'CommaExpected':
      message = `a comma is missing before this${found}: separate the items with ",".`;
      break;
    case 'ColonExpected':
      message = `a colon is expected after the property name${found}: write "name": value.`;
      break;
    case 'PropertyNameExpected':
      message = `a property name in double quotes is expected here${found}: JSON keys are written "name".`;
      break;
    case 'ValueExpected':
      message = `a value is expected here${found}: write a string in double quotes, a number, true, false, null, an object or an array.`;
      break;
    case 'CloseBraceExpected':
      message = `the object is not closed${found}: add the missing "}" (or a missing comma before this).`;
      break;
    case 'CloseBracketExpected':
      message = `the array is not closed${found}: add the missing "]" (or a missing comma before this).`;
      break;
    case 'EndOfFileExpected':
      message = `unexpected text after the end of the JSON value${found}: remove it, or check the braces before it.`;
      break;
    case 'InvalidSymbol':
      message = `unexpected characters${found}: strings and keys need double quotes, and true, false and null are lower-case.`;
      break;
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      message = 'comments are not allowed in JSON: remove the comment.';
      break;
    case 'UnexpectedEndOfString':
      message = 'the string is not closed: add the closing double quote on the same line.';
      break;
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      message = `invalid number${found}: write numbers like 12, -1 or 0.5.`;
      break;
    case 'InvalidUnicode':
    case 'InvalidEscapeCharacter':
      message = 'invalid escape sequence in a string: use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX.';
      break;
    case 'InvalidCharacter':
      message = 'a control character (such as a tab or line break) inside a string: escape it as \\t or \\n.';
      break;
    default:
      message = `invalid JSON${found}: check the syntax here.`;
  }
  if (offset > text.length) offset = text.length;
  return { offset, length, message };
}

/** The property of an object node, by key (the last one wins, as in JSON.parse). */
export function property(node: Node | undefined, key: string): Node | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  let found: Node | undefined;
  for (const p of node.children) {
    const k = p.children?.[0];
    if (k && k.value === key) found = p;
  }
  return found;
}

/** Walks from `root` along JSON-pointer-like segments; returns the deepest node reached and whether it got to the end. */
export function walk(root: Node | undefined, segments: Array<string | number>): { node?: Node | undefined; complete: boolean } {
  let node = root;
  for (const seg of segments) {
    if (!node) return { node, complete: false };
    if (node.type === 'array') {
      const next = node.children?.[Number(seg)];
      if (!next) return { node, complete: false };
      node = next;
    } else if (node.type === 'object') {
      const p = property(node, String(seg));
      const v = p?.children?.[1];
      if (!v) return { node: p ?? node, complete: false };
      node = v;
    } else {
      return { node, complete: false };
    }
  }
  return { node, complete: true };
}

/** Offset where nesting first exceeds MAX_JSON_DEPTH (outside strings), or -1. */
function tooDeep(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */ || c === 10 || c === 13) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}
