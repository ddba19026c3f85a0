import type { KObject } from '../coerce';

/** Kaltura pager: pageSize (default 30, at most 500), pageIndex from 1. */
export function pageOf(pager: KObject | null | undefined): { limit: number; offset: number } {
  let size = typeof pager?.pageSize === 'number' && pager.pageSize > 0 ? Math.floor(pager.pageSize) : 30;
  size = Math.min(size, 500);
  const index = typeof pager?.pageIndex === 'number' && pager.pageIndex > 0 ? Math.floor(pager.pageIndex) : 1;
  return { limit: size, offset: Math.min((index - 1) * size, 1e9) };
}
