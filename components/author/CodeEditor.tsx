'use client';
/**
 * The Monaco editor of /author. Loaded with next/dynamic (no SSR) so that Monaco, its CSS and its
 * workers are fetched only by this page. Monaco comes from the local package (see monaco.ts).
 */
import { useEffect, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { loadMonaco, type Monaco } from './monaco';

export type EditorInstance = Parameters<OnMount>[0];

export interface CodeEditorProps {
  initialValue: string;
  /** Called once the editor exists (with the monaco namespace). */
  onReady: (editor: EditorInstance, monaco: Monaco) => void;
  onChange: (value: string) => void;
  theme: 'light' | 'dark';
}

export default function CodeEditor({ initialValue, onReady, onChange, theme }: CodeEditorProps) {
  const [monacoReady, setMonacoReady] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    loadMonaco().then(
      () => live && setMonacoReady(true),
      (e: unknown) =>
        live && setError(`The editor failed to load (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`),
    );
    return () => {
      live = false;
    };
  }, []);
  if (error)
    return (
      <p className="author-error" role="alert">
        {error}
      </p>
    );
  if (!monacoReady) return <p className="author-loading">Loading the editor…</p>;
  return (
    <Editor
      defaultLanguage="markdown"
      defaultValue={initialValue}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      loading={<p className="author-loading">Loading the editor…</p>}
      onMount={(editor, monaco) => onReady(editor, monaco as unknown as Monaco)}
      onChange={(v) => onChange(v ?? '')}
      options={{
        wordWrap: 'on',
        minimap: { enabled: false },
        fontSize: 14,
        tabSize: 2,
        insertSpaces: true,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        wordBasedSuggestions: 'off',
        quickSuggestions: { other: true, strings: true, comments: true },
        suggest: { showWords: false, preview: true },
        fixedOverflowWidgets: true,
        accessibilitySupport: 'auto',
        ariaLabel: 'Recipe markdown',
      }}
    />
  );
}
