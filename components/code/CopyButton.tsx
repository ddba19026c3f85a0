'use client';
/** Copies exactly `text`; says "Copied" for a moment, or why copying failed. */
import { useEffect, useState } from 'react';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button
      type="button"
      className="code-copy"
      aria-live="polite"
      onClick={() => {
        const p = navigator.clipboard?.writeText(text);
        if (!p) return setState('failed');
        p.then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the code and copy it' : label}
    </button>
  );
}
