/** The built-in Kaltura sandbox at /api_v3/... : a thin adapter to lib/sandbox. */
import { handleSandboxRequest } from '@/lib/sandbox';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handleSandboxRequest;
export const POST = handleSandboxRequest;
export const OPTIONS = handleSandboxRequest;
export const HEAD = handleSandboxRequest;
