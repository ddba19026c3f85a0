'use client';
/**
 * What the upload step (uploadToken.upload with a file) adds to the step runner: the "Advanced"
 * settings, the resume-after-reload message, and the progress panel of the running upload. The
 * step runner holds the choice and the running Upload, and gives them to each run of the step
 * (StepExecution.upload), which the runner context's executor sends through the chunked uploader.
 */
import { useEffect, useState } from 'react';
import type { RequestModel } from '@/lib/request/types';
import { defaultFingerprintStore } from '@/lib/upload/fingerprint';
import { isHandMadeChunk } from '@/lib/upload/model';
import { formatBytes } from '@/lib/format/bytes';
import type { Fingerprint, UploadChoice } from '@/lib/upload/types';
import type { Upload } from '@/lib/upload/uploader';
import { UploadPanel } from './UploadPanel';
import { UploadSettings } from './UploadSettings';
import styles from './upload.module.css';

export interface StepUploadProps {
  /** The user's choice of how the file is sent, and its change. */
  choice: UploadChoice;
  onChoice: (c: UploadChoice) => void;
  /** The step's running (or last) upload. */
  upload?: Upload | undefined;
  /** The upload token id the form sends now (to find an unfinished upload of it after a reload). */
  tokenId?: string | undefined;
  /** Size of the picked file, if any. */
  fileSize?: number | undefined;
  /** The step's request model (its resume/finalChunk/resumeAt decide whether the uploader may chunk). */
  model: RequestModel;
  /** Runs the step again (offered after a failed or cancelled upload). */
  onRetry?: (() => void) | undefined;
}

export function StepUpload({ choice, onChoice, upload, model, tokenId, fileSize, onRetry }: StepUploadProps) {
  const formAllowsChunks = !isHandMadeChunk(model);
  const [unfinished, setUnfinished] = useState<Fingerprint>();
  const [, setUploadState] = useState<string>();

  // Re-render on the upload's state changes (the settings are locked while it runs).
  useEffect(() => upload?.on((e) => e.type === 'state' && setUploadState(e.state)), [upload]);

  useEffect(() => {
    // An upload to this token that did not finish (e.g. before a reload) left its file's fingerprint.
    setUnfinished(tokenId && !upload ? defaultFingerprintStore().get(tokenId) : undefined);
  }, [tokenId, upload]);

  const running =
    upload && (upload.state === 'running' || upload.state === 'paused' || upload.state === 'offline' || upload.state === 'preparing');
  return (
    <div className="step-upload">
      {unfinished && (
        <p className={styles.resumeNote} role="note" data-testid="upload-resume-note">
          An earlier upload of “{unfinished.name}” ({formatBytes(unfinished.size)}) to this upload token did not finish. Pick the same file
          and run the step: it continues where the server stopped, without sending again what it already holds. A different file is refused;
          to upload one, create a new upload token first.
        </p>
      )}
      <UploadSettings value={choice} onChange={onChoice} fileSize={fileSize} formAllowsChunks={formAllowsChunks} disabled={!!running} />
      {upload && <UploadPanel upload={upload} onRetry={onRetry} />}
    </div>
  );
}

export default StepUpload;
