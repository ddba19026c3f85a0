'use client';
/**
 * A recipe's Demo block, shown after its step ran: untrusted HTML in a sandboxed iframe with
 * scripts but WITHOUT allow-same-origin, so it has no access to the console's origin, storage or
 * credentials. Placeholders (`<%- answers.x %>`) take the step's inputs.
 */
import { useMemo } from 'react';
import { fillPlaceholders } from '@/lib/recipe/placeholders';

export function DemoFrame({ html, answers, stepIndex }: { html: string; answers: Record<string, unknown>; stepIndex: number }) {
  const doc = useMemo(() => fillPlaceholders(html, answers), [html, answers]);
  return (
    <section className="demo" aria-label={`Demo of step ${stepIndex + 1}`}>
      <h3 className="demo-title">Demo</h3>
      <iframe className="demo-frame" title={`Demo of step ${stepIndex + 1}`} sandbox="allow-scripts" srcDoc={doc} referrerPolicy="no-referrer" data-testid={`step-${stepIndex + 1}-demo`} />
    </section>
  );
}
