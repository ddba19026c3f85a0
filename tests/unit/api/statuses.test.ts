/** Token and entry statuses, defined once (lib/description/kaltura/statuses.ts), and what reads them. */
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { ENTRY_STATUS, UPLOAD_TOKEN_STATUS, entryStatusName, uploadTokenStatusName } from '@/lib/description/kaltura/statuses';
import { hasFailed, isProcessing } from '@/lib/runner/entry-status';
import { TOKEN_CLOSED, TOKEN_FULL_UPLOAD } from '@/lib/sandbox/uploads';
import { ENTRY_PRECONVERT, ENTRY_READY } from '@/lib/sandbox/services/media';

describe('statuses', () => {
  const api = getKalturaDescription();

  it('the description’s enums are written from them', () => {
    expect(api.getEnum('KalturaUploadTokenStatus')?.values.map((v) => [v.name, v.value])).toEqual(Object.entries(UPLOAD_TOKEN_STATUS));
    const entry = api.getEnum('KalturaEntryStatus')!.values.filter((v) => !String(v.value).includes('.'));
    expect(entry.map((v) => [v.name, v.value])).toEqual(Object.entries(ENTRY_STATUS).map(([k, n]) => [k, String(n)]));
  });

  it('names a status given as a number or as the API’s text, and nothing else', () => {
    expect(uploadTokenStatusName(2)).toBe('FULL_UPLOAD');
    expect(uploadTokenStatusName(9)).toBeUndefined();
    expect(entryStatusName('2')).toBe('READY');
    expect(entryStatusName(-1)).toBe('ERROR_CONVERTING');
    expect(entryStatusName('virusScan.Infected')).toBeUndefined();
    expect(entryStatusName(undefined)).toBeUndefined();
    expect(entryStatusName('')).toBeUndefined();
  });

  it('an entry is processing while IMPORT, PRECONVERT or PENDING, and failed when ERROR_* or DELETED', () => {
    const e = (status: number | string) => ({ id: '0_x', objectType: 'KalturaMediaEntry', status });
    expect([0, '1', 4, 2, 7, -1].map((s) => isProcessing(e(s)))).toEqual([true, true, true, false, false, false]);
    expect([-1, '-2', 3, 2, '1'].map((s) => hasFailed(e(s)))).toEqual([true, true, true, false, false]);
    expect(isProcessing({ id: '0_x', objectType: 'KalturaMediaEntry' })).toBe(false);
  });

  it('the sandbox stores the same numbers', () => {
    expect([TOKEN_FULL_UPLOAD, TOKEN_CLOSED, ENTRY_PRECONVERT, ENTRY_READY]).toEqual([
      UPLOAD_TOKEN_STATUS.FULL_UPLOAD,
      UPLOAD_TOKEN_STATUS.CLOSED,
      ENTRY_STATUS.PRECONVERT,
      ENTRY_STATUS.READY,
    ]);
  });
});
