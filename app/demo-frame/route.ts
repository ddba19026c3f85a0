/**
 * The document of a recipe's Demo iframe (components/runner/DemoFrame.tsx): an empty page that
 * waits for its parent to post the demo's HTML, then writes it. Its policy is its own (the console's
 * pages allow only the console's scripts; a demo is the recipe author's HTML and may run its own):
 * anything may load, but `sandbox allow-scripts` in the policy keeps the document in an opaque
 * origin even when the URL is opened on its own, and only the console may frame it. Nothing secret
 * ever reaches it (see lib/runner/secrets.ts).
 */
export const dynamic = 'force-static';

const DEMO_FRAME_CSP = ["default-src * data: blob: 'unsafe-inline' 'unsafe-eval'", "frame-ancestors 'self'", 'sandbox allow-scripts'].join(
  '; ',
);

const SHELL = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Demo</title></head><body><script>
(function () {
  var written = false;
  addEventListener('message', function (e) {
    if (written || e.source !== parent || !e.data || e.data.type !== 'recipe-console:demo' || typeof e.data.html !== 'string') return;
    written = true;
    document.open();
    document.write(e.data.html);
    document.close();
  });
  parent.postMessage({ type: 'recipe-console:demo-ready' }, '*');
})();
</script></body></html>
`;

export function GET(): Response {
  return new Response(SHELL, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': DEMO_FRAME_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
  });
}
