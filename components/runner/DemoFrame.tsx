'use client';
/**
 * A recipe's Demo block, shown after its step ran: untrusted HTML in a sandboxed iframe with
 * scripts but WITHOUT allow-same-origin, so it has no access to the console's origin, storage or
 * credentials. The frame loads /demo-frame (app/demo-frame/route.ts: its own permissive policy,
 * sandboxed again by its CSP), which writes the HTML this component posts to it once it is ready;
 * a srcdoc frame would inherit the console's Content-Security-Policy and could run no script.
 * Placeholders (`<%- answers.x %>`) take the step's inputs, but only the public ones: the caller
 * passes answers without credentials, connection values or anything holding a KS
 * (lib/runner/secrets.ts publicAnswers), and the frame says so.
 */
import { useEffect, useMemo, useRef } from 'react';
import { fillPlaceholders } from '@/lib/recipe/placeholders';

export const DEMO_FRAME_SRC = '/demo-frame';

export function DemoFrame({ html, answers, stepIndex }: { html: string; answers: Record<string, unknown>; stepIndex: number }) {
  const doc = useMemo(() => fillPlaceholders(html, answers), [html, answers]);
  const ref = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const w = ref.current?.contentWindow;
      if (!w || e.source !== w || (e.data as { type?: unknown } | null)?.type !== 'recipe-console:demo-ready') return;
      // the frame's origin is opaque ("null"): '*' is the only target that reaches it
      w.postMessage({ type: 'recipe-console:demo', html: doc }, '*');
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [doc]);
  return (
    <section className="demo" aria-label={`Demo of step ${stepIndex + 1}`}>
      <h3 className="demo-title">Demo</h3>
      <p className="demo-note" data-testid={`step-${stepIndex + 1}-demo-note`}>
        The demo runs isolated from the console: it gets this step&apos;s inputs, but never your session (KS), your admin secret or values
        taken from your connection.
      </p>
      <iframe
        key={doc}
        ref={ref}
        className="demo-frame"
        title={`Demo of step ${stepIndex + 1}`}
        sandbox="allow-scripts"
        src={DEMO_FRAME_SRC}
        referrerPolicy="no-referrer"
        data-testid={`step-${stepIndex + 1}-demo`}
      />
    </section>
  );
}
