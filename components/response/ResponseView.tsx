'use client';
/**
 * A call's response: HTTP status, time, size, then the JSON as a collapsible tree or the raw
 * text; a Kaltura error is shown as an error (code, message, args), a network error says what to do.
 */
import { useState } from 'react';
import type { ExecuteResult } from '@/lib/request/execute';
import { formatBytes } from '@/lib/format/bytes';
import { JsonTree } from './JsonTree';

export interface ResponseViewProps {
  result: ExecuteResult;
  stepIndex: number;
  /** Shown under a session error: e.g. a "Log in again" button. */
  sessionAction?: React.ReactNode;
}

export function ResponseView({ result, stepIndex, sessionAction }: ResponseViewProps) {
  const [view, setView] = useState<'tree' | 'raw'>('tree');
  const e = result.error;
  const hasBody = result.raw !== '' || result.json !== undefined;
  const id = `s${stepIndex + 1}-response`;
  return (
    <section
      className={`response ${result.ok ? 'response-ok' : 'response-error'}`}
      aria-labelledby={`${id}-title`}
      data-testid={`step-${stepIndex + 1}-response`}
    >
      <header className="response-head">
        <h3 id={`${id}-title`} className="response-title">
          Response
        </h3>
        <span className="response-meta">
          {result.status !== undefined && (
            <span className={`http-status http-${Math.floor(result.status / 100)}xx`} data-testid="http-status">
              HTTP {result.status}
            </span>
          )}
          <span className="response-time" data-testid="response-time">
            {Math.round(result.timeMs)} ms
          </span>
          {hasBody && <span className="response-size">{formatBytes(result.raw.length)}</span>}
        </span>
        {hasBody && result.json !== undefined && (
          <span className="response-tabs" role="group" aria-label="Response view">
            <button type="button" aria-pressed={view === 'tree'} onClick={() => setView('tree')}>
              Tree
            </button>
            <button type="button" aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
              Raw
            </button>
          </span>
        )}
      </header>
      {e && (
        <div className="call-error" role="alert" data-testid="call-error">
          {e.kind === 'kaltura' ? (
            <>
              <p className="call-error-title">
                <span className="error-code" data-testid="error-code">
                  {e.code}
                </span>
                {e.index !== undefined && <span> (request {e.index + 1} of the multirequest)</span>}
              </p>
              <p className="call-error-message">{e.message}</p>
              {Object.keys(e.args).length > 0 && (
                <dl className="call-error-args">
                  {Object.entries(e.args).map(([k, v]) => (
                    <div key={k}>
                      <dt>{k}</dt>
                      <dd>{v}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </>
          ) : (
            <p className="call-error-message">{e.message}</p>
          )}
          {sessionAction}
        </div>
      )}
      {hasBody && (
        <div className="response-body">
          {view === 'tree' && result.json !== undefined ? (
            <JsonTree value={result.json} openDepth={result.raw.length < 20_000 ? 4 : 1} />
          ) : (
            <pre className="response-raw">{result.raw}</pre>
          )}
        </div>
      )}
    </section>
  );
}
