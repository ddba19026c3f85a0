/**
 * Command-line arguments of the recipe CLIs (recipes:code, recipes:test, recipes:export), parsed
 * one way: `--name value` or `--name=value`, repeatable flags collected in order, `--` ignored.
 * A bad argument calls `fail` with a sentence that says what is wrong.
 */
export interface FlagSpec {
  /** Flags that take one value (the last one given wins). */
  values?: readonly string[];
  /** Flags that take a value and may be given several times (`--value`). */
  repeatable?: readonly string[];
  /** Flags without a value. */
  bools?: readonly string[];
}

export interface ParsedArgs {
  opts: Record<string, string>;
  multi: Record<string, string[]>;
  flags: Set<string>;
  positional: string[];
}

export function parseArgs(argv: readonly string[], spec: FlagSpec, fail: (message: string) => never): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const repeatable = new Set(spec.repeatable ?? []);
  const bools = new Set(spec.bools ?? []);
  const args = argv.filter((a) => a !== '--')[Symbol.iterator]();
  const out: ParsedArgs = { opts: {}, multi: {}, flags: new Set(), positional: [] };
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (values.has(name) || repeatable.has(name)) {
      // `--name=value`, else the value is the next argument (taken from the same iterator).
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : args.next().value;
      if (v === undefined || (v.startsWith('--') && eq < 0)) fail(`${name} needs a value.`);
      if (repeatable.has(name)) (out.multi[name] ??= []).push(v);
      else out.opts[name] = v;
    } else if (bools.has(a)) out.flags.add(a);
    else if (a.startsWith('-') && a !== '-') fail(`unknown option ${a}.`);
    else out.positional.push(a);
  }
  return out;
}
