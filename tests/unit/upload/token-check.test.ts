/** The token check before a chunked upload (lib/upload/token-check.ts), without sending anything. */
import { describe, expect, it } from 'vitest';
import { checkToken } from '@/lib/upload/token-check';
import type { Fingerprint, UploadTokenJson } from '@/lib/upload/types';

const fp: Fingerprint = { name: 'movie.mp4', size: 10_000, lastModified: 1, edgesSha256: 'aa' };

function run(token: Partial<UploadTokenJson>, stored?: Fingerprint, file: Fingerprint = fp) {
  const notices: string[] = [];
  const check = () => checkToken({ token: { id: '0_t', ...token }, file, stored, notice: (level, m) => notices.push(`${level}: ${m}`) });
  return { check, notices };
}

describe('checkToken', () => {
  it('an empty token: go on, nothing said', () => {
    const { check, notices } = run({ status: 0 });
    expect(check()).toBe(false);
    expect(notices).toEqual([]);
  });

  it.each([3, 4, 5])('a token in status %i no longer accepts data: a Kaltura-kind error naming the status', (status) => {
    const { check } = run({ status });
    expect(check).toThrowError(
      expect.objectContaining({
        kind: 'kaltura',
        kaltura: expect.objectContaining({ code: 'UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD' }),
        message: expect.stringMatching(/is (CLOSED|TIMED_OUT|DELETED).*Create a new upload token/),
      }),
    );
  });

  it('part of the same file (as this browser recorded it): go on', () => {
    expect(run({ status: 1, uploadedFileSize: 4096 }, fp).check()).toBe(false);
  });

  it('part of another file: refused, saying how it differs and what to do', () => {
    const { check } = run({ status: 1, uploadedFileSize: 4096 }, { ...fp, edgesSha256: 'bb', lastModified: 2 });
    expect(check).toThrowError(
      expect.objectContaining({
        kind: 'mismatch',
        message: expect.stringMatching(
          /already holds 4\.0 KB of another file \("movie\.mp4", 9\.8 KB\).*it was modified since, its first or last bytes differ.*Pick the same file/,
        ),
      }),
    );
  });

  it('no record in this browser: name and size decide, with a warning', () => {
    const ok = run({ status: 1, uploadedFileSize: 4096, fileName: 'movie.mp4', fileSize: 10_000 });
    expect(ok.check()).toBe(false);
    expect(ok.notices).toEqual([expect.stringMatching(/^warning: This browser has no record/)]);
    expect(run({ status: 1, uploadedFileSize: 4096, fileName: 'other.mp4' }).check).toThrowError(/named "other\.mp4"/);
    expect(run({ status: 1, uploadedFileSize: 20_000 }).check).toThrowError(/smaller than what the token holds/);
    expect(run({ status: 1, uploadedFileSize: 1, fileSize: 5 }).check).toThrowError(/the token expects 5 B/);
  });

  it('the whole file is there already: nothing to send; a complete file of another size is refused', () => {
    const done = run({ status: 2, uploadedFileSize: 10_000 }, fp);
    expect(done.check()).toBe(true);
    expect(done.notices).toEqual(['info: This file is already uploaded to this token: nothing to send.']);
    const other = run({ status: 2, uploadedFileSize: 9_000 });
    expect(other.check).toThrowError(/complete file of another size/);
    expect(other.notices[0]).toMatch(/^warning/); // said before the refusal, as the upload said it
  });
});
