/**
 * The code samples of a recipe page for the initial values (lib/server/initial-code.ts), for this
 * request's origin (Host) and the language cookie the page's language control sets.
 */
import { cookies, headers } from 'next/headers';
import type { ApiSlice } from '@/lib/description/slice';
import type { Recipe } from '@/lib/recipe/types';
import { initialCode, pageOrigin, sandboxPartnerId } from '@/lib/server/initial-code';
import { LANGUAGE_COOKIE, cleanLanguage, type InitialCode } from '@/lib/samples/initial';

export async function pageCode(recipe: Recipe, slice: ApiSlice): Promise<InitialCode | undefined> {
  const h = await headers();
  const origin = pageOrigin(h.get('host'), h.get('x-forwarded-proto'));
  if (!origin) return undefined;
  const lang = cleanLanguage((await cookies()).get(LANGUAGE_COOKIE)?.value);
  try {
    return await initialCode({ recipe, slice, origin, partnerId: await sandboxPartnerId(), lang });
  } catch (e) {
    // The page still works without them: the browser makes the samples itself.
    console.error('[recipes] could not make the initial code samples:', (e as Error)?.message ?? e);
    return undefined;
  }
}
