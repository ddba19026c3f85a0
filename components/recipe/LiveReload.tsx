'use client';
/**
 * Reloads the page's data when a recipe file changes on the server (server-sent events from
 * /api/recipes/events): on a recipe page for its own file, on the index for any. Rendered only when
 * the server has live reload on (authoring on this machine); a refresh keeps the page's state.
 */
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export function LiveReload({ slug }: { slug?: string }) {
  const router = useRouter();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/recipes/events');
    source.addEventListener('change', (e) => {
      try {
        const data = JSON.parse((e as MessageEvent<string>).data) as { slug?: string };
        if (slug === undefined || data.slug === slug) router.refresh();
      } catch {
        /* not ours */
      }
    });
    return () => source.close();
  }, [router, slug]);
  return null;
}
