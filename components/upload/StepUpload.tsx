'use client';
/**
 * What the upload step (uploadToken.upload with a file) adds to the step runner: the "Advanced"
 * settings, the resume-after-reload message, and the progress panel of the running upload.
 * Mounting it installs the uploader as the runner's step executor (lib/upload/step.ts), so the
 * step's Run goes through the chunked uploader with the same RequestModel.
 */
import { useEffect, useRef, useState } from 'react';
import { setStepExecutor } from '@/lib/runner/execute-step';
import { defaultFingerprintStore } from '@/lib/upload/fingerprint';
import { formatBytes } from '@/lib/upload/progress';
import { createUploadExecutor, registerUploadStep, type UploadChoice } from '@/lib/upload/step';
import type { Fingerprint } from '@/lib/upload/types';
import type { Upload } from '@/lib/upload/uploader';
import { UploadPanel } from './UploadPanel';
import { UploadSettings } from './UploadSettings';
import styles from './upload.module.css';

let installed = false;
function installExecutor() {
  if (installed) return;
  installed = true;
  setStepExecutor(createUploadExecutor());
}

export interface StepUploadProps {
  stepIndex: number;
  /** The upload token id the form sends now (to find an unfinished upload of it after a reload). */
  tokenId?: string;
  /** Size of the picked file, if any. */
  fileSize?: number;
  /** False when the form's resume/finalChunk/resumeAt are not the single-request values. */
  formAllowsChunks?: boolean;
  /** Runs the step again (offered after a failed or cancelled upload). */
  onRetry?: () => void;
}

export function StepUpload({ stepIndex, tokenId, fileSize, formAllowsChunks = true, onRetry }: StepUploadProps) {
  const [choice, setChoice] = useState<UploadChoice>({ mode: 'auto' });
  const [upload, setUpload] = useState<Upload>();
  const [unfinished, setUnfinished] = useState<Fingerprint>();
  const [, setUploadState] = useState<string>();
  const choiceRef = useRef(choice);
  choiceRef.current = choice;

  // Re-render on the upload's state changes (the settings are locked while it runs).
  useEffect(() => upload?.on((e) => e.type === 'state' && setUploadState(e.state)), [upload]);

  useEffect(() => {
    installExecutor();
    return registerUploadStep(stepIndex, { choice: () => choiceRef.current, onUpload: setUpload });
  }, [stepIndex]);

  useEffect(() => {
    // An upload to this token that did not finish (e.g. before a reload) left its file's fingerprint.
    setUnfinished(tokenId && !upload ? defaultFingerprintStore().get(tokenId) : undefined);
  }, [tokenId, upload]);

  const running = upload && (upload.state === 'running' || upload.state === 'paused' || upload.state === 'offline' || upload.state === 'preparing');
  return (
    <div className="step-upload">
      {unfinished && (
        <p className={styles.resumeNote} role="note" data-testid="upload-resume-note">
          An earlier upload of “{unfinished.name}” ({formatBytes(unfinished.size)}) to this upload token did not finish. Pick the same file and run
          the step: it continues where the server stopped, without sending again what it already holds. A different file is refused; to upload
          one, create a new upload token first.
        </p>
      )}
      <UploadSettings value={choice} onChange={setChoice} fileSize={fileSize} formAllowsChunks={formAllowsChunks} disabled={!!running} />
      {upload && <UploadPanel upload={upload} onRetry={onRetry} />}
    </div>
  );
}

export default StepUpload;
