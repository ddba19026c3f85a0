'use client';
/**
 * The chosen sample language, remembered in localStorage and shared live by every code sample on
 * the page (choosing Python in one step switches every step, and the next visit starts there).
 */
import { useCallback, useSyncExternalStore } from 'react';

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

export function useStoredLanguage(): [string | null, (lang: string) => void] {
  const value = useSyncExternalStore(subscribe, read, () => null);
  const set = useCallback((lang: string) => {
    memory = lang;
    try {
      window.localStorage.setItem(LANGUAGE_KEY, lang);
    } catch {
      /* storage unavailable: the choice lasts for this page only */
    }
    for (const l of listeners) l();
  }, []);
  return [value, set];
}
