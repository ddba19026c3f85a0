'use client';
/**
 * File name, "Download .md" (always) and "Save to recipes/" (development mode only). Saving asks
 * before replacing an existing file.
 */
import { lazy, Suspense, useState } from 'react';

/** Monaco's diff editor, loaded only when a save would replace a file. */
const DiffView = lazy(() => import('./DiffView'));

export interface SaveBarProps {
  source: string;
  defaultName: string;
  canSave: boolean;
  errorCount: number;
  theme?: 'light' | 'dark';
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved'; path: string; url: string }
  | { kind: 'exists'; message: string; existing?: string | undefined }
  | { kind: 'error'; message: string };

export function download(name: string, text: string): void {
  const blob = new Blob([text], { type: 'text/markdown;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SaveBar({ source, defaultName, canSave, errorCount, theme = 'light' }: SaveBarProps) {
  const [name, setName] = useState(defaultName);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const fileName = name.trim().endsWith('.md') ? name.trim() : `${name.trim() || 'recipe'}.md`;

  async function save(overwrite: boolean) {
    setStatus({ kind: 'busy' });
    try {
      const res = await fetch('/api/recipes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: fileName, content: source, overwrite }),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: string; path?: string; url?: string; existing?: string };
      if (res.status === 409) setStatus({ kind: 'exists', message: body.error ?? `${fileName} already exists.`, existing: body.existing });
      else if (!res.ok)
        setStatus({ kind: 'error', message: body.error ?? `Saving failed (HTTP ${res.status}). Download the file instead.` });
      else setStatus({ kind: 'saved', path: body.path ?? fileName, url: body.url ?? '/' });
    } catch (e) {
      setStatus({
        kind: 'error',
        message: `Could not reach the console to save (${e instanceof Error ? e.message : String(e)}). Your text is still here; download it to be safe.`,
      });
    }
  }

  return (
    <div className="author-save" role="group" aria-label="Save">
      <div className="author-field">
        <label htmlFor="author-file-name">File name</label>
        <input
          id="author-file-name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setStatus({ kind: 'idle' });
          }}
          spellCheck={false}
          autoComplete="off"
          size={18}
          aria-describedby="author-save-status"
        />
      </div>
      <button
        id="author-download"
        type="button"
        className="button"
        onClick={() => download(fileName, source)}
        title="Download the recipe as a .md file (Ctrl+S)"
      >
        Download .md
      </button>
      {canSave && (
        <button
          type="button"
          className="button button-primary"
          disabled={status.kind === 'busy'}
          onClick={() => void save(false)}
          title="Write the file into recipes/ (development mode)"
        >
          Save to recipes/
        </button>
      )}
      <span id="author-save-status" className="author-save-status" role="status">
        {status.kind === 'saved' && (
          <>
            Saved {status.path}
            {errorCount > 0 ? ` (with ${errorCount} error${errorCount === 1 ? '' : 's'})` : ''}.{' '}
            <a href={status.url}>Open the recipe page</a>
          </>
        )}
        {status.kind === 'exists' && (
          <>
            {status.message}{' '}
            {status.existing === source ? (
              <em>It already holds exactly this text.</em>
            ) : (
              <>
                <button type="button" className="button button-small button-danger" onClick={() => void save(true)}>
                  Replace it
                </button>{' '}
                <button type="button" className="button button-small button-quiet" onClick={() => setStatus({ kind: 'idle' })}>
                  Cancel
                </button>
              </>
            )}
          </>
        )}
        {status.kind === 'error' && <span className="author-error">{status.message}</span>}
      </span>
      {status.kind === 'exists' && status.existing !== undefined && status.existing !== source && (
        <section className="author-diff-panel" aria-label={`Changes to ${fileName}: the file on the left, your draft on the right`}>
          <p className="author-diff-title">Replacing {fileName} changes this (the file on the left, your draft on the right):</p>
          <Suspense fallback={<p className="author-loading">Loading the comparison…</p>}>
            <DiffView original={status.existing} modified={source} theme={theme} />
          </Suspense>
        </section>
      )}
    </div>
  );
}
