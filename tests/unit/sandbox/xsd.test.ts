/**
 * Custom metadata XML against its profile's XSD (lib/sandbox/xsd.ts): the custom-metadata recipe's
 * profile and values, each kind of mistake the recipe names (an undefined element, a value outside
 * a restriction, fields out of order), types and occurrences, and hostile input (a DOCTYPE with
 * entities, deep nesting, broken XML) refused with a message, never expanded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XmlError, parseXsd, validateXml } from '@/lib/sandbox/xsd';

const ROOT = join(import.meta.dirname, '../../..');
/** The recipe's XSD and XML, as its form sends them (consoleDefault). */
function recipeDefaults(): { xsd: string; xml: string; update: string } {
  const text = readFileSync(join(ROOT, 'recipes/custom-metadata.md'), 'utf8');
  const defaults = [...text.matchAll(/"consoleDefault": ("(?:[^"\\]|\\.)*")/g)]
    .map((m) => JSON.parse(m[1]!) as string)
    .filter((s) => s.startsWith('<'));
  return {
    xsd: defaults.find((s) => s.includes('xsd:schema'))!,
    xml: defaults.find((s) => s.includes('<Audience>Customers'))!,
    update: defaults.find((s) => s.includes('<Audience>Partners'))!,
  };
}

const fails = (xml: string, schema = parseXsd(recipeDefaults().xsd)) => {
  try {
    validateXml(xml, schema);
  } catch (e) {
    expect(e).toBeInstanceOf(XmlError);
    return (e as Error).message;
  }
  throw new Error('accepted: ' + xml);
};

describe('metadata XML against the profile XSD', () => {
  it("accepts the recipe's values and its update (a repeated field)", () => {
    const { xsd, xml, update } = recipeDefaults();
    const schema = parseXsd(xsd);
    expect(() => validateXml(xml, schema)).not.toThrow();
    expect(() => validateXml(update, schema)).not.toThrow();
    expect(() => validateXml('<metadata/>', schema)).not.toThrow();
    expect(schema.root.children!.map((c) => [c.name, c.label])).toEqual([
      ['Department', 'Department'],
      ['Audience', 'Audience'],
      ['ReviewedBy', 'Reviewed by'],
    ]);
  });

  it('refuses what the recipe says is refused, saying where', () => {
    expect(fails('<metadata><Owner>x</Owner></metadata>')).toBe(
      '/metadata: element "Owner" is not defined by the profile (expected one of Department, Audience, ReviewedBy)',
    );
    expect(fails('<metadata><Audience>Everyone</Audience></metadata>')).toBe(
      '/metadata/Audience: "Everyone" is not one of the allowed values (Internal, Customers, Partners)',
    );
    expect(fails('<metadata><Audience>Internal</Audience><Department>x</Department></metadata>')).toMatch(
      /element "Department" is out of order/,
    );
    expect(fails('<metadata><Department>a</Department><Department>b</Department></metadata>')).toMatch(
      /"Department" appears more than 1 time/,
    );
    expect(fails('<data><Department>a</Department></data>')).toBe('the root element is "data", the profile\'s is "metadata"');
    expect(fails('<metadata><Department><b>x</b></Department></metadata>')).toMatch(/holds elements/);
  });

  it('checks simple types, named types, lengths and minOccurs', () => {
    const schema = parseXsd(`<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
      <xsd:simpleType name="code"><xsd:restriction base="xsd:string"><xsd:maxLength value="3"/><xsd:pattern value="[A-Z]+"/></xsd:restriction></xsd:simpleType>
      <xsd:element name="m"><xsd:complexType><xsd:sequence>
        <xsd:element name="Count" type="xsd:int"/>
        <xsd:element name="Price" type="xsd:decimal" minOccurs="0"/>
        <xsd:element name="Live" type="xsd:boolean" minOccurs="0"/>
        <xsd:element name="Day" type="xsd:date" minOccurs="0"/>
        <xsd:element name="Code" type="code" minOccurs="0"/>
      </xsd:sequence></xsd:complexType></xsd:element></xsd:schema>`);
    expect(() =>
      validateXml('<m><Count>3</Count><Price>1.5</Price><Live>true</Live><Day>2024-02-29</Day><Code>AB</Code></m>', schema),
    ).not.toThrow();
    expect(fails('<m/>', schema)).toBe('/m: element "Count" is missing (at least 1)');
    expect(fails('<m><Count>three</Count></m>', schema)).toMatch(/"three" is not an integer/);
    expect(fails('<m><Count>1</Count><Price>x</Price></m>', schema)).toMatch(/not a number/);
    expect(fails('<m><Count>1</Count><Live>yes</Live></m>', schema)).toMatch(/not a boolean/);
    expect(fails('<m><Count>1</Count><Day>29/02/2024</Day></m>', schema)).toMatch(/not a date/);
    expect(fails('<m><Count>1</Count><Code>ABCD</Code></m>', schema)).toMatch(/longer than 3/);
    expect(fails('<m><Count>1</Count><Code>ab</Code></m>', schema)).toMatch(/does not match the pattern/);
  });

  it('refuses broken XML with its line, and a DOCTYPE of any kind (no entity is ever expanded)', () => {
    expect(fails('<metadata><Department>x</metadata>')).toMatch(/^the XML is not well-formed XML \(line 1, column \d+\)/);
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><metadata><Department>&lol2;</Department></metadata>';
    expect(fails(bomb)).toBe('the XML: a DOCTYPE is not allowed');
    expect(() => parseXsd('<!DOCTYPE x SYSTEM "file:///etc/passwd"><xsd:schema/>')).toThrow('a DOCTYPE is not allowed');
    expect(() => parseXsd('<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"/>')).toThrow(/declares no root element/);
    expect(() => parseXsd('<notaschema/>')).toThrow(/xsd:schema as its root/);
    const deep = '<metadata>' + '<a>'.repeat(5000) + '</a>'.repeat(5000) + '</metadata>';
    expect(fails(deep)).toMatch(/^the XML could not be read: .*nested/i);
  });
});
