'use client';
/**
 * The widgets of a step's form, one per FormField kind. Every input has a label; an error is
 * shown next to its field and tied to it with aria-describedby; a dynamic field says where its
 * value comes from and stays editable.
 */
import { useId, useState, type ReactNode } from 'react';
import { currentClass, objectFields, optionText } from '@/lib/form/build';
import { getPath } from '@/lib/form/paths';
import type { DynamicState } from '@/lib/form/values';
import type { EnumOption, FileValue, FormField, FormValues } from '@/lib/form/types';
import { formatBytes } from '@/lib/format/bytes';

export interface FieldContext {
  stepIndex: number;
  /** The values as they will be sent (dynamic values resolved). */
  effective: FormValues;
  /** What the user entered (or the initial values). */
  user: FormValues;
  errors: Map<string, string>;
  dynamic: Record<string, DynamicState>;
  onChange(path: string, value: unknown, field: FormField): void;
  onFile(field: FormField, file: File | undefined): void;
  /** Options of dynamicEnum dropdowns, by field path. */
  dynamicOptions: Record<string, { options: EnumOption[]; error?: string; loading?: boolean }>;
  /** Reloads a dynamicEnum dropdown. */
  reloadOptions(field: FormField): void;
}

export function fieldId(stepIndex: number, path: string): string {
  return `s${stepIndex + 1}-f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function FormFields({ fields, ctx }: { fields: FormField[]; ctx: FieldContext }) {
  return (
    <>
      {fields.map((f) => (
        <FieldView key={f.path} field={f} ctx={ctx} />
      ))}
    </>
  );
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
}

function FieldView({ field, ctx }: { field: FormField; ctx: FieldContext }) {
  if (field.hidden) return null;
  if (field.kind === 'object') return <ObjectField field={field} ctx={ctx} />;
  const id = fieldId(ctx.stepIndex, field.path);
  const error = ctx.errors.get(field.path);
  const dyn = ctx.dynamic[field.path];
  const errId = error ? `${id}-error` : undefined;
  const descId = field.description ? `${id}-desc` : undefined;
  const srcId = dyn ? `${id}-src` : undefined;
  const aria = { 'aria-describedby': describedBy(errId, srcId, descId), 'aria-invalid': error ? true : undefined };
  return (
    <div className={`field field-${field.kind}${error ? ' field-error' : ''}${dyn ? ' field-dynamic' : ''}`} data-field={field.path}>
      <label htmlFor={id} className="field-label">
        <span className="field-name">{field.label}</span>
        {field.required && (
          <span className="field-required" aria-hidden="true" title="required">
            *
          </span>
        )}
        {field.required && <span className="visually-hidden"> (required)</span>}
        <TypeBadge field={field} />
      </label>
      <div className="field-control">
        <Control field={field} id={id} ctx={ctx} aria={aria} />
      </div>
      {dyn && <DynamicNote id={srcId!} dyn={dyn} field={field} ctx={ctx} />}
      {error && (
        <p id={errId} className="field-message" role="alert">
          {error}
        </p>
      )}
      {field.description && (
        <p id={descId} className="field-desc">
          {field.description}
        </p>
      )}
    </div>
  );
}

function TypeBadge({ field }: { field: FormField }) {
  const t = field.enumType ?? (field.kind === 'float' ? 'number' : field.kind === 'int' ? 'integer' : field.kind);
  return <span className="field-type">{t}</span>;
}

function DynamicNote({ id, dyn, field, ctx }: { id: string; dyn: DynamicState; field: FormField; ctx: FieldContext }) {
  const r = dyn.resolution;
  return (
    <p id={id} className={`field-source${r.status !== 'ok' && !dyn.overridden ? ' field-source-blocked' : ''}`}>
      <span className="source-badge">{dyn.source}</span>
      {dyn.overridden ? (
        <>
          {' '}
          (typed over){' '}
          <button type="button" className="link-button" onClick={() => ctx.onChange(field.path, undefined, field)}>
            Use the value {dyn.source}
          </button>
        </>
      ) : r.status !== 'ok' ? (
        <> — {r.message}</>
      ) : null}
    </p>
  );
}

type Aria = { 'aria-describedby'?: string | undefined; 'aria-invalid'?: boolean | undefined };

function displayValue(field: FormField, ctx: FieldContext): unknown {
  return getPath(ctx.effective, field.path);
}

function Control({ field, id, ctx, aria }: { field: FormField; id: string; ctx: FieldContext; aria: Aria }) {
  const value = displayValue(field, ctx);
  const set = (v: unknown) => ctx.onChange(field.path, v, field);
  const res = ctx.dynamic[field.path]?.resolution;
  const placeholder = res && res.status !== 'ok' ? res.message : undefined;

  if (field.dynamicEnum || field.widget === 'select') {
    let options: EnumOption[] = field.options ?? [];
    let extra: ReactNode = null;
    if (field.dynamicEnum) {
      const d = ctx.dynamicOptions[field.path];
      options = d?.options ?? [];
      extra = (
        <span className="dynamic-enum-status">
          {d?.loading ? 'Loading choices…' : d?.error ? <span className="field-message">{d.error}</span> : null}{' '}
          <button type="button" className="link-button" onClick={() => ctx.reloadOptions(field)}>
            Reload choices
          </button>
        </span>
      );
    }
    const idx = options.findIndex((o) => o.value === value || String(o.value) === String(value));
    const unknown = idx < 0 && value !== undefined && value !== '';
    return (
      <>
        <select
          id={id}
          {...aria}
          value={idx >= 0 ? String(idx) : unknown ? 'custom' : ''}
          disabled={field.readOnly}
          onChange={(e) => {
            const v = e.target.value;
            if (v === '') set(undefined);
            else if (v !== 'custom') {
              const chosen = options[Number(v)];
              if (chosen) set(chosen.value);
            }
          }}
        >
          <option value="">{field.required ? '— choose —' : '— not set —'}</option>
          {unknown && <option value="custom">{String(value)}</option>}
          {options.map((o, i) => (
            <option key={i} value={String(i)}>
              {optionText(o)}
            </option>
          ))}
        </select>
        {extra}
      </>
    );
  }
  switch (field.widget) {
    case 'checkbox':
      return (
        <input
          id={id}
          type="checkbox"
          {...aria}
          checked={value === true}
          disabled={field.readOnly}
          onChange={(e) => set(e.target.checked)}
        />
      );
    case 'number':
      return (
        <input
          id={id}
          type="text"
          inputMode={field.kind === 'int' ? 'numeric' : 'decimal'}
          {...aria}
          value={value === undefined || value === null ? '' : String(value)}
          placeholder={placeholder}
          readOnly={field.readOnly}
          onChange={(e) => {
            const t = e.target.value;
            if (t.trim() === '') return set(undefined);
            const n = Number(t);
            set(Number.isFinite(n) && /^\s*-?(\d+\.?\d*|\.\d+)(e-?\d+)?\s*$/i.test(t) ? n : t);
          }}
        />
      );
    case 'textarea':
      return (
        <textarea
          id={id}
          {...aria}
          rows={4}
          value={value === undefined || value === null ? '' : String(value)}
          placeholder={placeholder}
          readOnly={field.readOnly}
          onChange={(e) => set(e.target.value)}
        />
      );
    case 'json':
      return <JsonInput id={id} aria={aria} value={value} onChange={set} />;
    case 'file':
      return <FileInput id={id} aria={aria} field={field} value={value as FileValue | undefined} ctx={ctx} />;
    case 'array':
      return <ArrayInput field={field} ctx={ctx} value={value} />;
    case 'password':
      return <SecretInput id={id} aria={aria} value={value} onChange={set} />;
    default:
      return (
        <input
          id={id}
          type="text"
          {...aria}
          value={value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)}
          placeholder={placeholder}
          readOnly={field.readOnly}
          spellCheck={false}
          onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)}
        />
      );
  }
}

function SecretInput({ id, aria, value, onChange }: { id: string; aria: Aria; value: unknown; onChange(v: unknown): void }) {
  const [shown, setShown] = useState(false);
  return (
    <span className="secret-input">
      <input
        id={id}
        type={shown ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        {...aria}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
      <button type="button" className="link-button" aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide' : 'Show'}
      </button>
    </span>
  );
}

function JsonInput({ id, aria, value, onChange }: { id: string; aria: Aria; value: unknown; onChange(v: unknown): void }) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [bad, setBad] = useState(false);
  return (
    <>
      <textarea
        id={id}
        {...aria}
        rows={4}
        className="json-input"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setBad(false);
            return onChange(undefined);
          }
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad && <span className="field-hint">Not valid JSON yet: the last valid value is kept.</span>}
    </>
  );
}

function FileInput({
  id,
  aria,
  field,
  value,
  ctx,
}: {
  id: string;
  aria: Aria;
  field: FormField;
  value?: FileValue | undefined;
  ctx: FieldContext;
}) {
  return (
    <span className="file-input">
      <input id={id} type="file" {...aria} onChange={(e) => ctx.onFile(field, e.target.files?.[0] ?? undefined)} />
      {value && value.kind === 'file' && (
        <span className="file-meta">
          {value.name} · {formatBytes(value.size)}
          {value.mimeType ? ` · ${value.mimeType}` : ''}
        </span>
      )}
    </span>
  );
}

function ArrayInput({ field, ctx, value }: { field: FormField; ctx: FieldContext; value: unknown }) {
  const items = Array.isArray(value) ? value : [];
  const item = field.item;
  const set = (next: unknown[]) => ctx.onChange(field.path, next.length ? next : undefined, field);
  return (
    <div className="array-input">
      {items.map((_v, i) => {
        const path = `${field.path}.${i}`;
        const sub: FormField = item
          ? { ...item, path, name: String(i), label: `${field.label}[${i}]` }
          : {
              path,
              name: String(i),
              label: `${field.label}[${i}]`,
              kind: 'string',
              widget: 'text',
              required: false,
              hidden: false,
              custom: false,
              readOnly: false,
              global: false,
              secret: false,
            };
        if (item?.fieldsByClass) sub.fieldsByClass = rebase(item.fieldsByClass, item.path, path);
        return (
          <div key={i} className="array-item">
            <FieldView field={sub} ctx={{ ...ctx, onChange: (p, v2, f) => ctx.onChange(p, v2, f) }} />
            <button
              type="button"
              className="link-button"
              onClick={() => set(items.filter((_, j) => j !== i))}
              aria-label={`Remove ${field.label} item ${i + 1}`}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button-small"
        onClick={() => set([...items, item?.kind === 'object' ? { objectType: item.subclasses?.[0] } : undefined])}
      >
        Add {field.label} item
      </button>
    </div>
  );
}

function rebase(by: Record<string, FormField[]>, from: string, to: string): Record<string, FormField[]> {
  const fix = (f: FormField): FormField => {
    const moved: FormField = { ...f, path: to + f.path.slice(from.length) };
    if (f.fieldsByClass) moved.fieldsByClass = rebase(f.fieldsByClass, from, to);
    return moved;
  };
  return Object.fromEntries(Object.entries(by).map(([k, v]) => [k, v.map(fix)]));
}

function ObjectField({ field, ctx }: { field: FormField; ctx: FieldContext }) {
  const value = getPath(ctx.effective, field.path);
  const cls = currentClass(field, value);
  const children = objectFields(field, value);
  const classId = useId();
  const subs = field.subclasses ?? [];
  const error = ctx.errors.get(field.path);
  return (
    <fieldset className="field-object" data-field={field.path}>
      <legend>
        <span className="field-name">{field.label}</span>
        {field.required && (
          <span className="field-required" title="required">
            *
          </span>
        )}
        {cls && <span className="field-type">{cls}</span>}
      </legend>
      {field.description && <p className="field-desc">{field.description}</p>}
      {subs.length > 0 && (field.presetClass || subs.length > 1) && (
        <div className="field field-class">
          <label htmlFor={classId} className="field-label">
            <span className="field-name">objectType</span>
          </label>
          <div className="field-control">
            {field.presetClass ? (
              <input id={classId} type="text" readOnly value={field.presetClass} aria-readonly="true" title="Preset by the recipe" />
            ) : (
              <select
                id={classId}
                value={cls}
                onChange={(e) => ctx.onChange(field.path, { ...((value as object) ?? {}), objectType: e.target.value }, field)}
              >
                {subs.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </div>
        </div>
      )}
      {error && (
        <p className="field-message" role="alert">
          {error}
        </p>
      )}
      {children.length === 0 ? (
        <p className="field-desc">No fields to fill for {cls || 'this object'}.</p>
      ) : (
        <FormFields fields={children} ctx={ctx} />
      )}
    </fieldset>
  );
}
