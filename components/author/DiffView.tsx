'use client';
/**
 * What saving over an existing recipe changes: Monaco's side-by-side diff (the file on disk on the
 * left, the draft on the right), read-only. Shown by the save bar before "Replace it".
 */
import { useEffect, useRef } from 'react';
import { DiffEditor, type DiffOnMount } from '@monaco-editor/react';

export interface DiffViewProps {
  original: string;
  modified: string;
  theme: 'light' | 'dark';
}

type DiffInstance = Parameters<DiffOnMount>[0];

export default function DiffView({ original, modified, theme }: DiffViewProps) {
  const editor = useRef<DiffInstance>(undefined);
  // The wrapper would dispose the text models before the diff widget lets go of them (Monaco then
  // reports "TextModel got disposed before DiffEditorWidget model got reset"): keep them, and
  // dispose them once the widget is gone.
  useEffect(
    () => () => {
      const models = editor.current?.getModel();
      setTimeout(() => {
        models?.original.dispose();
        models?.modified.dispose();
      }, 0);
    },
    [],
  );
  return (
    <div className="author-diff" data-testid="save-diff">
      <DiffEditor
        original={original}
        modified={modified}
        language="markdown"
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        height="320px"
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        onMount={(e) => {
          editor.current = e;
        }}
        options={{
          readOnly: true,
          originalEditable: false,
          renderSideBySide: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          // no hunk menu (revert, stage) in a read-only diff: its debounced toolbar update could run
          // after the widget was disposed and throw "AbstractContextKeyService has been disposed"
          renderGutterMenu: false,
        }}
      />
    </div>
  );
}
