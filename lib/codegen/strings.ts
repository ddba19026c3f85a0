/**
 * String literals and number formatting per language. Each function returns a complete literal
 * (with its quotes) that the language reads back as exactly `s`.
 */

function hex(c: number, width: number): string {
  return c.toString(16).toUpperCase().padStart(width, '0');
}

/** JavaScript / TypeScript: a double-quoted literal (JSON is valid JS since ES2019; escape U+2028/9 anyway). */
export function jsString(s: string): string {
  return JSON.stringify(s)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Python 3: double-quoted, JSON escapes are valid Python escapes. */
export function pythonString(s: string): string {
  return jsString(s);
}

/**
 * How one language writes a double-quoted literal: the characters it must escape besides `"` and
 * `\`, and how it writes any other control character. Every escaper below is this one loop.
 */
interface QuoteRules {
  /** Extra characters escaped with a backslash (PHP's `$`, Ruby's `#`: no interpolation). */
  extra?: string;
  /** A control character the language has no short escape for (C0 controls, DEL; C# also NEL, U+2028/9). */
  isControl: (c: number) => boolean;
  control: (c: number) => string;
}

const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const isC0orDel = (c: number) => c < 0x20 || c === 0x7f;

function doubleQuoted(s: string, rules: QuoteRules): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const short = SHORT[ch];
    if (short !== undefined) out += short;
    else if (rules.extra?.includes(ch)) out += '\\' + ch;
    else if (rules.isControl(c)) out += rules.control(c);
    else out += ch;
  }
  return out + '"';
}

/** C#: double-quoted regular literal. */
export function csharpString(s: string): string {
  return doubleQuoted(s, {
    isControl: (c) => isC0orDel(c) || c === 0x85 || c === 0x2028 || c === 0x2029,
    control: (c) => '\\u' + hex(c, 4),
  });
}

/**
 * Java: double-quoted. Control characters use octal escapes, never `\uXXXX` (Java translates
 * unicode escapes before lexing, so `\u000a` would end the line).
 */
export function javaString(s: string): string {
  return doubleQuoted(s, { isControl: isC0orDel, control: (c) => '\\' + c.toString(8).padStart(3, '0') });
}

/** Swift: double-quoted; `\(` interpolation is avoided by escaping every backslash. */
export function swiftString(s: string): string {
  return doubleQuoted(s, { isControl: isC0orDel, control: (c) => (c === 0 ? '\\0' : '\\u{' + hex(c, 1) + '}') });
}

/** PHP: double-quoted with `$` escaped (no interpolation). */
export function phpString(s: string): string {
  return doubleQuoted(s, { extra: '$', isControl: isC0orDel, control: (c) => '\\x' + hex(c, 2) });
}

/** Ruby: double-quoted with `#` escaped (no `#{}` / `#$` / `#@` interpolation). */
export function rubyString(s: string): string {
  return doubleQuoted(s, { extra: '#', isControl: isC0orDel, control: (c) => '\\u{' + hex(c, 1) + '}' });
}

/** POSIX shell: a single-quoted word (nothing is special inside but the quote itself). */
export function shellQuote(s: string): string {
  if (s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) && !s.startsWith('=')) return s;
  return "'" + s.replace(/'/g, "'\\''") + "'";
}

/** Shell: the inside of a double-quoted word (for words that expand a variable). */
export function shellDoubleQuoteInner(s: string): string {
  return s.replace(/[\\"$`]/g, (m) => '\\' + m);
}

/** An integer literal without exponent notation (large values stay exact as printed). */
export function intLiteral(n: number): string {
  if (!Number.isFinite(n)) return '0';
  if (!Number.isInteger(n)) return String(Math.trunc(n));
  return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
}

/** A float literal every target language reads (`1e+21` is valid in all of them; integers stay as written). */
export function floatLiteral(n: number): string {
  if (!Number.isFinite(n)) return '0';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return intLiteral(n);
  return String(n);
}

/** Java/C# need an `L` suffix on integer literals outside the 32-bit range. */
export function isBeyondInt32(n: number): boolean {
  return n > 2147483647 || n < -2147483648;
}
