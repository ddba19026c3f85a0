/**
 * Custom metadata XML checked against its profile's XSD, for the part of XML Schema that
 * metadata profiles use (Kaltura's own profiles and the management console's): one root element
 * holding a sequence of fields, each with a built-in simple type (string, int, long, decimal,
 * boolean, date, dateTime), a named or inline simple type restricting one (enumeration, length,
 * pattern, min/max), or a type with simple content; minOccurs/maxOccurs; field order; nested
 * sequences. Not checked (accepted as they come): attributes, namespaces, choice/all groups,
 * xsd:any, imports and includes, keys, and types the schema does not define itself.
 *
 * Parsing is fast-xml-parser's (well-formedness with line numbers); documents with a DOCTYPE are
 * refused (no entity expansion of any kind).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An ordered XML node as fast-xml-parser gives it with preserveOrder. */
type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };

export class XmlError extends Error {}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const tagOf = (n: XNode) => Object.keys(n).find((k) => k !== ':@')!;
const childrenOf = (n: XNode) => (n[tagOf(n)] as XNode[] | undefined) ?? [];
const attrs = (n: XNode) => n[':@'] ?? {};
const elements = (n: XNode) => childrenOf(n).filter((c) => !tagOf(c).startsWith('#') && !tagOf(c).startsWith('?'));
const textOf = (n: XNode): string =>
  childrenOf(n)
    .map((c) => (tagOf(c) === '#text' ? String(c['#text']) : tagOf(c) === '#cdata' ? textOf(c) : ''))
    .join('');

/** The document's elements, or an XmlError saying where it is not well-formed. */
export function parseXml(text: string, what: string): XNode[] {
  if (/<!DOCTYPE/i.test(text)) throw new XmlError(`${what}: a DOCTYPE is not allowed`);
  const ok = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (ok !== true) throw new XmlError(`${what} is not well-formed XML (line ${ok.err.line}, column ${ok.err.col}): ${ok.err.msg}`);
  let nodes: XNode[];
  try {
    nodes = parser.parse(text) as XNode[];
  } catch (e) {
    // the parser's own bounds (nesting, entities): a message, not a crash
    throw new XmlError(`${what} could not be read: ${(e as Error)?.message ?? e}`);
  }
  const roots = nodes.filter((n) => !tagOf(n).startsWith('?') && !tagOf(n).startsWith('#'));
  if (roots.length !== 1) throw new XmlError(`${what} must have one root element`);
  return roots;
}

interface SimpleType {
  base: string;
  enumeration?: string[];
  pattern?: RegExp;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
}

interface ElementDecl {
  name: string;
  /** The management console's label (`xsd:annotation/xsd:appinfo/label`). */
  label?: string;
  min: number;
  max: number;
  simple?: SimpleType;
  /** A nested sequence (complex content). */
  children?: ElementDecl[];
}

/** A schema: its root element. */
export interface Schema {
  root: ElementDecl;
}

/** Reads an XSD; an XmlError when it is not one or has no root element. */
export function parseXsd(text: string): Schema {
  const [schema] = parseXml(text, 'the XSD');
  if (local(tagOf(schema!)) !== 'schema') throw new XmlError('the XSD must have xsd:schema as its root element');
  const top = elements(schema!);
  const named = new Map<string, XNode>();
  for (const n of top)
    if ((local(tagOf(n)) === 'simpleType' || local(tagOf(n)) === 'complexType') && attrs(n).name) named.set(attrs(n).name!, n);
  const rootNode = top.find((n) => local(tagOf(n)) === 'element');
  if (!rootNode || !attrs(rootNode).name) throw new XmlError('the XSD declares no root element (xsd:element with a name)');
  return { root: element(rootNode, named, 0) };
}

function occurs(v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  if (v === 'unbounded') return Infinity;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : dflt;
}

function element(n: XNode, named: Map<string, XNode>, depth: number): ElementDecl {
  const a = attrs(n);
  const decl: ElementDecl = { name: a.name ?? '', min: occurs(a.minOccurs, 1), max: occurs(a.maxOccurs, 1) };
  const appinfo = elements(n).find((c) => local(tagOf(c)) === 'annotation');
  const label =
    appinfo &&
    elements(appinfo)
      .flatMap(elements)
      .find((c) => local(tagOf(c)) === 'label');
  if (label) decl.label = textOf(label).trim();
  if (depth > 20) return decl;
  const inline = elements(n).find((c) => ['simpleType', 'complexType'].includes(local(tagOf(c))));
  const type = inline ?? (a.type ? (named.get(local(a.type)) ?? named.get(a.type)) : undefined);
  if (!type) {
    decl.simple = { base: a.type ? local(a.type) : 'anyType' };
    return decl;
  }
  if (local(tagOf(type)) === 'simpleType') decl.simple = simpleType(type, named, 0);
  else {
    const seq = elements(type).find((c) => local(tagOf(c)) === 'sequence');
    const simpleContent = elements(type).find((c) => local(tagOf(c)) === 'simpleContent');
    if (seq)
      decl.children = elements(seq)
        .filter((c) => local(tagOf(c)) === 'element')
        .map((c) => element(c, named, depth + 1));
    else if (simpleContent) {
      const ext = elements(simpleContent)[0];
      decl.simple = ext ? restriction(ext, named, 0) : { base: 'string' };
    } else decl.simple = { base: 'anyType' };
  }
  return decl;
}

function simpleType(n: XNode, named: Map<string, XNode>, depth: number): SimpleType {
  const r = elements(n).find((c) => local(tagOf(c)) === 'restriction');
  return r ? restriction(r, named, depth) : { base: 'anyType' };
}

function restriction(r: XNode, named: Map<string, XNode>, depth: number): SimpleType {
  const baseName = attrs(r).base ? local(attrs(r).base!) : 'string';
  const baseType = named.get(baseName);
  const t: SimpleType =
    baseType && depth < 10 && local(tagOf(baseType)) === 'simpleType' ? { ...simpleType(baseType, named, depth + 1) } : { base: baseName };
  for (const f of elements(r)) {
    const v = attrs(f).value;
    if (v === undefined) continue;
    switch (local(tagOf(f))) {
      case 'enumeration':
        (t.enumeration ??= []).push(v);
        break;
      case 'pattern':
        try {
          t.pattern = new RegExp(`^(?:${v})$`, 'u');
        } catch {
          /* an XSD pattern JavaScript cannot read: not checked */
        }
        break;
      case 'length':
        t.minLength = t.maxLength = Number(v);
        break;
      case 'minLength':
        t.minLength = Number(v);
        break;
      case 'maxLength':
        t.maxLength = Number(v);
        break;
      case 'minInclusive':
        t.min = Number(v);
        break;
      case 'maxInclusive':
        t.max = Number(v);
        break;
    }
  }
  return t;
}

const INTEGER = new Set([
  'int',
  'integer',
  'long',
  'short',
  'byte',
  'nonNegativeInteger',
  'positiveInteger',
  'unsignedInt',
  'unsignedLong',
]);
const DECIMAL = new Set(['decimal', 'float', 'double']);

function checkValue(path: string, value: string, t: SimpleType): void {
  const v = value.trim();
  const bad = (why: string) => new XmlError(`${path}: "${v.length > 100 ? v.slice(0, 100) + '...' : v}" ${why}`);
  if (INTEGER.has(t.base) && !/^[-+]?\d+$/.test(v)) throw bad(`is not an integer (${t.base})`);
  if (DECIMAL.has(t.base) && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) throw bad(`is not a number (${t.base})`);
  if (t.base === 'boolean' && !/^(true|false|1|0)$/.test(v)) throw bad('is not a boolean (true, false, 1 or 0)');
  if (t.base === 'date' && !/^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/.test(v)) throw bad('is not a date (YYYY-MM-DD)');
  if (t.base === 'dateTime' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(v))
    throw bad('is not a dateTime (YYYY-MM-DDThh:mm:ss)');
  if (t.enumeration && !t.enumeration.includes(v)) throw bad(`is not one of the allowed values (${t.enumeration.join(', ')})`);
  if (t.minLength !== undefined && [...value].length < t.minLength) throw bad(`is shorter than ${t.minLength} characters`);
  if (t.maxLength !== undefined && [...value].length > t.maxLength) throw bad(`is longer than ${t.maxLength} characters`);
  if (t.pattern && !t.pattern.test(v)) throw bad('does not match the pattern of its type');
  if (t.min !== undefined && Number(v) < t.min) throw bad(`is less than ${t.min}`);
  if (t.max !== undefined && Number(v) > t.max) throw bad(`is more than ${t.max}`);
}

function checkElement(n: XNode, d: ElementDecl, path: string): void {
  const kids = elements(n);
  if (d.children) {
    let at = 0;
    const counts = new Map<string, number>();
    for (const k of kids) {
      const name = tagOf(k);
      const i = d.children.findIndex((c) => c.name === name);
      if (i < 0)
        throw new XmlError(
          `${path}: element "${name}" is not defined by the profile (expected one of ${d.children.map((c) => c.name).join(', ') || 'none'})`,
        );
      if (i < at)
        throw new XmlError(
          `${path}: element "${name}" is out of order (the profile's order is ${d.children.map((c) => c.name).join(', ')})`,
        );
      at = i;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (counts.get(name)! > d.children[i]!.max)
        throw new XmlError(`${path}: element "${name}" appears more than ${d.children[i]!.max} time(s)`);
      checkElement(k, d.children[i]!, `${path}/${name}`);
    }
    for (const c of d.children)
      if ((counts.get(c.name) ?? 0) < c.min) throw new XmlError(`${path}: element "${c.name}" is missing (at least ${c.min})`);
    return;
  }
  if (d.simple && d.simple.base !== 'anyType') {
    if (kids.length) throw new XmlError(`${path}: holds elements, but the profile gives it a simple value`);
    checkValue(path, textOf(n), d.simple);
  }
}

/** Checks `xml` against `schema`; an XmlError says the first problem, with its path. */
export function validateXml(xml: string, schema: Schema): void {
  const [root] = parseXml(xml, 'the XML');
  const name = tagOf(root!);
  if (name !== schema.root.name) throw new XmlError(`the root element is "${name}", the profile's is "${schema.root.name}"`);
  checkElement(root!, schema.root, `/${name}`);
}
