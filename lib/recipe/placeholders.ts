/**
 * Fills `<%- answers.NAME %>` (as is) and `<%= answers.NAME %>` (HTML-escaped) in hand-written
 * samples and demos. NAME may be a dotted path (`body.entry.name`, `objects.0.id`). A missing value
 * becomes an empty string. Nothing else is evaluated, ever: any other `<% ... %>` stays as written.
 */
const PLACEHOLDER = /<%([-=])\s*answers\.([A-Za-z0-9_$]+(?:\.[A-Za-z0-9_$]+)*)\s*%>/g;

export function fillPlaceholders(code: string, answers: Record<string, unknown>): string {
  if (typeof code !== 'string' || code.indexOf('<%') < 0) return typeof code === 'string' ? code : '';
  return code.replace(PLACEHOLDER, (_m, kind: string, path: string) => {
    const s = toText(lookup(answers, path));
    return kind === '=' ? escapeHtml(s) : s;
  });
}

function lookup(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    // Own properties only: `constructor`, `__proto__` and friends are not answers.
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

function toText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '';
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
