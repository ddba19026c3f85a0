'use client';
/**
 * After a step ran: its `expect` checked against the response (lib/runner/expect.ts, the same
 * checks as `npm run recipes:test`), pass or fail per entry, next to the response. When the step
 * answered an entry that was still processing, the checks follow the entry as it is polled.
 */
import { useMemo } from 'react';
import type { Expectation } from '@/lib/recipe/types';
import { checkExpectations } from '@/lib/runner/expect';

export function ExpectResults({
  expect,
  response,
  stepIndex,
  followed,
}: {
  expect: Expectation[];
  response: unknown;
  stepIndex: number;
  followed?: boolean;
}) {
  const outcomes = useMemo(() => checkExpectations(expect, response), [expect, response]);
  const passed = outcomes.filter((o) => o.pass).length;
  const all = passed === outcomes.length;
  const id = `s${stepIndex + 1}-expect`;
  return (
    <section
      className={`expect-results ${all ? 'expect-pass' : 'expect-fail'}`}
      aria-labelledby={`${id}-title`}
      data-testid={`step-${stepIndex + 1}-expect`}
    >
      <h3 id={`${id}-title`} className="expect-title">
        Expected{' '}
        <span className="expect-count" data-testid="expect-summary">
          {all ? `✓ all ${outcomes.length} met` : `✗ ${outcomes.length - passed} of ${outcomes.length} not met`}
        </span>
        {followed && <span className="expect-note"> (checked against the entry as processing went on)</span>}
      </h3>
      <ul className="expect-list">
        {outcomes.map((o, k) => (
          <li
            key={k}
            className={o.pass ? 'expect-item-pass' : 'expect-item-fail'}
            data-testid="expect-item"
            data-pass={o.pass ? 'true' : 'false'}
          >
            <span className="expect-mark" aria-hidden="true">
              {o.pass ? '✓' : '✗'}
            </span>
            <span className="visually-hidden">{o.pass ? 'Met: ' : 'Not met: '}</span>
            <code>{o.message}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
