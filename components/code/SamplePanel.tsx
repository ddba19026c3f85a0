'use client';
/**
 * What the step samples and the whole-recipe program share: their common props, and the tab panel
 * that shows the code (highlighted), "Generating…" while a generator loads, or the error that
 * stopped it.
 */
import type { ApiDescription } from '@/lib/description/types';
import type { InitialSample } from '@/lib/samples/initial';
import type { Connection } from '@/lib/request/types';
import { CodeBlock } from './CodeBlock';

export interface GeneratedCodeProps {
  connection: Connection;
  /** The API description (argument order, result types, enum constants). */
  api: ApiDescription;
  /** The server's sample for the initial values, and the language it chose. */
  initial?: InitialSample | undefined;
  serverLanguage?: string | undefined;
  /** Nothing changed since load and the session is still starting: keep the server's sample. */
  pending?: boolean;
  /** Which description the forms use ('builtin', or the URL of a loaded one). */
  apiTag?: string;
}

export interface SamplePanelProps {
  /** The tab list's id prefix (the panel is labelled by its selected tab). */
  id: string;
  lang: string;
  /** Whether the text shown is the server's or made here. */
  source: 'server' | 'browser';
  error: string | null | undefined;
  /** What to say while the generator loads; no code is shown then. */
  loading: string | null;
  code: string;
  highlight: string;
  label: string;
  initial: InitialSample | undefined;
}

export function SamplePanel({ id, lang, source, error, loading, code, highlight, label, initial }: SamplePanelProps) {
  return (
    <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${lang}`} data-lang={lang} data-source={source}>
      {error ? (
        <p role="alert" className="code-error">
          {error}
        </p>
      ) : loading ? (
        <p className="code-loading" aria-busy="true">
          {loading}
        </p>
      ) : (
        <CodeBlock code={code} lang={highlight} label={label} initial={initial && initial.lang === lang ? initial : null} />
      )}
    </div>
  );
}
