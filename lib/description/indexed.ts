/**
 * An ApiDescription over parts already read: every lookup (operations by path, method and name;
 * classes and enums by lower-case name; subclasses; plugins) is indexed once, here.
 */
import { normalizePath, parseOperationPath } from './operation-path';
import { pluginIndex } from './plugins';
import type { ApiDescription, ApiError, ClassDef, EnumDef, Operation, PropertyDef } from './types';

export class Description implements ApiDescription {
  private readonly byPath = new Map<string, Operation>();
  private readonly byName = new Map<string, Operation>();
  private readonly children = new Map<string, string[]>();
  private readonly propsCache = new Map<string, PropertyDef[]>();

  constructor(
    readonly document: unknown,
    private readonly ops: Operation[],
    private readonly classMap: Map<string, ClassDef>,
    private readonly enumMap: Map<string, EnumDef>,
    readonly problems: string[],
    private readonly subclassMemo?: Record<string, string[]>,
    /** Parts from elsewhere (a slice, a merge): a base that is not here is not a problem of theirs. */
    partial = false,
    private readonly pluginMemo?: Record<string, string | null>,
    private readonly errorList: ApiError[] = [],
  ) {
    // POST operations first: a Kaltura path is a POST; other methods only fill in paths without one.
    for (const op of [...ops.filter((o) => !o.method), ...ops.filter((o) => o.method)]) {
      const pathKey = normalizePath(op.path);
      if (!this.byPath.has(pathKey)) this.byPath.set(pathKey, op);
      const nameKey = `${op.service}.${op.action}`.toLowerCase();
      if (!this.byName.has(nameKey)) this.byName.set(nameKey, op);
    }
    for (const cls of classMap.values()) {
      if (!cls.base) continue;
      const key = cls.base.toLowerCase();
      if (!classMap.has(key)) {
        if (!partial) problems.push(`Class "${cls.name}" derives from "${cls.base}", which is not described.`);
        continue;
      }
      const list = this.children.get(key) ?? [];
      list.push(cls.name);
      this.children.set(key, list);
    }
  }

  operation(path: string, method?: string): Operation | undefined {
    if (typeof path !== 'string') return undefined;
    const key = normalizePath(path);
    if (typeof method === 'string' && method.toLowerCase() !== 'post') {
      const m = method.toLowerCase();
      return this.ops.find((op) => op.method === m && normalizePath(op.path) === key);
    }
    const op = this.byPath.get(key);
    if (op) return op;
    // `/service/multirequest/action/null` and similar spellings, and the query form `/api_v3/?service=media&action=add`.
    const named = parseOperationPath(path);
    return named ? this.operationByName(named.service, named.action ?? '') : undefined;
  }

  operationByName(service: string, action: string): Operation | undefined {
    if (typeof service !== 'string') return undefined;
    const a = typeof action === 'string' ? action : '';
    const op = this.byName.get(`${service}.${a}`.toLowerCase());
    if (op) return op;
    if (a === '' || a.toLowerCase() === 'null') return this.byName.get(`${service}.`.toLowerCase());
    return undefined;
  }

  operations(): Operation[] {
    return [...this.ops];
  }

  getClass(name: string): ClassDef | undefined {
    return typeof name === 'string' ? this.classMap.get(name.toLowerCase()) : undefined;
  }

  getEnum(name: string): EnumDef | undefined {
    return typeof name === 'string' ? this.enumMap.get(name.toLowerCase()) : undefined;
  }

  classes(): ClassDef[] {
    return [...this.classMap.values()];
  }

  errorCatalog(): ApiError[] {
    return [...this.errorList];
  }

  enums(): EnumDef[] {
    return [...this.enumMap.values()];
  }

  /** The class chain from the root down to `className` (cycles cut). */
  private chain(className: string): ClassDef[] {
    const chain: ClassDef[] = [];
    const seen = new Set<string>();
    let cls = this.getClass(className);
    while (cls && !seen.has(cls.name.toLowerCase())) {
      seen.add(cls.name.toLowerCase());
      chain.unshift(cls);
      cls = cls.base ? this.getClass(cls.base) : undefined;
    }
    return chain;
  }

  allProperties(className: string): PropertyDef[] {
    if (typeof className !== 'string') return [];
    const key = className.toLowerCase();
    const cached = this.propsCache.get(key);
    if (cached) return [...cached];
    const byName = new Map<string, PropertyDef>();
    // A redefined property (orderBy in a subclass) keeps its place and takes the subclass' type.
    for (const cls of this.chain(className)) for (const p of cls.properties) byName.set(p.name, p);
    const props = [...byName.values()];
    this.propsCache.set(key, props);
    return [...props];
  }

  pluginOf(name: string): string | undefined {
    if (typeof name !== 'string') return undefined;
    if (this.pluginMemo && Object.prototype.hasOwnProperty.call(this.pluginMemo, name)) return this.pluginMemo[name] ?? undefined;
    return pluginIndex(this).of(name);
  }

  concreteSubclasses(className: string): string[] {
    const memo = typeof className === 'string' ? this.subclassMemo?.[className.toLowerCase()] : undefined;
    if (memo) return [...memo];
    const start = this.getClass(className);
    if (!start) return [];
    const out: string[] = [];
    const seen = new Set<string>();
    const visit = (cls: ClassDef) => {
      const key = cls.name.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      if (!cls.abstract) out.push(cls.name);
      for (const child of this.children.get(key) ?? []) {
        const c = this.getClass(child);
        if (c) visit(c);
      }
    };
    visit(start);
    return out;
  }

  isSubclassOf(className: string, base: string): boolean {
    if (typeof base !== 'string') return false;
    const target = base.toLowerCase();
    return this.chain(className).some((c) => c.name.toLowerCase() === target);
  }
}
