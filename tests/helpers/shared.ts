/**
 * The shared reference material beside the project (`../shared`, or SHARED_DIR): Kaltura's
 * published API description, the official client libraries. It is not part of the project, so
 * tests that need it skip when it is absent, and say so loudly. When the run must have it
 * (REQUIRE_SHARED=1, which .ci/run sets when ../shared is present), a missing file fails the run
 * instead: a skip there would hide that the tests looked in the wrong place.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_DIR = resolve(process.env.SHARED_DIR || join(import.meta.dirname, '../../../shared'));

/** The absolute path of `rel` inside the shared folder, and whether it is there. */
export function sharedFile(rel: string, what: string): { path: string; present: boolean } {
  const path = join(SHARED_DIR, rel);
  const present = existsSync(path);
  if (!present) {
    if (process.env.REQUIRE_SHARED === '1') {
      throw new Error(`REQUIRE_SHARED=1 but ${path} is missing: ${what} cannot run. Set SHARED_DIR to the shared folder.`);
    }
    console.warn(`\n*** SKIPPED: ${what}: ${path} is absent (it is not shipped with the project; set SHARED_DIR). ***\n`);
  }
  return { path, present };
}

export const REFERENCE_REL = 'reference/kaltura.19_4_0.openapi.json';
