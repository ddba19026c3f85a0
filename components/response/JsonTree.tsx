'use client';
/**
 * A JSON tree with collapsible nodes. Children render only when their node is open, and long
 * arrays/objects show their members in pages, so a response of a few MB displays at once.
 * Values are rendered as text (never as HTML).
 */
import { memo, useState } from 'react';

const PAGE = 100;
const LONG_STRING = 400;

export function JsonTree({ value, openDepth = 2 }: { value: unknown; openDepth?: number }) {
  return (
    <div className="json-tree">
      <Node name={undefined} value={value} depth={0} openDepth={openDepth} last />
    </div>
  );
}

function summary(v: unknown): string {
  if (Array.isArray(v)) return `[${v.length} ${v.length === 1 ? 'item' : 'items'}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  const type = typeof o.objectType === 'string' ? `${o.objectType} ` : '';
  return `${type}{${keys.length} ${keys.length === 1 ? 'key' : 'keys'}}`;
}

const Node = memo(function Node({
  name,
  value,
  depth,
  openDepth,
  last,
}: {
  name?: string | undefined;
  value: unknown;
  depth: number;
  openDepth: number;
  last: boolean;
}) {
  const container = value !== null && typeof value === 'object';
  const [open, setOpen] = useState(depth < openDepth);
  const [shown, setShown] = useState(PAGE);
  const label = name !== undefined ? <span className="json-key">{JSON.stringify(name)}: </span> : null;
  const comma = last ? '' : ',';
  if (!container) {
    return (
      <div className="json-row">
        {label}
        <Scalar value={value} />
        {comma}
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries: Array<[string, unknown]> = isArray ? (value as unknown[]).map((v, i) => [String(i), v]) : Object.entries(value as object);
  const [o, c] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return (
      <div className="json-row">
        {label}
        {o}
        {c}
        {comma}
      </div>
    );
  }
  return (
    <div className="json-node">
      <div className="json-row">
        <button
          type="button"
          className="json-toggle"
          aria-expanded={open}
          aria-label={`${open ? 'Collapse' : 'Expand'} ${name ?? 'response'}`}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'}
        </button>
        {label}
        {open ? o : <span className="json-summary">{summary(value)}</span>}
        {!open && comma}
      </div>
      {open && (
        <div className="json-children">
          {entries.slice(0, shown).map(([k, v], i) => (
            <Node
              key={k}
              name={isArray ? undefined : k}
              value={v}
              depth={depth + 1}
              openDepth={openDepth}
              last={i === entries.length - 1}
            />
          ))}
          {entries.length > shown && (
            <button type="button" className="link-button json-more" onClick={() => setShown(shown + PAGE * 5)}>
              Show more ({entries.length - shown} left)
            </button>
          )}
        </div>
      )}
      {open && (
        <div className="json-row">
          {c}
          {comma}
        </div>
      )}
    </div>
  );
});

function Scalar({ value }: { value: unknown }) {
  const [full, setFull] = useState(false);
  if (typeof value === 'string') {
    const text = JSON.stringify(value);
    if (text.length > LONG_STRING && !full) {
      return (
        <>
          <span className="json-string">{text.slice(0, LONG_STRING)}…</span>{' '}
          <button type="button" className="link-button" onClick={() => setFull(true)}>
            show all ({text.length} characters)
          </button>
        </>
      );
    }
    return <span className="json-string">{text}</span>;
  }
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="json-bool">{String(value)}</span>;
  return <span className="json-null">null</span>;
}
