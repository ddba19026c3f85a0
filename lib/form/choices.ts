/**
 * The choices of a `dynamicEnum` dropdown from the list its call answered: each item's value and
 * label at the recipe's paths. Items that share a label get what tells them apart (when each was
 * created, else their status, else their place in the list), so "holiday.mp4" three times reads as
 * three different tokens; the item an earlier step of this walk made (the field's dynamicValue) is
 * marked, and the field's value then selects it.
 */
import type { DynamicEnum } from '@/lib/recipe/types';
import { getPath } from './paths';
import type { EnumOption } from './types';

function scalar(v: unknown): string | number | boolean {
  return typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
}

function clock(seconds: unknown): string | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  const d = new Date(seconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function dynamicChoices(list: unknown, de: DynamicEnum, mine?: { value: unknown; fromStep: number }): EnumOption[] {
  const items = Array.isArray(list) ? list : [];
  const base = items.map((it) => {
    const value = scalar(de.value ? getPath(it, de.value) : it);
    const raw = de.label ? getPath(it, de.label) : undefined;
    return { it, value, label: raw === undefined || raw === null || raw === '' ? String(value) : String(raw) };
  });
  const count = new Map<string, number>();
  for (const b of base) count.set(b.label, (count.get(b.label) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out = base.map((b) => {
    let label = b.label;
    if ((count.get(b.label) ?? 0) > 1) {
      const o = (b.it && typeof b.it === 'object' ? b.it : {}) as Record<string, unknown>;
      const when = clock(o.createdAt);
      const n = (seen.get(b.label) ?? 0) + 1;
      seen.set(b.label, n);
      label = when
        ? `${label} · created ${when}`
        : o.status !== undefined
          ? `${label} · status ${String(o.status)} · #${n}`
          : `${label} · #${n}`;
    }
    if (mine && mine.value !== undefined && String(mine.value) === String(b.value)) label += ` · made in step ${mine.fromStep + 1}`;
    return { value: b.value, label };
  });
  // Still the same text (created in the same second): number them.
  const again = new Map<string, number>();
  for (const o of out) again.set(o.label, (again.get(o.label) ?? 0) + 1);
  const k = new Map<string, number>();
  return out.map((o) => {
    if ((again.get(o.label) ?? 0) < 2) return o;
    const n = (k.get(o.label) ?? 0) + 1;
    k.set(o.label, n);
    return { ...o, label: `${o.label} · #${n}` };
  });
}
