/**
 * A checker for the generated Swift samples against Kaltura's Swift client (the KalturaClient pod,
 * ../shared/clients/Swift.tar.gz): there is no Swift toolchain here, so the client's API is read
 * from its sources at test time (services' static functions with their argument labels, types
 * and results; classes with their properties and base class; enums with their cases and raw type;
 * the core types the samples use), and each sample is walked statement by statement with the
 * types of its variables, the way the compiler would see them for this subset of Swift:
 *
 * - every call `XService.action(label: value, ...)` is an overload that exists, labels in order,
 *   each value of the parameter's type (a `RequestFile` is a `RequestFileElement`, not a URL);
 * - every `Class()`, `obj.prop = value` and `Enum.CASE` exists, and the value has the property's
 *   type (an enum where the client has a String takes `.rawValue`, a number into a String is
 *   converted);
 * - a completion's result has the type the builder returns; reading a property of it exists;
 *   a void action's result (nil on success) is never force-unwrapped;
 * - no name is declared twice in one scope;
 * - an app token's hash is CryptoKit's digest of strings (`SHA256.hash(data: Data((a + b).utf8))`
 *   in hexadecimal), each part a String, with `import CryptoKit` (Apple's, not the client's).
 *
 * Statements of other shapes are reported, so new generator output cannot slip past unchecked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface SwiftClient {
  /** `MediaService` -> action -> overloads (labels and types in order; the builder's result type, `Void` for void actions). */
  services: Map<string, Map<string, Array<{ params: Array<{ label: string; type: string }>; result: string }>>>;
  /** Class -> base class and own properties (`MediaEntry` -> `PlayableEntry`, `mediaType: MediaType?`). */
  classes: Map<string, { base?: string | undefined; props: Map<string, string> }>;
  /** Enum -> raw type (`Int`, `String`) and cases. */
  enums: Map<string, { raw: string; cases: Set<string> }>;
  /** The core API the samples use, each found in the client's Core sources (what was not found). */
  missingCore: string[];
}

function swiftFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...swiftFiles(p));
    else if (f.endsWith('.swift')) out.push(p);
  }
  return out;
}

/** `Array<MediaEntry>` -> `[MediaEntry]`, `Dictionary<String, X>` -> `[String: X]`, spaces trimmed. */
function normType(t: string): string {
  let s = t.trim();
  for (let i = 0; i < 5; i++) {
    s = s.replace(/Array<([^<>]+)>/g, '[$1]').replace(/Dictionary<\s*([^<>,]+?)\s*,\s*([^<>]+?)\s*>/g, '[$1: $2]');
  }
  return s;
}

/** What the samples rely on in the client's core, as it is written there. */
const CORE: Array<[string, RegExp]> = [
  ['ConnectionConfiguration() with endPoint: URL', /class ConnectionConfiguration[\s\S]*public var endPoint: URL/],
  ['Client(_ config: ConnectionConfiguration)', /public init\(_ config: ConnectionConfiguration\)/],
  ['Client.ks: String?', /public var ks: String\?/],
  ['USRExecutor.shared.send(request:)', /static let shared = USRExecutor\(\)[\s\S]*public func send\(request r: Request\)/],
  [
    'RequestBuilder.set(completion: (T?, ApiException?) -> Void)',
    /public func set\(completion: @escaping \(_ response: T\?, _ error: ApiException\?\) -> Void\)/,
  ],
  ['RequestBuilder.build(_ client: Client)', /public func build\(_ client: Client\) -> Request/],
  [
    'RequestFileElement: RequestFile, init?(url: URL) throws',
    /struct RequestFileElement: RequestFile[\s\S]*public init\?\(url: URL\) throws/,
  ],
  ['NullRequestBuilder: RequestBuilder<Void, ...>', /class NullRequestBuilder<[^>]*>: RequestBuilder<Void,/],
  ['ApiException.message: String?', /var message: String\? \{ get \}/],
];

/** Reads the client's API from its sources (`root` is the extracted tarball). */
export function readSwiftClient(root: string): SwiftClient {
  const classesDir = join(root, 'KalturaClient/Classes');
  const services: SwiftClient['services'] = new Map();
  const classes: SwiftClient['classes'] = new Map();
  const enums: SwiftClient['enums'] = new Map();
  let core = '';
  for (const file of swiftFiles(classesDir)) {
    const src = readFileSync(file, 'utf8');
    if (file.includes('/Core/') || file.endsWith('ApiException.swift')) core += src + '\n';
    const svc = /public final class (\w+Service)\s*\{/.exec(src) ?? /extension (\w+Service)\s*\{/.exec(src);
    if (svc) {
      const actions = services.get(svc[1]!) ?? new Map();
      services.set(svc[1]!, actions);
      for (const m of src.matchAll(/^\tpublic static func (\w+)\((.*)\) -> (\w+)<(.*)> \{$/gm)) {
        const params = m[2]!.trim()
          ? m[2]!.split(/,(?![^<]*>)/).map((p) => {
              const [label, type] = p.split(/:(.*)/s);
              return { label: label!.trim(), type: normType(type!) };
            })
          : [];
        const first = m[4]!.split(/,(?![^<]*>)/)[0]!.trim();
        const result = m[3] === 'NullRequestBuilder' ? 'Void' : m[3] === 'ArrayRequestBuilder' ? `[${normType(first)}]` : normType(first);
        actions.set(m[1], [...(actions.get(m[1]) ?? []), { params, result }]);
      }
      continue;
    }
    const en = /^public enum (\w+): (\w+) \{$/m.exec(src);
    if (en) {
      enums.set(en[1]!, { raw: en[2]!, cases: new Set([...src.matchAll(/^\tcase (\w+)/gm)].map((c) => c[1]!)) });
      continue;
    }
    const cls = /^open class (\w+)(?:: (\w+))? \{$/m.exec(src);
    if (cls) {
      const props = new Map<string, string>();
      // Properties at the class's own level (one tab); the nested tokenizer class is indented deeper.
      for (const p of src.matchAll(/^\tpublic var (\w+): (.+?) = nil$/gm)) props.set(p[1]!, normType(p[2]!));
      classes.set(cls[1]!, { base: cls[2], props });
    }
  }
  return { services, classes, enums, missingCore: CORE.filter(([, re]) => !re.test(core)).map(([what]) => what) };
}

export interface SwiftProblem {
  line: number;
  message: string;
}

const BUILTIN = new Set([
  'String',
  'Int',
  'Int64',
  'Double',
  'Float',
  'Bool',
  'Any',
  'URL',
  'RequestFile',
  'RequestFileElement',
  'Client',
  'ConnectionConfiguration',
  'ApiException',
  'Void',
]);
const INT_LIT = '<int literal>';
const FLOAT_LIT = '<float literal>';
const NIL = '<nil>';

const isOpt = (t: string) => t.endsWith('?');
const unwrap = (t: string) => (t.endsWith('?') ? t.slice(0, -1) : t);
const elemOf = (t: string) => (/^\[([^:]+)\]$/.test(t) ? t.slice(1, -1) : undefined);

/** Checks one sample; returns its problems (empty when every name and type is right). */
export function checkSwiftSample(code: string, client: SwiftClient): SwiftProblem[] {
  const problems: SwiftProblem[] = [];
  let lineNo = 0;
  const fail = (message: string) => problems.push({ line: lineNo, message });

  // Scopes by brace depth: names declared at each depth.
  const scopes: Array<Map<string, string>> = [new Map([['client', 'Client']])];
  const lookup = (n: string) => {
    for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i]!.has(n)) return scopes[i]!.get(n);
    return undefined;
  };
  const declare = (n: string, t: string) => {
    const top = scopes[scopes.length - 1]!;
    if (top.has(n) && !(scopes.length === 1 && n === 'client')) fail(`\`${n}\` is declared twice in one scope`);
    top.set(n, t);
  };

  const isClass = (t: string) => client.classes.has(t);
  const knownType = (t: string): boolean => {
    const u = unwrap(t);
    const e = elemOf(u);
    if (e) return knownType(e);
    const d = /^\[(\w+): (.+)\]$/.exec(u);
    if (d) return d[1] === 'String' && knownType(d[2]!);
    return BUILTIN.has(u) || isClass(u) || client.enums.has(u);
  };
  const isSubclass = (sub: string, base: string): boolean => {
    for (let c: string | undefined = sub; c; c = client.classes.get(c)?.base) if (c === base) return true;
    return false;
  };
  const propOf = (cls: string, prop: string): string | undefined => {
    for (let c: string | undefined = cls; c; c = client.classes.get(c)?.base) {
      const t = client.classes.get(c)?.props.get(prop);
      if (t) return t;
    }
    return undefined;
  };
  const assignable = (target: string, source: string): boolean => {
    // An unknown side was already reported where it arose.
    if (target === 'Any' || target === 'Any?' || target.startsWith('<unknown') || source.startsWith('<unknown')) return true;
    // An array literal of several classes: each item must fit (the context types the literal).
    const union = /^\[(.+\|.+)\]$/.exec(source);
    if (union && elemOf(unwrap(target))) return union[1]!.split('|').every((x) => assignable(elemOf(unwrap(target))!, x));
    if (source === NIL) return isOpt(target);
    if (isOpt(source) && !isOpt(target)) return false;
    const t = unwrap(target);
    const s = unwrap(source);
    if (s === INT_LIT) return ['Int', 'Int64', 'Double', 'Float'].includes(t);
    if (s === FLOAT_LIT) return ['Double', 'Float'].includes(t);
    if (t === s) return true;
    if (t === 'RequestFile') return s === 'RequestFileElement';
    if (isClass(t) && isClass(s)) return isSubclass(s, t);
    const te = elemOf(t);
    const se = elemOf(s);
    if (te && se) return se === '<empty>' || assignable(te, se);
    const td = /^\[String: (.+)\]$/.exec(t);
    const sd = /^\[String: (.+)\]$/.exec(s);
    if (td && sd) return sd[1] === '<empty>' || assignable(td[1]!, sd[1]!);
    return false;
  };

  // --- expressions ---------------------------------------------------------------------------
  let src = '';
  let pos = 0;
  const ws = () => {
    while (src[pos] === ' ') pos++;
  };
  const peek = (s: string) => {
    ws();
    return src.startsWith(s, pos);
  };
  const eat = (s: string) => {
    if (!peek(s)) throw new Error(`expected \`${s}\` at \`${src.slice(pos)}\``);
    pos += s.length;
  };
  const ident = () => {
    ws();
    const m = /^[A-Za-z_]\w*/.exec(src.slice(pos));
    if (!m) throw new Error(`expected a name at \`${src.slice(pos)}\``);
    pos += m[0].length;
    return m[0];
  };

  /** Arguments `label: expr, ...` (labels optional), after `(`; consumes `)`. */
  const args = (): Array<{ label?: string | undefined; type: string }> => {
    const out: Array<{ label?: string | undefined; type: string }> = [];
    ws();
    if (peek(')')) {
      eat(')');
      return out;
    }
    for (;;) {
      ws();
      const m = /^([A-Za-z_]\w*):(?!:)/.exec(src.slice(pos));
      let label: string | undefined;
      if (m) {
        label = m[1];
        pos += m[0].length;
      }
      out.push({ label, type: expr() });
      if (peek(',')) {
        eat(',');
        continue;
      }
      eat(')');
      return out;
    }
  };

  const staticRef = (name: string): string => {
    // `Enum.CASE`, `Enum.CASE.rawValue`, `XService.action(...)`, `Class()`, `URL(...)`, `String(x)`.
    if (client.enums.has(name) && peek('.')) {
      eat('.');
      const c = ident();
      if (!client.enums.get(name)!.cases.has(c)) fail(`enum ${name} has no case ${c}`);
      if (peek('.rawValue')) {
        eat('.rawValue');
        return client.enums.get(name)!.raw;
      }
      return name;
    }
    if (client.services.has(name) && peek('.')) {
      eat('.');
      const action = ident();
      eat('(');
      const given = args();
      const overloads = client.services.get(name)!.get(action);
      if (!overloads) {
        fail(`${name} has no function ${action}`);
        return '<unknown>';
      }
      const labels = given.map((a) => a.label ?? '_').join(', ');
      const o = overloads.find((x) => x.params.map((p) => p.label).join(', ') === labels);
      if (!o) {
        fail(
          `${name}.${action}(${labels}) matches no overload (the client has ${overloads.map((x) => `(${x.params.map((p) => p.label).join(', ')})`).join(' ')})`,
        );
        return '<unknown>';
      }
      o.params.forEach((p, i) => {
        if (!assignable(p.type, given[i]!.type))
          fail(`${name}.${action}: argument ${p.label} is ${given[i]!.type}, the client takes ${p.type}`);
      });
      return `<builder ${o.result}>`;
    }
    if (peek('(')) {
      eat('(');
      const given = args();
      if (name === 'String')
        return given.length === 1 && !isOpt(given[0]!.type)
          ? 'String'
          : (fail(`String(...) of ${given.map((g) => g.type).join(', ')}`), 'String');
      // The standard library's numericCast converts between integer types, typed by its context
      // (an Int variable into an Int64 argument): the result fits any integer, like a literal.
      if (name === 'numericCast') {
        const ok = given.length === 1 && !given[0]!.label && ['Int', 'Int64', INT_LIT].includes(given[0]!.type);
        if (!ok) fail(`numericCast(...) of ${given.map((g) => g.type).join(', ')}`);
        return INT_LIT;
      }
      if (name === 'URL') {
        const l = given.map((g) => g.label).join(',');
        if (l !== 'string' && l !== 'fileURLWithPath') fail(`URL(${l}:) is not a URL initializer the samples should use`);
        return l === 'string' ? 'URL?' : 'URL';
      }
      if (name === 'RequestFileElement') {
        if (given.length !== 1 || given[0]!.label !== 'url' || given[0]!.type !== 'URL') fail('RequestFileElement takes (url: URL)');
        return 'RequestFileElement?';
      }
      if (name === 'ConnectionConfiguration') return 'ConnectionConfiguration';
      if (name === 'Client') {
        if (given.length !== 1 || given[0]!.label || given[0]!.type !== 'ConnectionConfiguration')
          fail('Client takes (_ config: ConnectionConfiguration)');
        return 'Client';
      }
      if (isClass(name)) {
        if (given.length) fail(`${name}() takes no arguments in the samples`);
        return name;
      }
      fail(`unknown type or function ${name}`);
      return '<unknown>';
    }
    const v = lookup(name);
    if (v === undefined) {
      fail(`\`${name}\` is not declared`);
      return '<unknown>';
    }
    return v;
  };

  const postfix = (t0: string): string => {
    let t = t0;
    for (;;) {
      if (src[pos] === '!') {
        pos++;
        if (t === 'Void?') fail('force-unwraps a void result (it is nil on success)');
        else if (!isOpt(t) && !t.startsWith('<')) fail(`force-unwraps ${t}, which is not optional`);
        t = unwrap(t);
        continue;
      }
      if (src.startsWith('.', pos) && /^\.[A-Za-z_]/.test(src.slice(pos))) {
        pos++;
        const p = ident();
        const base = unwrap(t);
        if (isOpt(t)) fail(`reads .${p} of an optional ${t} without unwrapping`);
        if (base === 'ApiException' && p === 'message') {
          t = 'String?';
          continue;
        }
        if (base === 'ConnectionConfiguration' && p === 'endPoint') {
          t = 'URL';
          continue;
        }
        if (base === 'Client' && p === 'ks') {
          t = 'String?';
          continue;
        }
        if (base === 'Int' && p === 'rawValue') {
          t = 'Int';
          continue;
        }
        const pt = isClass(base) ? propOf(base, p) : undefined;
        if (!pt) {
          fail(`${base} has no property ${p}`);
          t = '<unknown>';
        } else t = pt;
        continue;
      }
      if (src[pos] === '[') {
        pos++;
        expr();
        eat(']');
        const e = elemOf(unwrap(t));
        if (isOpt(t)) fail('subscripts an optional array without unwrapping');
        if (!e) fail(`subscripts ${t}, which is not an array`);
        t = e ?? '<unknown>';
        continue;
      }
      return t;
    }
  };

  const primary = (): string => {
    ws();
    const rest = src.slice(pos);
    if (rest.startsWith('try!')) {
      pos += 4;
      return expr();
    }
    const str = /^"(?:[^"\\]|\\.)*"/.exec(rest);
    if (str) {
      pos += str[0].length;
      return 'String';
    }
    const num = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(rest);
    if (num) {
      pos += num[0].length;
      return num[1] || num[2] ? FLOAT_LIT : INT_LIT;
    }
    if (rest.startsWith('[:]')) {
      pos += 3;
      return '[String: <empty>]';
    }
    if (rest.startsWith('[')) {
      pos++;
      if (peek(']')) {
        eat(']');
        return '[<empty>]';
      }
      const items: string[] = [];
      let dict = false;
      for (;;) {
        const k = expr();
        if (peek(':')) {
          eat(':');
          dict = true;
          if (k !== 'String') fail('a map literal with keys that are not strings');
          items.push(expr());
        } else items.push(k);
        if (peek(',')) {
          eat(',');
          continue;
        }
        eat(']');
        break;
      }
      const lit = (t: string) => (t === INT_LIT ? 'Int' : t === FLOAT_LIT ? 'Double' : t);
      const kinds = [...new Set(items.map(lit))];
      const common =
        kinds.length === 1 ? kinds[0] : (kinds.find((k) => kinds.every((x) => isClass(x) && isSubclass(x, k))) ?? kinds.join('|'));
      return dict ? `[String: ${common}]` : `[${common}]`;
    }
    const name = ident();
    if (name === 'true' || name === 'false') return 'Bool';
    if (name === 'nil') return NIL;
    return postfix(staticRef(name));
  };

  function expr(): string {
    let t = postfix(primary());
    ws();
    if (src.startsWith('??', pos)) {
      pos += 2;
      const r = expr();
      if (!isOpt(t)) fail(`?? on ${t}, which is not optional`);
      else if (!assignable(unwrap(t), r)) fail(`?? default ${r} for ${t}`);
      t = unwrap(t);
    }
    ws();
    if (src.startsWith('as Any', pos)) {
      pos += 6;
      t = 'Any';
    }
    return t;
  }

  const evaluate = (text: string): string => {
    src = text;
    pos = 0;
    try {
      const t = expr();
      ws();
      if (pos < src.length) fail(`could not read \`${src.slice(pos)}\``);
      return t;
    } catch (e) {
      fail((e as Error).message);
      return '<unknown>';
    }
  };

  // --- statements ----------------------------------------------------------------------------
  let pendingBuilder: string | undefined;
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    lineNo = i + 1;
    const raw = lines[i]!;
    const line = raw.trim();
    if (line === '' || line.startsWith('//') || line.startsWith('import ')) continue;
    let m: RegExpExecArray | null;
    if ((m = /^let (\w+): (.+?) = (.+)$/.exec(line))) {
      const type = normType(m[2]!);
      if (!knownType(type)) fail(`unknown type ${type}`);
      const v = evaluate(m[3]!);
      if (!assignable(type, v)) fail(`\`${m[1]}\` is declared ${type} but given ${v}`);
      declare(m[1]!, type);
    } else if (
      (m =
        /^let (\w+) = (SHA256|SHA512|Insecure\.SHA1|Insecure\.MD5)\.hash\(data: Data\(\((.+)\)\.utf8\)\)\.map \{ String\(format: "%02x", \$0\) \}\.joined\(\)$/.exec(
          line,
        ))
    ) {
      if (!/^import CryptoKit$/m.test(code)) fail(`${m[2]}.hash without import CryptoKit`);
      for (const part of m[3]!.split(' + ')) {
        const t = evaluate(part);
        if (t !== 'String') fail(`the digest's input ${part} is ${t}, not String`);
      }
      declare(m[1]!, 'String');
    } else if ((m = /^let (\w+) = (.+)$/.exec(line))) {
      let v = evaluate(m[2]!);
      if (v === INT_LIT) v = 'Int';
      if (v === FLOAT_LIT) v = 'Double';
      if (v.startsWith('<builder')) fail('a request builder kept in a variable (the samples send it)');
      declare(m[1]!, v);
    } else if ((m = /^USRExecutor\.shared\.send\(request: (.+)$/.exec(line))) {
      const b = evaluate(m[1]!);
      const r = /^<builder (.+)>$/.exec(b);
      if (!r && b !== '<unknown>') fail(`send(request:) of ${b}, not a request builder`);
      pendingBuilder = r?.[1] ?? '<unknown>';
    } else if ((m = /^\.set\(completion: \{ \((\w+), (\w+)\) in$/.exec(line))) {
      if (!pendingBuilder) fail('.set(completion:) without a request builder');
      scopes.push(new Map());
      declare(m[1]!, `${pendingBuilder ?? '<unknown>'}?`);
      declare(m[2]!, 'ApiException?');
      pendingBuilder = undefined;
    } else if ((m = /^if let (\w+) = (\w+) \{$/.exec(line))) {
      const t = lookup(m[2]!);
      if (!t || !isOpt(t)) fail(`if let of ${m[2]}, which is not optional`);
      scopes.push(new Map([[m[1]!, unwrap(t ?? '<unknown>')]]));
    } else if ((m = /^for (\w+) in (.+) \{$/.exec(line))) {
      const t = evaluate(m[2]!);
      const e = elemOf(unwrap(t));
      if (!e || isOpt(t)) fail(`for-in over ${t}`);
      scopes.push(new Map([[m[1]!, e ?? '<unknown>']]));
    } else if (line === '}' || line === '})') {
      if (scopes.length <= 1) fail('unbalanced }');
      else scopes.pop();
    } else if ((m = /^\.build\((\w+)\)\)$/.exec(line))) {
      if (lookup(m[1]!) !== 'Client') fail(`.build(${m[1]}): not the Client`);
    } else if ((m = /^print\((.+)\)$/.exec(line))) {
      src = m[1]!;
      pos = 0;
      try {
        for (;;) {
          expr();
          if (peek(',')) eat(',');
          else break;
        }
        ws();
        if (pos < src.length) fail(`could not read \`${src.slice(pos)}\``);
      } catch (e) {
        fail((e as Error).message);
      }
    } else if ((m = /^exit\((\d+)\)$/.exec(line)) || line === 'return' || line === 'dispatchMain()') {
      /* control flow */
    } else if ((m = /^([\w.]+) = (.+)$/.exec(line))) {
      const target = evaluate(m[1]!);
      const v = evaluate(m[2]!);
      if (!assignable(target, v)) fail(`${m[1]} is ${target}, given ${v}`);
    } else {
      fail(`a statement the checker does not know: \`${line}\``);
    }
  }
  if (scopes.length !== 1) fail(`${scopes.length - 1} scope(s) left open`);
  return problems;
}
