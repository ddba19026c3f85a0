'use client';
/**
 * Progress of one chunked upload (lib/upload Upload): a progress bar screen readers read as a
 * progressbar with values, bytes / percent / speed / time left / chunks, Pause / Resume / Cancel,
 * and the uploader's notices (resumed from, connection dropped, ...).
 */
import { useEffect, useState } from 'react';
import type { Upload } from '@/lib/upload/uploader';
import type { UploadProgress } from '@/lib/upload/types';
import { formatBytes } from '@/lib/format/bytes';
import { formatDuration } from '@/lib/upload/progress';
import styles from './upload.module.css';

const STATE_LABEL: Record<UploadProgress['state'], string> = {
  idle: 'Ready',
  preparing: 'Checking the file…',
  running: 'Uploading',
  paused: 'Paused',
  offline: 'Connection lost: waiting for the server',
  done: 'Upload complete',
  failed: 'Upload failed',
  cancelled: 'Upload cancelled',
};

export function progressText(p: UploadProgress): string {
  const pct = Math.floor(p.percent);
  const left = p.state === 'running' && p.etaSeconds !== undefined ? `, ${formatDuration(p.etaSeconds)} left` : '';
  return `${formatBytes(p.doneBytes)} of ${formatBytes(p.totalBytes)} (${pct}%)${left}`;
}

export interface UploadPanelProps {
  upload: Upload;
  /** Shown when the upload failed or was cancelled (e.g. "Try again" picks up where the server stopped). */
  onRetry?: (() => void) | undefined;
}

export function UploadPanel({ upload, onRetry }: UploadPanelProps) {
  const [p, setP] = useState<UploadProgress>(() => upload.progress());
  const [notices, setNotices] = useState<Array<{ level: 'info' | 'warning'; message: string }>>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    setP(upload.progress());
    setNotices([]);
    setError(undefined);
    let frame = 0;
    const off = upload.on((e) => {
      if (e.type === 'notice') setNotices((n) => [...n.slice(-3), { level: e.level, message: e.message }]);
      else if (e.type === 'state' || e.type === 'progress') {
        // at most one render per frame
        if (!frame)
          frame = requestAnimationFrame(() => {
            frame = 0;
            setP(upload.progress());
          });
      }
    });
    upload.start().catch((e: Error) => setError(e.message));
    const tick = setInterval(() => setP(upload.progress()), 1000); // speed and time left decay while nothing arrives
    return () => {
      off();
      clearInterval(tick);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [upload]);

  const active = p.state === 'running' || p.state === 'offline' || p.state === 'preparing';
  const finished = p.state === 'done' || p.state === 'failed' || p.state === 'cancelled';
  const text = progressText(p);
  return (
    <div className={styles.panel} data-upload-state={p.state}>
      <div className={styles.head}>
        <span className={styles.state} role="status">
          {STATE_LABEL[p.state]}
        </span>
        <span className={styles.mode}>
          {p.mode === 'chunked'
            ? `${formatBytes(p.chunkSize)} chunks, ${p.parallel} at a time`
            : p.mode === 'single'
              ? 'one request'
              : 'one request with the form values'}
        </span>
      </div>
      <div
        className={styles.bar}
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.floor(p.percent)}
        aria-valuetext={text}
      >
        <div className={`${styles.fill} ${p.state === 'failed' ? styles.fillError : ''}`} style={{ width: `${p.percent}%` }} />
      </div>
      <dl className={styles.stats}>
        <div>
          <dt>Sent</dt>
          <dd data-testid="upload-bytes">
            {formatBytes(p.doneBytes)} of {formatBytes(p.totalBytes)} ({Math.floor(p.percent)}%)
          </dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd>{p.speed > 0 ? `${formatBytes(p.speed)}/s` : '–'}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{p.state === 'done' ? '0 s' : active ? formatDuration(p.etaSeconds) : '–'}</dd>
        </div>
        <div>
          <dt>Chunks</dt>
          <dd data-testid="upload-chunks">
            {p.chunks.done}/{p.chunks.total} done, {p.chunks.failed} failed, {p.chunks.retried} retried
          </dd>
        </div>
        {p.skippedBytes > 0 && (
          <div>
            <dt>Already on the server</dt>
            <dd>{formatBytes(p.skippedBytes)} (not sent again)</dd>
          </div>
        )}
      </dl>
      {!finished && (
        <div className={styles.buttons}>
          {p.state === 'paused' ? (
            <button type="button" onClick={() => upload.resume()}>
              Resume
            </button>
          ) : (
            <button type="button" onClick={() => upload.pause()} disabled={!active}>
              Pause
            </button>
          )}
          <button type="button" onClick={() => upload.cancel()}>
            Cancel
          </button>
        </div>
      )}
      {notices.length > 0 && (
        <ul className={styles.notices}>
          {notices.map((n, i) => (
            <li key={i} className={n.level === 'warning' ? styles.warning : undefined}>
              {n.message}
            </li>
          ))}
        </ul>
      )}
      {error && (
        // Not an alert: the step's response already announces the error.
        <p className={styles.error} data-testid="upload-error">
          {error}
          {onRetry && (
            <>
              {' '}
              <button type="button" onClick={onRetry}>
                Try again
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}

export default UploadPanel;
