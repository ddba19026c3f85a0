/**
 * Which client plugin holds a class or an enum (ApiDescription.pluginOf). The PHP, PHP 5.3 and Python clients keep each
 * plugin's classes in a file or namespace of their own (`KalturaPlugins/KalturaMetadataClientPlugin.php`,
 * `Kaltura\Client\Plugin\Metadata\Type\...`, `KalturaClient.Plugins.Metadata`), so their samples
 * must name it. Kaltura's description tags operations with their plugin but not classes, so the
 * plugin of a class is what the description says (`x-kaltura-plugin` on its schema, which the
 * built-in description writes where inference would be wrong), else inferred, in this order:
 *
 * 1. its name starts with a plugin's name (`KalturaMetadataProfile` -> metadata,
 *    `KalturaCodeCuePoint` -> codeCuePoint; the longest plugin name wins). Plugin names are the
 *    operations' plugins and the prefixes of plugin enum values (`codeCuePoint.Code`);
 * 2. else the plugin of its base class;
 * 3. else the plugin of the plugin operations and plugin classes that use it (parameters, results,
 *    properties), when they all agree and no core operation or core class uses it;
 * 4. else the core (undefined).
 *
 * It is a fact about the API, answered by the description (and carried in a page's slice), so
 * every generator that needs it asks `api.pluginOf(name)`.
 */
import type { ApiDescription, ClassDef, TypeRef } from './types';

export interface PluginIndex {
  /** The plugin of a class or enum, undefined for the core. */
  of(name: string): string | undefined;
  /** Every plugin name known. */
  plugins: ReadonlySet<string>;
}

const cache = new WeakMap<object, PluginIndex>();

function pascal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function bare(name: string): string {
  return name.startsWith('Kaltura') ? name.slice(7) : name;
}

function refName(t: TypeRef | undefined): string | undefined {
  if (!t) return undefined;
  if (t.kind === 'object') return t.className;
  if (t.kind === 'enum') return t.name;
  if (t.kind === 'array' || t.kind === 'map') return /^[a-z]/.test(t.itemClass) ? undefined : t.itemClass;
  return undefined;
}

/** Infers the plugin of every class and enum of `api` (once per description). */
export function pluginIndex(api: Pick<ApiDescription, 'operations' | 'classes' | 'enums'>): PluginIndex {
  const hit = cache.get(api);
  if (hit) return hit;
  const plugins = new Set<string>();
  const ops = api.operations();
  for (const op of ops) if (op.plugin) plugins.add(op.plugin);
  const enums = api.enums?.() ?? [];
  for (const e of enums) {
    for (const v of e.values) {
      const m = typeof v.value === 'string' ? /^([a-z][A-Za-z0-9]*)\.[A-Za-z0-9_]+$/.exec(v.value) : null;
      // Server-only plugins (`...EventNotifications`, `...Metadata`) have no client classes.
      if (m?.[1] && !/(EventNotifications|Metadata)$/.test(m[1])) plugins.add(m[1]);
    }
  }
  const byPrefix = [...plugins].sort((a, b) => b.length - a.length);
  const prefixPlugin = (name: string): string | undefined => {
    const n = bare(name);
    return byPrefix.find((p) => n.startsWith(pascal(p)) && (n.length === p.length || /[A-Z0-9]/.test(n.charAt(p.length))));
  };

  const classes = api.classes?.() ?? [];
  const classByName = new Map<string, ClassDef>(classes.map((c) => [c.name, c]));
  const known = new Set<string>([...classByName.keys(), ...enums.map((e) => e.name)]);
  const resolved = new Map<string, string | undefined>();
  // What the description says outright comes first (null: the core).
  for (const d of [...classes, ...enums]) if (d.plugin !== undefined) resolved.set(d.name, d.plugin ?? undefined);

  // 0. A plugin service's name starts its classes' names (`eSearch` -> `KalturaESearchEntryParams`).
  const coreServices = new Set(ops.filter((o) => !o.plugin).map((o) => pascal(o.service)));
  const servicePrefixes = [
    ...new Map(ops.filter((o) => o.plugin && !coreServices.has(pascal(o.service))).map((o) => [pascal(o.service), o.plugin!])).entries(),
  ].sort((a, b) => b[0].length - a[0].length);
  for (const n of known) {
    const b = bare(n);
    const hitPrefix = servicePrefixes.find(([p]) => b.startsWith(p) && (b.length === p.length || /[A-Z0-9]/.test(b.charAt(p.length))));
    if (hitPrefix && !resolved.has(n)) resolved.set(n, hitPrefix[1]);
  }

  // 1. The core: what core operations take and return, with their properties and base classes
  //    (a core class can only use core classes; subclasses are not followed).
  const queue: string[] = [];
  const markCore = (n: string | undefined) => {
    if (n && known.has(n) && !resolved.has(n)) {
      resolved.set(n, undefined);
      queue.push(n);
    }
  };
  for (const op of ops) {
    if (op.plugin) continue;
    for (const p of op.params) markCore(refName(p.type));
    markCore(refName(op.result));
  }
  while (queue.length) {
    const c = classByName.get(queue.pop()!);
    if (!c) continue;
    markCore(c.base);
    for (const prop of c.properties) markCore(refName(prop.type));
  }

  // 3. The name's prefix; 4. the base class's plugin.
  const direct = (name: string, seen: Set<string>): string | undefined | null => {
    if (resolved.has(name)) return resolved.get(name) ?? null;
    const p = prefixPlugin(name);
    if (p) return p;
    const c = classByName.get(name);
    if (c?.base && !seen.has(c.base)) {
      seen.add(c.base);
      const b = direct(c.base, seen);
      if (b) return b;
    }
    return null;
  };
  for (const n of known) {
    if (resolved.has(n)) continue;
    const d = direct(n, new Set([n]));
    if (d) resolved.set(n, d);
  }

  // 5. Users: a class used only by one plugin's operations and classes belongs to that plugin.
  const users = new Map<string, Set<string>>();
  const use = (name: string | undefined, by: string) => {
    if (!name) return;
    let s = users.get(name);
    if (!s) users.set(name, (s = new Set()));
    s.add(by);
  };
  for (const op of ops) {
    for (const p of op.params) use(refName(p.type), op.plugin ?? '');
    use(refName(op.result), op.plugin ?? '');
  }
  for (let round = 0; round < 8; round++) {
    const propUsers = new Map<string, Set<string>>();
    for (const c of classes) {
      const owner = resolved.get(c.name) ?? '';
      for (const prop of c.properties) {
        const n = refName(prop.type);
        if (!n) continue;
        let s = propUsers.get(n);
        if (!s) propUsers.set(n, (s = new Set()));
        s.add(owner);
      }
    }
    let changed = false;
    for (const n of known) {
      if (resolved.has(n)) continue;
      const all = new Set([...(users.get(n) ?? []), ...(propUsers.get(n) ?? [])]);
      const only = all.size === 1 ? [...all][0] : '';
      const d = only || direct(n, new Set([n]));
      if (d) {
        resolved.set(n, d);
        changed = true;
      }
    }
    if (!changed) break;
  }

  const index: PluginIndex = {
    plugins,
    of(name: string) {
      if (resolved.has(name)) return resolved.get(name);
      return prefixPlugin(name);
    },
  };
  cache.set(api, index);
  return index;
}
