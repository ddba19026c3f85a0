'use client';
/**
 * The whole recipe as one program per language (set-up included, values chained from step to
 * step), with its language choice (the same remembered choice as the step samples), Copy, and a
 * download button that saves it under the language's file extension. `initial` is the server's
 * program for the initial values (see CodeSamples).
 */
import { useId, useMemo, useState } from 'react';
import type { Recipe } from '@/lib/recipe/types';
import type { RequestModel } from '@/lib/request/types';
import { CopyButton } from './CopyButton';
import { DEFAULT_LANGUAGE, codeKey } from '@/lib/samples/initial';
import { PROGRAM_LANGUAGES, programFileName, programText } from '@/lib/samples/tabs';
import { type GeneratedCodeProps, SamplePanel } from './SamplePanel';
import { LanguageTabs } from './Tabs';
import { useGenerator } from './useGenerator';
import { useStoredLanguage } from './useStoredLanguage';
import './code.css';

export interface WholeRecipeCodeProps extends GeneratedCodeProps {
  recipe: Recipe;
  /** One entry per step (null for steps without a call or not buildable yet). */
  requests: Array<RequestModel | null>;
}

export function WholeRecipeCode({
  recipe,
  requests,
  connection,
  api,
  initial,
  serverLanguage,
  pending = false,
  apiTag = 'builtin',
}: WholeRecipeCodeProps) {
  const id = useId().replace(/:/g, '');
  const [stored, setStored] = useStoredLanguage(serverLanguage ?? null);
  const [shown, setShown] = useState(false);
  const g = PROGRAM_LANGUAGES.find((x) => x.id === stored) ?? PROGRAM_LANGUAGES.find((x) => x.id === DEFAULT_LANGUAGE)!;
  const sameTab = !!initial && initial.lang === g.id && !shown;
  const key = useMemo(
    () => (sameTab && !pending ? codeKey({ lang: g.id, requests, connection, setup: true, secrets: 'masked', api: apiTag }) : ''),
    [sameTab, pending, g.id, requests, connection, apiTag],
  );
  const keepInitial = sameTab && (pending || key === initial!.key);
  const { generator, error } = useGenerator(g.id, !keepInitial);
  const code = useMemo(
    () =>
      keepInitial ? initial!.text : generator ? programText(generator, recipe, requests, connection, shown ? 'shown' : 'masked', api) : '',
    [keepInitial, initial, generator, recipe, requests, connection, shown, api],
  );
  const ready = keepInitial || !!generator;
  const fileName = programFileName(recipe, g.id);

  const download = () => {
    const url = URL.createObjectURL(new Blob([code], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="code-samples whole-recipe-code" role="group" aria-label="Whole-recipe program">
      <div className="code-toolbar">
        <LanguageTabs
          tabs={PROGRAM_LANGUAGES.map((x) => ({ id: x.id, label: x.label }))}
          selected={g.id}
          onSelect={setStored}
          idPrefix={id}
          label="Program language"
        />
        <div className="code-options">
          <label>
            <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} /> Show secrets
          </label>
          {ready && <CopyButton text={code} />}
          {ready && (
            <button type="button" className="code-download" onClick={download}>
              Download {fileName}
            </button>
          )}
        </div>
      </div>
      <SamplePanel
        id={id}
        lang={g.id}
        source={keepInitial ? 'server' : 'browser'}
        error={keepInitial ? null : error}
        loading={ready ? null : `Generating the ${g.label} program…`}
        code={code}
        highlight={g.shikiLang}
        label={`${g.label} program for the whole recipe`}
        initial={initial}
      />
    </div>
  );
}

export default WholeRecipeCode;
