/**
 * The API description a CLI uses: `--api PATH_OR_URL` (repeatable) wins over RECIPES_API; with
 * neither, the built-in one (lib/server/api.ts). A description that cannot be loaded stops the CLI
 * with a message naming it (exit 2).
 */
import type { ApiDescription } from '../../lib/description';
import { loadApi, parseApiSources } from '../../lib/server/api';

export const API_USAGE = '  --api           the API description (repeatable; default: RECIPES_API, else the built-in one)';

export async function cliApi(flags: string[] | undefined): Promise<ApiDescription> {
  try {
    return (await loadApi(flags?.length ? flags : parseApiSources(process.env.RECIPES_API))).api;
  } catch (e) {
    console.error(`error: ${(e as Error)?.message ?? e}`);
    process.exit(2);
  }
}
