'use client';
/**
 * The chosen sample language, remembered in localStorage and shared live by every code sample on
 * the page (choosing Python in one step switches every step, and the next visit starts there).
 * A cookie mirrors it so the server renders the chosen language's samples (lib/samples/initial.ts);
 * until hydration is done the server's choice is used, so the first render matches the HTML.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { LANGUAGE_COOKIE } from '@/lib/samples/initial';

export const LANGUAGE_KEY = 'recipe-console:code-language';
const listeners = new Set<() => void>();
/** The choice of this page when localStorage is unavailable. */
let memory: string | null = null;

function read(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY) ?? memory;
  } catch {
    return memory;
  }
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  const onStorage = (e: StorageEvent) => {
    if (e.key === LANGUAGE_KEY) cb();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('storage', onStorage);
  };
}

/** `serverChoice`: the language the server rendered with (its cookie), used while hydrating. */
export function useStoredLanguage(serverChoice: string | null = null): [string | null, (lang: string) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read() ?? serverChoice,
    () => serverChoice,
  );
  const set = useCallback((lang: string) => {
    memory = lang;
    try {
      window.localStorage.setItem(LANGUAGE_KEY, lang);
    } catch {
      /* storage unavailable: the choice lasts for this page only */
    }
    try {
      document.cookie = `${LANGUAGE_COOKIE}=${encodeURIComponent(lang)}; path=/; max-age=31536000; samesite=lax`;
    } catch {
      /* cookies disabled: the server renders the default language, the browser switches */
    }
    for (const l of listeners) l();
  }, []);
  return [value, set];
}
