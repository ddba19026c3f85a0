'use client';
/**
 * Copies exactly `text`; says "Copied" for a moment, or why copying failed. Outside a secure
 * context (no navigator.clipboard, e.g. the console opened over a LAN address) it falls back to a
 * hidden textarea and the copy command.
 */
import { useEffect, useState } from 'react';

function legacyCopy(text: string): boolean {
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  const copy = () => {
    const clip = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clip) return setState(legacyCopy(text) ? 'copied' : 'failed');
    clip.writeText(text).then(
      () => setState('copied'),
      () => setState(legacyCopy(text) ? 'copied' : 'failed'),
    );
  };
  return (
    <button type="button" className="code-copy" aria-live="polite" onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the code and copy it' : label}
    </button>
  );
}
