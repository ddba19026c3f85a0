'use client';
/**
 * A step's code samples: one compact language control (a single-line tab list that scrolls;
 * the choice applies to every step and is remembered), the sample generated from the same
 * RequestModel the live call uses, the "include setup code" and "show secrets" toggles and a copy
 * button that copies what is shown. The default is a generated sample that follows the form;
 * hand-written samples stay in their own tab.
 *
 * `initial` is what the server made for the initial values: shown (highlighted) as long as the
 * inputs still give that code, without loading a generator or a highlighter.
 */
import { useId, useMemo, useState } from 'react';
import type { Step } from '@/lib/recipe/types';
import type { RequestModel } from '@/lib/request/types';
import { CopyButton } from './CopyButton';
import { codeKey, pickTab } from '@/lib/samples/initial';
import { needsGenerator, sampleTabs, sampleText, setupAllowed } from '@/lib/samples/tabs';
import { type GeneratedCodeProps, SamplePanel } from './SamplePanel';
import { LanguageTabs } from './Tabs';
import { useGenerator } from './useGenerator';
import { useStoredLanguage } from './useStoredLanguage';
import './code.css';

export interface CodeSamplesProps extends GeneratedCodeProps {
  step: Step;
  request: RequestModel | null;
  answers: Record<string, unknown>;
  /** What later steps read of this step's result (`laterReads`): generated samples print it. */
  reads?: readonly string[];
}

export function CodeSamples({
  step,
  request,
  answers,
  connection,
  api,
  initial,
  serverLanguage,
  pending = false,
  apiTag = 'builtin',
  reads,
}: CodeSamplesProps) {
  const id = useId().replace(/:/g, '');
  const tabs = useMemo(() => sampleTabs(step), [step]);
  const [stored, setStored] = useStoredLanguage(serverLanguage ?? null);
  const [setup, setSetup] = useState(false);
  const [shown, setShown] = useState(false);

  const tab = pickTab(tabs, stored);
  const allowSetup = !!tab && setupAllowed(step, tab, request);
  const generated = !!tab && needsGenerator(tab, request);
  const secrets = shown ? 'shown' : 'masked';
  const useSetup = allowSetup && setup;
  // May the server's text stay? Same tab and options, and the same inputs (or none changed yet).
  const sameTab = !!initial && !!tab && tab.id === initial.lang && !useSetup && !shown;
  const key = useMemo(
    () =>
      sameTab && generated && !pending
        ? codeKey({ lang: tab!.id, requests: [request], connection, setup: false, secrets: 'masked', api: apiTag })
        : '',
    [sameTab, generated, pending, tab, request, connection, apiTag],
  );
  const keepInitial = sameTab && generated && (pending || key === initial!.key);
  const { generator, error } = useGenerator(tab?.id, generated && !keepInitial);
  const loading = generated && !keepInitial && !generator && !error;
  const hasSecrets = !!(connection.secret || connection.ks || request?.ks || request?.params.some((p) => p.secret));
  const code = useMemo(() => {
    if (!tab) return '';
    if (keepInitial) return initial!.text;
    return sampleText(tab, { request, answers, connection, api, setup: useSetup, secrets, reads }, generator);
  }, [tab, keepInitial, initial, request, answers, connection, api, useSetup, secrets, generator, reads]);
  if (!tab) return null;

  return (
    <section className="code-samples" aria-label={`Code samples for step ${step.index + 1}`} data-step={step.index}>
      <div className="code-toolbar">
        <LanguageTabs
          tabs={tabs.map((t) => ({ id: t.id, label: t.label, note: t.sample.auto ? undefined : 'hand-written' }))}
          selected={tab.id}
          onSelect={setStored}
          idPrefix={id}
          label="Sample language"
        />
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
      <SamplePanel
        id={id}
        lang={tab.id}
        source={keepInitial || (initial && initial.lang === tab.id && code === initial.text) ? 'server' : 'browser'}
        error={error}
        loading={loading ? `Generating ${tab.label} code…` : null}
        code={code}
        highlight={tab.highlight}
        label={`${tab.label} code for step ${step.index + 1}`}
        initial={initial}
      />
    </section>
  );
}

export default CodeSamples;
