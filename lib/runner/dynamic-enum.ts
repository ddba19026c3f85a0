/**
 * The choices of a `dynamicEnum` dropdown: its request (buildDynamicEnumRequest, the one request
 * builder), performed on the connection, and the list read from the answer (`array`, then `value`
 * and `label` in each item). The page's StepRunner and the headless runner both load them here.
 */
import type { ApiDescription } from '@/lib/description/types';
import { dynamicChoices } from '@/lib/form/choices';
import { getPath } from '@/lib/form/paths';
import { buildDynamicEnumRequest } from '@/lib/request/build';
import { executeRequest } from '@/lib/request/execute';
import { errorText } from '@/lib/request/response';
import type { Connection } from '@/lib/request/types';
import type { DynamicEnum } from '@/lib/recipe/types';
import { resolveDynamic } from '@/lib/form/dynamic';
import type { EnumOption, FormField, StepResults } from '@/lib/form/types';

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
  opts: {
    fetchImpl?: typeof fetch | undefined;
    signal?: AbortSignal | undefined;
    /** The value an earlier step of this walk made (the field's dynamicValue): marked and preselected. */
    mine?: { value: unknown; fromStep: number };
  } = {},
): Promise<EnumChoices> {
  const model = buildDynamicEnumRequest(de, api, connection, stepIndex);
  if ('error' in model) return { options: [], error: model.error };
  const r = await executeRequest(model, { fetchImpl: opts.fetchImpl, signal: opts.signal });
  if (!r.ok) {
    return { options: [], error: `Could not load the choices: ${r.error ? errorText(r.error) : `HTTP ${r.status}`}` };
  }
  const list = de.array ? getPath(r.json, de.array) : r.json;
  const options = dynamicChoices(list, de, opts.mine);
  return options.length === 0 ? { options, error: 'The call answered no choices.' } : { options };
}

/**
 * The choices of a form field's `dynamicEnum`, as the page's dropdown and the headless runner load
 * them: the item an earlier step of this walk made (the field's `dynamicValue`) is marked.
 */
export function loadFieldChoices(
  field: FormField,
  api: ApiDescription,
  connection: Connection,
  stepIndex: number,
  results: StepResults,
  opts: { fetchImpl?: typeof fetch | undefined; signal?: AbortSignal | undefined } = {},
): Promise<EnumChoices> {
  const de = field.dynamicEnum;
  if (!de) return Promise.resolve({ options: [], error: `${field.label} is not a choice filled by a call.` });
  const dv = field.dynamicValue;
  const made = dv ? resolveDynamic(dv, results) : undefined;
  const mine = dv && made?.status === 'ok' ? { value: made.value, fromStep: dv.fromStep } : undefined;
  return loadEnumChoices(de, api, connection, stepIndex, { ...opts, ...(mine ? { mine } : {}) });
}
