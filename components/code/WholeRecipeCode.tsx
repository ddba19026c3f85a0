'use client';
/**
 * The whole recipe as one program per language (set-up included, values chained from step to
 * step), with a download button that saves it under the language's file extension.
 */
import { useId, useMemo, useState } from 'react';
import type { ApiDescription } from '@/lib/api/types';
import type { Recipe } from '@/lib/recipe/types';
import type { Connection, RequestModel } from '@/lib/request/types';
import { CodeBlock } from './CodeBlock';
import { CopyButton } from './CopyButton';
import { PROGRAM_LANGUAGES, programFileName, programText } from './samples';
import { LanguageTabs } from './Tabs';
import { useGenerator } from './useGenerator';
import { useStoredLanguage } from './useStoredLanguage';
import './code.css';

export interface WholeRecipeCodeProps {
  recipe: Recipe;
  /** One entry per step (null for steps without a call or not buildable yet). */
  requests: Array<RequestModel | null>;
  connection: Connection;
  /** The API description (argument order, result types, enum constants). */
  api: ApiDescription;
}

export function WholeRecipeCode({ recipe, requests, connection, api }: WholeRecipeCodeProps) {
  const id = useId().replace(/:/g, '');
  const [stored, setStored] = useStoredLanguage();
  const [shown, setShown] = useState(false);
  const description = api;
  const g = PROGRAM_LANGUAGES.find((x) => x.id === stored) ?? PROGRAM_LANGUAGES.find((x) => x.id === 'node')!;
  const { generator, error } = useGenerator(g.id, true);
  const code = useMemo(
    () => (generator ? programText(generator, recipe, requests, connection, shown ? 'shown' : 'masked', description) : ''),
    [generator, recipe, requests, connection, shown, description],
  );
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
          {generator && <CopyButton text={code} />}
          {generator && (
            <button type="button" className="code-download" onClick={download}>
              Download {fileName}
            </button>
          )}
        </div>
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${g.id}`} data-lang={g.id}>
        {error ? (
          <p role="alert" className="code-error">{error}</p>
        ) : !generator ? (
          <p className="code-loading" aria-busy="true">Generating the {g.label} program…</p>
        ) : (
          <CodeBlock code={code} lang={g.shikiLang} label={`${g.label} program for the whole recipe`} />
        )}
      </div>
    </div>
  );
}

export default WholeRecipeCode;
