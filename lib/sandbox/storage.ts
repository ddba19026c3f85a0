/**
 * Opens the storage the settings name (SANDBOX_STORAGE): SQLite + files in the data folder (the
 * default), or PostgreSQL (SANDBOX_DATABASE_URL), loaded only when asked for.
 */
import type { SandboxSettings } from './config';
import type { SandboxStore } from './store';
import { SqliteStore } from './store-sqlite';

export async function openStore(settings: SandboxSettings): Promise<SandboxStore> {
  if (settings.storage === 'postgres') {
    const { PgStore } = await import('./store-postgres');
    return PgStore.open(settings.databaseUrl!, settings.dataDir);
  }
  return new SqliteStore(settings.dataDir);
}
