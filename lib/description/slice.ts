/**
 * Slices of an API description: the part a recipe page needs, as plain JSON.
 *
 * Kaltura's published description is 2.4 MB (916 operations, 1,552 classes, 673 enums); a page
 * that runs four steps needs a few operations, the classes their forms show (with the subclasses
 * offered as choices) and the enums of those fields. `recordingDescription(full)` answers like
 * `full` and writes down every operation, class, enum and subclass list it was asked for; its
 * `slice()` is that record, and `descriptionFromSlice(slice)` answers the same questions again in
 * the browser. What the server did not ask for is not there: callers must treat an unknown class or
 * enum as they do for any description that lacks it.
 */
import { describeParts } from './description';
import type { ApiDescription, ClassDef, EnumDef, Operation, TypeRef } from './types';

export interface ApiSlice {
  /** Format version of this object. */
  v: 1;
  operations: Operation[];
  classes: ClassDef[];
  enums: EnumDef[];
  /** `concreteSubclasses` answers by lower-case class name. */
  subclasses: Record<string, string[]>;
  /** `pluginOf` answers (null: the core). */
  plugins?: Record<string, string | null>;
}

export interface RecordingDescription {
  /** Answers like the full description, and records what it was asked. */
  api: ApiDescription;
  /**
   * Adds what code samples ask about the recorded operations without running them: the result
   * classes with their properties' classes and enums, the classes of the values sent
   * (`valueClasses`: objects a recipe gives as JSON, whose properties' types samples print), and
   * the plugin of every class and enum.
   */
  closeForCode(valueClasses?: Iterable<string>): void;
  /** What was asked so far, as a slice. */
  slice(): ApiSlice;
}

export function recordingDescription(full: ApiDescription): RecordingDescription {
  const ops = new Map<string, Operation>();
  const classes = new Map<string, ClassDef>();
  const enums = new Map<string, EnumDef>();
  const subclasses: Record<string, string[]> = {};
  const plugins: Record<string, string | null> = {};

  const addEnum = (name: string | undefined) => {
    if (!name) return;
    const e = full.getEnum(name);
    if (e) enums.set(e.name.toLowerCase(), e);
  };
  /** A class and its bases (allProperties and isSubclassOf walk the chain). */
  const addChain = (name: string | undefined) => {
    let cls = name ? full.getClass(name) : undefined;
    while (cls && !classes.has(cls.name.toLowerCase())) {
      classes.set(cls.name.toLowerCase(), cls);
      cls = cls.base ? full.getClass(cls.base) : undefined;
    }
  };
  const addType = (t: TypeRef | undefined) => {
    if (!t) return;
    if (t.kind === 'enum') addEnum(t.name);
    else if (t.kind === 'object') addChain(t.className);
    else if (t.kind === 'array' || t.kind === 'map') {
      if (full.getClass(t.itemClass)) addChain(t.itemClass);
      else addEnum(t.itemClass);
    }
  };
  /**
   * The enums of a response's properties (an entry's status, a token's status), also inside the
   * items of a list response: the page shows them by name next to the response.
   */
  const addResultEnums = (t: TypeRef | undefined, depth = 0) => {
    if (!t || depth > 1) return;
    const cls = t.kind === 'object' ? t.className : t.kind === 'array' ? t.itemClass : undefined;
    if (!cls || !full.getClass(cls)) return;
    addChain(cls);
    for (const p of full.allProperties(cls)) {
      if (p.type.kind === 'enum') addEnum(p.type.name);
      else if (p.type.kind === 'array' && depth === 0) addResultEnums(p.type, depth + 1);
    }
  };
  const addOp = (op: Operation | undefined) => {
    if (!op) return op;
    const key = `${op.method ?? 'post'} ${op.path.toLowerCase()}`;
    if (!ops.has(key)) {
      ops.set(key, op);
      for (const p of op.params) addType(p.type);
      addType(op.result);
      addResultEnums(op.result);
    }
    return op;
  };

  const api: ApiDescription = {
    document: full.document,
    problems: full.problems,
    operation: (path, method) => addOp(full.operation(path, method)),
    operationByName: (service, action) => addOp(full.operationByName(service, action)),
    // Listing everything is not a question about this recipe: answered, not recorded.
    operations: () => full.operations(),
    classes: () => full.classes?.() ?? [],
    enums: () => full.enums?.() ?? [],
    getClass: (name) => {
      const c = full.getClass(name);
      if (c) addChain(c.name);
      return c;
    },
    getEnum: (name) => {
      const e = full.getEnum(name);
      if (e) enums.set(e.name.toLowerCase(), e);
      return e;
    },
    allProperties: (name) => {
      addChain(name);
      return full.allProperties(name);
    },
    concreteSubclasses: (name) => {
      const out = full.concreteSubclasses(name);
      if (typeof name === 'string' && full.getClass(name)) {
        subclasses[name.toLowerCase()] = out;
        addChain(name);
        for (const c of out) addChain(c);
      }
      return out;
    },
    isSubclassOf: (name, base) => {
      addChain(name);
      return full.isSubclassOf(name, base);
    },
    pluginOf: (name) => {
      const p = full.pluginOf?.(name);
      if (typeof name === 'string')
        Object.defineProperty(plugins, name, { value: p ?? null, enumerable: true, writable: true, configurable: true });
      return p;
    },
  };

  const closeForCode = (valueClasses: Iterable<string> = []) => {
    // Every sample's set-up starts a session.
    api.operationByName('session', 'start');
    for (const c of valueClasses) {
      if (!full.getClass(c)) continue;
      addChain(c);
      for (const p of full.allProperties(c)) addType(p.type);
    }
    for (const op of [...ops.values()]) {
      const r = op.result;
      const cls = r?.kind === 'object' ? r.className : r?.kind === 'array' ? r.itemClass : undefined;
      if (!cls || !full.getClass(cls)) continue;
      for (const p of full.allProperties(cls)) {
        addType(p.type);
        // A list response's items: their properties too (printed ids, later steps' paths).
        if (p.type.kind === 'array' && full.getClass(p.type.itemClass))
          for (const q of full.allProperties(p.type.itemClass)) addType(q.type);
      }
    }
    for (const name of [...[...classes.values()].map((c) => c.name), ...[...enums.values()].map((e) => e.name)]) api.pluginOf?.(name);
  };

  return {
    api,
    closeForCode,
    slice: () => ({
      v: 1,
      operations: [...ops.values()],
      // Class descriptions are not shown by the runner; property descriptions are (field help).
      classes: [...classes.values()].map(({ description: _d, ...c }) => c),
      enums: [...enums.values()],
      subclasses: { ...subclasses },
      plugins: { ...plugins },
    }),
  };
}

/** Merges slices (the first definition of each name wins). */
export function mergeSlices(slices: ApiSlice[]): ApiSlice {
  const out: ApiSlice = { v: 1, operations: [], classes: [], enums: [], subclasses: {} };
  const seen = { ops: new Set<string>(), classes: new Set<string>(), enums: new Set<string>() };
  for (const s of slices) {
    for (const op of s.operations) {
      const key = `${op.method ?? 'post'} ${op.path.toLowerCase()}`;
      if (!seen.ops.has(key)) seen.ops.add(key), out.operations.push(op);
    }
    for (const c of s.classes) if (!seen.classes.has(c.name.toLowerCase())) seen.classes.add(c.name.toLowerCase()), out.classes.push(c);
    for (const e of s.enums) if (!seen.enums.has(e.name.toLowerCase())) seen.enums.add(e.name.toLowerCase()), out.enums.push(e);
    for (const [k, v] of Object.entries(s.subclasses)) out.subclasses[k] ??= v;
    if (s.plugins) for (const [k, v] of Object.entries(s.plugins)) if (!(k in (out.plugins ??= {}))) out.plugins[k] = v;
  }
  return out;
}

/** An ApiDescription over a slice (in the browser). */
export function descriptionFromSlice(slice: ApiSlice): ApiDescription {
  return describeParts({
    document: {},
    operations: slice.operations,
    classes: slice.classes,
    enums: slice.enums,
    subclasses: slice.subclasses,
    plugins: slice.plugins ?? {},
  });
}

/** A slice recorded while `use` runs against `full`. */
export function sliceDescription(full: ApiDescription, use: (api: ApiDescription) => void): ApiSlice {
  const rec = recordingDescription(full);
  use(rec.api);
  return rec.slice();
}
