/**
 * Watching the recipes folder, for the authoring loop: an open recipe page reloads itself when its
 * file changes (app/api/recipes/events), and `recipes:lint --watch` lints again on save.
 *
 * One `fs.watch` per folder, shared by every subscriber; changes to one file within 60 ms are one
 * event. Where fs.watch is unavailable (some network file systems, inotify limits) it falls back
 * to comparing modification times every 500 ms.
 */
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { slugOfFileName } from '@/lib/recipe/slug';

export type RecipeChangeKind = 'add' | 'change' | 'delete';
export interface RecipeChange {
  slug: string;
  kind: RecipeChangeKind;
  file: string;
}
type Listener = (c: RecipeChange) => void;

interface Watch {
  listeners: Set<Listener>;
  stop: () => void;
}

const watches = new Map<string, Watch>();
const DEBOUNCE_MS = 60;

function mtimes(dir: string): Map<string, number> {
  const m = new Map<string, number>();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return m;
  }
  for (const n of names) {
    if (!n.endsWith('.md')) continue;
    try {
      m.set(n, statSync(join(dir, n)).mtimeMs);
    } catch {
      /* gone meanwhile */
    }
  }
  return m;
}

function start(dir: string, w: Watch): () => void {
  let known = mtimes(dir);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const emit = (name: string) => {
    const slug = slugOfFileName(name);
    if (!slug) return;
    clearTimeout(timers.get(name));
    timers.set(
      name,
      setTimeout(() => {
        timers.delete(name);
        const file = join(dir, name);
        const before = known.get(name);
        let after: number | undefined;
        try {
          after = statSync(file).mtimeMs;
        } catch {
          after = undefined;
        }
        if (after === undefined) known.delete(name);
        else known.set(name, after);
        const kind: RecipeChangeKind = after === undefined ? 'delete' : before === undefined ? 'add' : 'change';
        if (kind !== 'delete' && before === after) return; // touched without a change
        for (const l of w.listeners) l({ slug, kind, file });
      }, DEBOUNCE_MS),
    );
  };
  let watcher: FSWatcher | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (name) emit(String(name));
      else for (const n of new Set([...known.keys(), ...mtimes(dir).keys()])) emit(n);
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
      startPolling();
    });
  } catch {
    startPolling();
  }
  function startPolling() {
    if (poll) return;
    poll = setInterval(() => {
      const now = mtimes(dir);
      for (const [n, t] of now) if (known.get(n) !== t) emit(n);
      for (const n of known.keys()) if (!now.has(n)) emit(n);
    }, 500);
    poll.unref?.();
  }
  return () => {
    watcher?.close();
    if (poll) clearInterval(poll);
    for (const t of timers.values()) clearTimeout(t);
    known = new Map();
  };
}

/** Calls `listener` for every change of a `*.md` file in `dir`; returns the unsubscribe function. */
export function watchRecipes(dir: string, listener: Listener): () => void {
  if (!existsSync(dir)) return () => {};
  let w = watches.get(dir);
  if (!w) {
    const created: Watch = { listeners: new Set(), stop: () => {} };
    created.stop = start(dir, created);
    watches.set(dir, created);
    w = created;
  }
  w.listeners.add(listener);
  return () => {
    const cur = watches.get(dir);
    if (!cur) return;
    cur.listeners.delete(listener);
    if (cur.listeners.size === 0) {
      cur.stop();
      watches.delete(dir);
    }
  };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|\[::1\])$/i;

/**
 * Whether open pages reload themselves when their recipe file changes: RECIPES_LIVE_RELOAD=1|0
 * decides; otherwise on in development and when the console serves only this machine (HOST unset
 * or a loopback address), off when it serves others (HOST=0.0.0.0) or runs in public mode.
 */
export function liveReloadEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const set = env.RECIPES_LIVE_RELOAD;
  if (set === '1' || set === 'true') return true;
  if (set === '0' || set === 'false') return false;
  if (/^(1|true|yes|on)$/i.test((env.CONSOLE_PUBLIC ?? '').trim())) return false; // the same rule as the sandbox's public mode (lib/sandbox/config.ts)
  if (env.NODE_ENV === 'development') return true;
  return !env.HOST || LOOPBACK.test(env.HOST.trim());
}
