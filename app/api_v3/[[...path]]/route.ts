/**
 * The built-in Kaltura sandbox at /api_v3/... : a thin adapter to lib/sandbox. Every method is
 * answered by the sandbox (PUT, DELETE and PATCH as API calls, like POST), so that no request gets
 * Next's plain-text 405 instead of a Kaltura answer.
 */
import { handleSandboxRequest } from '@/lib/sandbox';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handleSandboxRequest;
export const POST = handleSandboxRequest;
export const PUT = handleSandboxRequest;
export const DELETE = handleSandboxRequest;
export const PATCH = handleSandboxRequest;
export const OPTIONS = handleSandboxRequest;
export const HEAD = handleSandboxRequest;
