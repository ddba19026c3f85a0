/** Identifier conventions of the client libraries and a per-scope allocator of unique names. */

/** `KalturaMediaEntry` -> `MediaEntry` (the prefix-less names of java/csharp/swift/php53/node). */
export function stripKaltura(name: string): string {
  return name.startsWith('Kaltura') && name.length > 7 ? name.slice(7) : name;
}

/** `uploadToken` -> `UploadToken`. */
export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `MediaEntry` -> `mediaEntry`; `KS` stays `ks`. */
export function lowerFirst(name: string): string {
  if (/^[A-Z0-9]+$/.test(name)) return name.toLowerCase();
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `mediaType` -> `media_type`, `partnerID` -> `partner_id`, `FULL_UPLOAD` stays lower `full_upload`. */
export function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .toLowerCase();
}

/** `LIVE_STREAM_FLASH` -> `liveStreamFlash` (kaltura-ngx-client enum members). */
export function camelFromConstant(name: string): string {
  const parts = name.toLowerCase().split(/_+/).filter(Boolean);
  if (parts.length === 0) return name;
  const s = parts[0] + parts.slice(1).map(pascal).join('');
  return /^[0-9]/.test(s) ? '_' + s : s;
}

/**
 * A kaltura-ngx-client enum member: the constant in lower camel case, a leading `_` kept, and
 * `name` written `_name` (the client generator's one reserved word: a class's static `name`).
 */
export function ngxEnumMember(constant: string): string {
  const s = (constant.startsWith('_') ? '_' : '') + camelFromConstant(constant);
  return s === 'name' ? '_name' : s;
}

/** The Java and Swift clients type KalturaNullableBoolean as their own nullable boolean. */
export const NULLABLE_BOOLEAN = 'KalturaNullableBoolean';

/** A KalturaNullableBoolean member as a Java/Swift boolean (`true`, `false`, or `nil`); undefined for other enums. */
export function nullableBoolean(v: { enumType: string; value: string | number }, nil: string): string | undefined {
  if (v.enumType !== NULLABLE_BOOLEAN) return undefined;
  return Number(v.value) === 1 ? 'true' : Number(v.value) === 0 ? 'false' : nil;
}

/** Makes any text a safe identifier (letters, digits, `_`; not starting with a digit). */
export function identifier(name: string): string {
  let s = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (s === '' || /^[0-9]/.test(s)) s = '_' + s;
  return s;
}

/** Hands out unique variable names in one scope, avoiding reserved words. */
export class NameAllocator {
  private used = new Set<string>();
  constructor(
    private reserved: ReadonlySet<string>,
    taken: Iterable<string> = [],
  ) {
    for (const t of taken) this.used.add(t);
  }
  alloc(base: string): string {
    let b = identifier(base);
    if (this.reserved.has(b)) b = b + '_';
    let name = b;
    for (let i = 2; this.used.has(name); i++) name = `${b}${i}`;
    this.used.add(name);
    return name;
  }
  reserve(name: string): void {
    this.used.add(name);
  }
}

const JS_RESERVED =
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval undefined';
const PY_RESERVED =
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield';
const RUBY_RESERVED =
  '__ENCODING__ __LINE__ __FILE__ BEGIN END alias and begin break case class def defined do else elsif end ensure false for if in module next nil not or redo rescue retry return self super then true undef unless until when while yield';
const PHP_RESERVED = 'this';
const JAVA_RESERVED =
  'abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if implements import instanceof int interface long native new package private protected public return short static strictfp super switch synchronized this throw throws transient try void volatile while true false null var';
const CS_RESERVED =
  'abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long namespace new null object operator out override params private protected public readonly ref return sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual void volatile while';
const SWIFT_RESERVED =
  'associatedtype class deinit enum extension fileprivate func import init inout internal let open operator private protocol public rethrows static struct subscript typealias var break case continue default defer do else fallthrough for guard if in repeat return switch where while as Any catch false is nil super self Self throw throws true try';
const SHELL_RESERVED = '';

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));
export const RESERVED = {
  js: set(JS_RESERVED),
  python: set(PY_RESERVED),
  ruby: set(RUBY_RESERVED),
  php: set(PHP_RESERVED),
  java: set(JAVA_RESERVED),
  csharp: set(CS_RESERVED),
  swift: set(SWIFT_RESERVED),
  shell: set(SHELL_RESERVED),
};
