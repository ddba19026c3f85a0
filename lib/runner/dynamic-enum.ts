/**
 * The choices of a `dynamicEnum` dropdown: its request (buildDynamicEnumRequest, the one request
 * builder), performed on the connection, and the list read from the answer (`array`, then `value`
 * and `label` in each item). The page's StepRunner and the headless runner both load them here.
 */
import type { ApiDescription } from '@/lib/api/types';
import { getPath } from '@/lib/form/paths';
import type { EnumOption } from '@/lib/form/types';
import { buildDynamicEnumRequest } from '@/lib/request/build';
import { executeRequest } from '@/lib/request/execute';
import type { Connection } from '@/lib/request/types';
import type { DynamicEnum } from '@/lib/recipe/types';

export interface EnumChoices {
  options: EnumOption[];
  /** Why there are none (the call failed, or answered an empty list). */
  error?: string;
}

export async function loadEnumChoices(
  de: DynamicEnum,
  api: ApiDescription,
  connection: Connection,
  stepIndex: number,
  opts: { fetchImpl?: typeof fetch; signal?: AbortSignal } = {},
): Promise<EnumChoices> {
  const model = buildDynamicEnumRequest(de, api, connection, stepIndex);
  if ('error' in model) return { options: [], error: model.error };
  const r = await executeRequest(model, { fetchImpl: opts.fetchImpl, signal: opts.signal });
  if (!r.ok) {
    return { options: [], error: `Could not load the choices: ${r.error?.kind === 'kaltura' ? `${r.error.code}: ` : ''}${r.error?.message}` };
  }
  const list = de.array ? getPath(r.json, de.array) : r.json;
  const items = Array.isArray(list) ? list : [];
  const options: EnumOption[] = items.map((it) => {
    const v = de.value ? getPath(it, de.value) : it;
    const l = de.label ? getPath(it, de.label) : v;
    return { value: typeof v === 'number' || typeof v === 'boolean' ? v : String(v), label: String(l) };
  });
  return options.length === 0 ? { options, error: 'The call answered no choices.' } : { options };
}
