/**
 * The token check before a chunked upload: what uploadToken.get says the token holds, against the
 * file picked. A token that no longer accepts data, or holds part of another file, is refused
 * with what to do; a token that already holds this whole file needs nothing sent.
 */
import { UPLOAD_TOKEN_STATUS, uploadTokenStatusName } from '@/lib/description/kaltura/statuses';
import { formatBytes } from '@/lib/format/bytes';
import { UploadError } from './errors';
import { fingerprintDifferences } from './fingerprint';
import type { Fingerprint, UploadTokenJson } from './types';

export interface TokenCheckInput {
  /** The token as uploadToken.get answered. */
  token: UploadTokenJson;
  /** The file picked now. */
  file: Fingerprint;
  /** The fingerprint this browser kept of the file that started the upload to this token, if any. */
  stored?: Fingerprint | undefined;
  /** The token id the upload sends (the token's own when absent). */
  tokenId?: string;
  /** Something the user should read (said before a refusal that follows it). */
  notice(level: 'info' | 'warning', message: string): void;
}

const DIFFERENCES = {
  name: 'its name differs',
  size: 'its size differs',
  lastModified: 'it was modified since',
  content: 'its first or last bytes differ',
} as const;

/**
 * Throws an UploadError when the file cannot be sent to this token; returns true when the token
 * already holds this whole file (nothing to send), false when the upload may go on.
 */
export function checkToken({ token, file: fp, stored, tokenId, notice }: TokenCheckInput): boolean {
  const held = token.uploadedFileSize ?? 0;
  const status = token.status ?? UPLOAD_TOKEN_STATUS.PENDING;
  const id = tokenId ?? token.id;
  const statusName = uploadTokenStatusName(status) ?? String(status);
  if (status === UPLOAD_TOKEN_STATUS.CLOSED || status === UPLOAD_TOKEN_STATUS.DELETED || status === UPLOAD_TOKEN_STATUS.TIMED_OUT) {
    throw new UploadError(
      `The upload token ${id} is ${statusName}: it no longer accepts data. Create a new upload token (step 1) and upload again.`,
      'kaltura',
      {
        code: 'UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD',
        message: `Upload token is ${statusName}`,
      },
    );
  }
  const refuse = (why: string): never => {
    const theirs = stored ? ` ("${stored.name}", ${formatBytes(stored.size)})` : token.fileName ? ` ("${token.fileName}")` : '';
    throw new UploadError(
      `This upload token already holds ${formatBytes(held)} of another file${theirs}, and the file you picked ("${fp.name}", ${formatBytes(fp.size)}) is not it: ${why}. Pick the same file to continue that upload, or create a new upload token (step 1) to upload this one.`,
      'mismatch',
    );
  };
  if (held > 0 || status === UPLOAD_TOKEN_STATUS.FULL_UPLOAD) {
    if (stored) {
      const diffs = fingerprintDifferences(stored, fp);
      if (diffs.length > 0) refuse(diffs.map((d) => DIFFERENCES[d]).join(', '));
    } else {
      if (token.fileName && fp.name && token.fileName !== fp.name) refuse(`the token's file is named "${token.fileName}"`);
      if (fp.size < held) refuse(`it is smaller than what the token holds`);
      if (typeof token.fileSize === 'number' && token.fileSize > 0 && token.fileSize !== fp.size)
        refuse(`the token expects ${formatBytes(token.fileSize)}`);
      notice(
        'warning',
        `This browser has no record of the file that started this upload; it continues because the name and size fit. If it is not the same file, create a new upload token instead.`,
      );
    }
  }
  if (status === UPLOAD_TOKEN_STATUS.FULL_UPLOAD) {
    if (held !== fp.size) refuse('the token holds a complete file of another size');
    notice('info', 'This file is already uploaded to this token: nothing to send.');
    return true;
  }
  return false;
}
