'use client';
/**
 * The "Advanced" part of the upload step: how the file is sent (automatic, in chunks, one request),
 * chunk size and parallel streams, each showing what the automatic choice is for the picked file.
 */
import { useId } from 'react';
import { autoSettings, KiB, MiB, sendMode } from '@/lib/upload/plan';
import { formatBytes } from '@/lib/format/bytes';
import type { UploadChoice, UploadMode } from '@/lib/upload/types';
import styles from './upload.module.css';

export type { UploadChoice };

const CHUNK_SIZES = [64 * KiB, 256 * KiB, 1 * MiB, 2 * MiB, 4 * MiB, 8 * MiB, 16 * MiB, 32 * MiB, 64 * MiB];
const PARALLEL = [1, 2, 3, 4, 6, 8];

export interface UploadSettingsProps {
  value: UploadChoice;
  onChange: (v: UploadChoice) => void;
  /** Size of the picked file, if any (to show the automatic choice). */
  fileSize?: number | undefined;
  /** False when the form's resume/finalChunk/resumeAt are not the single-request values: then one request with them is sent. */
  formAllowsChunks: boolean;
  disabled?: boolean;
}

export function UploadSettings({ value, onChange, fileSize, formAllowsChunks, disabled }: UploadSettingsProps) {
  const id = useId();
  const auto = fileSize !== undefined ? autoSettings(fileSize, { chunkSize: value.chunkSize }) : undefined;
  const chunked = fileSize !== undefined && sendMode(!formAllowsChunks, fileSize, value.mode, value.chunkSize) === 'chunked';
  let summary: string;
  if (!formAllowsChunks) summary = 'One request with the form’s resume, finalChunk and resumeAt values.';
  else if (fileSize === undefined) summary = 'Files larger than the chunk size are sent in chunks, in parallel.';
  else if (chunked && auto)
    summary = `In ${Math.ceil(fileSize / auto.chunkSize)} chunks of ${formatBytes(auto.chunkSize)}, ${value.parallel ?? auto.parallel} at a time.`;
  else summary = 'In one request.';
  return (
    <details className={styles.advanced}>
      <summary>Advanced: how the file is sent</summary>
      <p className={styles.hint} id={`${id}-summary`}>
        {summary}
      </p>
      <div className={styles.fields}>
        <div>
          <label htmlFor={`${id}-mode`}>Mode</label>
          <select
            id={`${id}-mode`}
            value={value.mode}
            disabled={disabled || !formAllowsChunks}
            onChange={(e) => onChange({ ...value, mode: e.target.value as UploadMode })}
          >
            <option value="auto">Automatic (chunks above the chunk size)</option>
            <option value="chunked">In chunks</option>
            <option value="single">One request</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-chunk`}>Chunk size</label>
          <select
            id={`${id}-chunk`}
            value={value.chunkSize ?? ''}
            disabled={disabled || !formAllowsChunks}
            onChange={(e) => onChange({ ...value, chunkSize: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">Automatic{auto && value.chunkSize === undefined ? ` (${formatBytes(auto.chunkSize)})` : ''}</option>
            {CHUNK_SIZES.map((s) => (
              <option key={s} value={s}>
                {formatBytes(s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-parallel`}>Parallel streams</label>
          <select
            id={`${id}-parallel`}
            value={value.parallel ?? ''}
            disabled={disabled || !formAllowsChunks}
            onChange={(e) => onChange({ ...value, parallel: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">Automatic{auto && value.parallel === undefined ? ` (${auto.parallel})` : ''}</option>
            {PARALLEL.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
    </details>
  );
}

export default UploadSettings;
