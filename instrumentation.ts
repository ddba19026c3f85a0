/**
 * Next.js calls register() once when the server starts: the sandbox opens its storage then (creating
 * its partner on first start) and prints how to connect, instead of waiting for the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    const { getSandbox } = await import('./lib/sandbox');
    const port = process.env.PORT || '3000';
    (await getSandbox()).core.announce(process.env.CONSOLE_PUBLIC_URL || `http://localhost:${port}`);
  } catch (e) {
    console.error('[sandbox] could not start:', (e as Error)?.message ?? e);
  }
}
