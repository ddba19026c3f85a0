/**
 * The code samples of a recipe page for the initial values, made and highlighted on the server,
 * so the page shows highlighted code with no browser JS and the browser generates or highlights
 * only when a value changes (lib/samples/initial.ts says when it may keep these).
 *
 * Made exactly as the browser makes them (lib/samples/tabs.ts, the one request builder,
 * the same description slice), for the connection the page will have once the sandbox session is
 * up: this page's origin and the sandbox partner, a KS that samples mask anyway.
 */
import type { HighlighterCore } from 'shiki/core';
import { descriptionFromSlice, type ApiSlice } from '@/lib/description/slice';
import { generatorFor } from '@/lib/codegen';
import { laterReads } from '@/lib/codegen/reads';
import { buildForm } from '@/lib/form/build';
import { initialValues, resolveValues, toAnswers } from '@/lib/form/values';
import { buildRequestModel } from '@/lib/request/build';
import type { Connection, RequestModel } from '@/lib/request/types';
import { runnerStep } from '@/lib/recipe/runner-model';
import type { Recipe } from '@/lib/recipe/types';
import { PROGRAM_LANGUAGES, needsGenerator, programText, sampleTabs, sampleText } from '@/lib/samples/tabs';
import { DEFAULT_LANGUAGE, codeKey, pickTab, type InitialCode, type InitialSample } from '@/lib/samples/initial';
import { SAMPLE_THEMES, compactTokens, grammarFor, type CompactTokens } from '@/lib/samples/tokens';
import { getHighlighter } from './highlight';

/** A stand-in KS: samples print a placeholder for it while secrets are masked. */
const PREDICTED_KS = 'predicted-sandbox-session';

export interface InitialCodeInput {
  recipe: Recipe;
  slice: ApiSlice;
  /** The page's origin as the browser sees it (the sandbox's service URL). */
  origin: string;
  /** The sandbox partner's ID (the session the page will start is for it). */
  partnerId?: number | undefined;
  /** The stored language choice (cookie), if any. */
  lang?: string | undefined;
}

function tokensOf(h: HighlighterCore, code: string, lang: string): CompactTokens | null {
  const grammar = grammarFor(lang);
  if (!grammar || !h.getLoadedLanguages().includes(grammar)) return null;
  try {
    return compactTokens(h.codeToTokens(code, { lang: grammar, themes: SAMPLE_THEMES, defaultColor: false }).tokens);
  } catch {
    return null;
  }
}

/**
 * Made once per recipe version (lib/server/recipes.ts parses each file version and description
 * once, so the Recipe object is the version) and origin, partner and language.
 */
const made = new WeakMap<Recipe, Map<string, Promise<InitialCode>>>();
const PER_RECIPE = 16;

export function initialCode(input: InitialCodeInput): Promise<InitialCode> {
  let byKey = made.get(input.recipe);
  if (!byKey) made.set(input.recipe, (byKey = new Map()));
  const key = JSON.stringify([input.origin, input.partnerId ?? null, input.lang ?? DEFAULT_LANGUAGE]);
  let hit = byKey.get(key);
  if (!hit) {
    if (byKey.size >= PER_RECIPE) byKey.delete(byKey.keys().next().value!);
    hit = makeInitialCode(input);
    hit.catch(() => byKey.delete(key));
    byKey.set(key, hit);
  }
  return hit;
}

async function makeInitialCode(input: InitialCodeInput): Promise<InitialCode> {
  const { recipe, slice, origin } = input;
  const lang = input.lang ?? DEFAULT_LANGUAGE;
  const api = descriptionFromSlice(slice);
  const h = await getHighlighter();
  const connection: Connection = { serviceUrl: origin, ks: PREDICTED_KS };
  if (input.partnerId !== undefined) connection.partnerId = input.partnerId;
  const out: InitialCode = { lang, steps: {} };
  const models: Array<RequestModel | null> = [];

  for (const full of recipe.steps) {
    const step = runnerStep(full);
    const form = buildForm(step, api);
    const values = initialValues(form, connection);
    const model = buildRequestModel({ step, form, values, results: {}, connection, api, globals: {} }).model;
    const answers = toAnswers(resolveValues(form, values, {}, {}).values);
    // As the browser's whole-recipe program lists them: one entry per step, null without a call.
    models.push(step.apiCall?.path ? model : null);
    const tab = pickTab(sampleTabs(step), lang);
    if (!tab) continue;
    const generated = needsGenerator(tab, model);
    const g = generated ? generatorFor(tab.id) : undefined;
    if (generated && !g) continue;
    const text = sampleText(
      tab,
      { request: model, answers, connection, api, setup: false, secrets: 'masked', reads: laterReads(recipe.steps, step.index) },
      g,
    );
    const sample: InitialSample = {
      lang: tab.id,
      key: generated ? codeKey({ lang: tab.id, requests: [model], connection, setup: false, secrets: 'masked', api: 'builtin' }) : '',
      text,
      tokens: tokensOf(h, text, tab.highlight),
    };
    out.steps[step.index] = sample;
  }

  if (models.some(Boolean)) {
    const info = PROGRAM_LANGUAGES.find((x) => x.id === lang) ?? PROGRAM_LANGUAGES.find((x) => x.id === DEFAULT_LANGUAGE)!;
    const g = generatorFor(info.id);
    if (g) {
      const text = programText(g, recipe, models, connection, 'masked', api);
      out.program = {
        lang: info.id,
        key: codeKey({ lang: info.id, requests: models, connection, setup: true, secrets: 'masked', api: 'builtin' }),
        text,
        tokens: tokensOf(h, text, info.shikiLang),
      };
    }
  }
  return out;
}

/**
 * The page's origin from the request's Host header (what the browser's location says), or
 * undefined for a header that is not a plain host[:port]: then the browser, whose key will not
 * match, makes the samples itself. Only affects the requester's own page (rendered per request).
 */
export function pageOrigin(host: string | null | undefined, forwardedProto: string | null | undefined): string | undefined {
  if (!host || !/^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host)) return undefined;
  const proto = (forwardedProto ?? '').split(',')[0]!.trim().toLowerCase();
  return `${proto === 'https' ? 'https' : 'http'}://${host.toLowerCase()}`;
}

/** The sandbox partner's ID, when the sandbox runs in this process. */
export async function sandboxPartnerId(): Promise<number | undefined> {
  try {
    const { getSandbox } = await import('@/lib/sandbox');
    const core = (await getSandbox()).core;
    // public mode: each visitor has a partner of its own, which the page learns from its session
    return core.visitors ? undefined : core.partner.id;
  } catch {
    return undefined;
  }
}
