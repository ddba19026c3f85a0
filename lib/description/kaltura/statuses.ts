/**
 * The statuses of the Kaltura objects the console follows, defined once: upload tokens
 * (KalturaUploadTokenStatus) and entries (KalturaEntryStatus). The description's enums (enums.ts)
 * are written from these, and the uploader, the runner's entry poll, the CLI reports and the
 * sandbox read them here.
 */

export const UPLOAD_TOKEN_STATUS = { PENDING: 0, PARTIAL_UPLOAD: 1, FULL_UPLOAD: 2, CLOSED: 3, TIMED_OUT: 4, DELETED: 5 } as const;
export type UploadTokenStatusName = keyof typeof UPLOAD_TOKEN_STATUS;

/**
 * KalturaEntryStatus members with a number (the API sends them as text, `"2"`; the sandbox stores
 * numbers). The plugin members (`virusScan.Infected`) are in enums.ts only.
 */
export const ENTRY_STATUS = {
  ERROR_IMPORTING: -2,
  ERROR_CONVERTING: -1,
  IMPORT: 0,
  PRECONVERT: 1,
  READY: 2,
  DELETED: 3,
  PENDING: 4,
  MODERATE: 5,
  BLOCKED: 6,
  NO_CONTENT: 7,
} as const;
export type EntryStatusName = keyof typeof ENTRY_STATUS;

/** Entry statuses that change by themselves (the entry is being processed). */
export const ENTRY_PROCESSING: readonly EntryStatusName[] = ['IMPORT', 'PRECONVERT', 'PENDING'];
/** Entry statuses that end processing without a playable entry. */
export const ENTRY_FAILED: readonly EntryStatusName[] = ['ERROR_CONVERTING', 'ERROR_IMPORTING', 'DELETED'];

function nameOf<T extends Record<string, number>>(table: T, status: unknown): keyof T | undefined {
  if (status === undefined || status === null || status === '') return undefined;
  const n = Number(status);
  return (Object.keys(table) as Array<keyof T>).find((k) => table[k] === n);
}

/** `FULL_UPLOAD` for 2; undefined for a value that is not a token status. */
export function uploadTokenStatusName(status: unknown): UploadTokenStatusName | undefined {
  return nameOf(UPLOAD_TOKEN_STATUS, status);
}

/** `READY` for 2 or "2"; undefined for a value that is not a numbered entry status. */
export function entryStatusName(status: unknown): EntryStatusName | undefined {
  return nameOf(ENTRY_STATUS, status);
}
