'use client';
/**
 * A step's code samples: one tab per offered language (remembered across steps and visits),
 * generated from the same RequestModel the live call uses, highlighted lazily, with the
 * "include setup code" and "show secrets" toggles and a copy button that copies what is shown.
 */
import { useId, useMemo, useState } from 'react';
import type { ApiDescription } from '@/lib/api/types';
import type { Step } from '@/lib/recipe/types';
import type { Connection, RequestModel } from '@/lib/request/types';
import { CodeBlock } from './CodeBlock';
import { CopyButton } from './CopyButton';
import { needsGenerator, sampleTabs, sampleText, setupAllowed } from './samples';
import { LanguageTabs } from './Tabs';
import { useGenerator } from './useGenerator';
import { useStoredLanguage } from './useStoredLanguage';
import './code.css';

export interface CodeSamplesProps {
  step: Step;
  request: RequestModel | null;
  answers: Record<string, unknown>;
  connection: Connection;
  /** The API description (argument order, result types, enum constants). */
  api: ApiDescription;
}

export function CodeSamples({ step, request, answers, connection, api }: CodeSamplesProps) {
  const id = useId().replace(/:/g, '');
  const tabs = useMemo(() => sampleTabs(step), [step]);
  const [stored, setStored] = useStoredLanguage();
  const [setup, setSetup] = useState(false);
  const [shown, setShown] = useState(false);
  const description = api;

  const tab = tabs.find((t) => t.id === stored) ?? tabs[0];
  const allowSetup = !!tab && setupAllowed(step, tab, request);
  const wanted = !!tab && needsGenerator(tab, request);
  const { generator, error } = useGenerator(tab?.id, wanted);
  const loading = wanted && !generator && !error;
  const hasSecrets = !!(connection.secret || connection.ks || request?.ks || request?.params.some((p) => p.secret));
  const code = useMemo(
    () =>
      tab
        ? sampleText(tab, {
            request,
            answers,
            connection,
            api: description,
            setup: allowSetup && setup,
            secrets: shown ? 'shown' : 'masked',
          }, generator)
        : '',
    [tab, request, answers, connection, description, allowSetup, setup, shown, generator],
  );
  if (!tab) return null;

  return (
    <section className="code-samples" aria-label={`Code samples for step ${step.index + 1}`} data-step={step.index}>
      <div className="code-toolbar">
        <LanguageTabs tabs={tabs} selected={tab.id} onSelect={setStored} idPrefix={id} label="Sample language" />
        <div className="code-options">
          {allowSetup && (
            <label>
              <input type="checkbox" checked={setup} onChange={(e) => setSetup(e.target.checked)} /> Include setup code
            </label>
          )}
          {hasSecrets && (
            <label>
              <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} /> Show secrets
            </label>
          )}
          {!loading && !error && <CopyButton text={code} />}
        </div>
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab.id}`} data-lang={tab.id}>
        {error ? (
          <p role="alert" className="code-error">{error}</p>
        ) : loading ? (
          <p className="code-loading" aria-busy="true">Generating {tab.label} code…</p>
        ) : (
          <CodeBlock code={code} lang={tab.highlight} label={`${tab.label} code for step ${step.index + 1}`} />
        )}
      </div>
    </section>
  );
}

export default CodeSamples;
