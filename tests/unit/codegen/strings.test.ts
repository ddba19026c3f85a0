/**
 * String literals read back as exactly the original text in the real language (node, python3,
 * bash, javac/java where installed), and identifiers follow each library's conventions.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { camelFromConstant, NameAllocator, RESERVED, snake, stripKaltura } from '@/lib/codegen/naming';
import {
  csharpString,
  floatLiteral,
  intLiteral,
  javaString,
  jsString,
  phpString,
  pythonString,
  rubyString,
  shellQuote,
  swiftString,
} from '@/lib/codegen/strings';

const SAMPLES = [
  '',
  'plain',
  `it's "quoted"`,
  'back\\slash \\n \\u0041 \\\\',
  'two\nlines\r\nand\ttab',
  'héllo 日本語 🎬 \u2028\u2029',
  '$HOME ${x} `id` #{x} #$x %s \u0001\u007f',
];

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

describe('string literals', () => {
  it('javascript: the literal evaluates to the text', () => {
    for (const s of SAMPLES) expect(new Function(`return ${jsString(s)};`)()).toBe(s);
  });

  it.runIf(has('python3'))('python: ast.literal_eval reads the text back', () => {
    const code = `import ast, json, sys\nfor lit in json.load(sys.stdin): sys.stdout.write(json.dumps(ast.literal_eval(lit)) + "\\n")`;
    const out = execFileSync('python3', ['-c', code], { input: JSON.stringify(SAMPLES.map(pythonString)), encoding: 'utf8' });
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(SAMPLES);
  });

  it('bash: a quoted word is the text', () => {
    for (const s of SAMPLES.filter((x) => !/[\u0000]/.test(x))) {
      const out = execFileSync('bash', ['-c', `printf '%s' ${shellQuote(s)}`], { encoding: 'utf8' });
      expect(out).toBe(s);
    }
  });

  it.runIf(has('javac'))(
    'java: javac compiles the literals and java prints the text',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'codegen-java-'));
      try {
        const lines = SAMPLES.map((s) => `    out.add(${javaString(s)});`).join('\n');
        writeFileSync(
          join(dir, 'Lit.java'),
          `import java.util.*;\npublic class Lit {\n  public static void main(String[] a) throws Exception {\n    List<String> out = new ArrayList<>();\n${lines}\n    StringBuilder sb = new StringBuilder();\n    for (String s : out) { for (char c : s.toCharArray()) sb.append(String.format("\\\\u%04x", (int) c)); sb.append('\\n'); }\n    System.out.print(sb);\n  }\n}\n`,
        );
        execFileSync('javac', ['-encoding', 'UTF-8', 'Lit.java'], { cwd: dir });
        const out = execFileSync('java', ['-cp', dir, 'Lit'], { encoding: 'utf8' });
        const got = out
          .split('\n')
          .slice(0, SAMPLES.length)
          .map((l) => JSON.parse(`"${l}"`));
        expect(got).toEqual(SAMPLES);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('php, ruby, csharp, swift: no interpolation or raw line breaks survive escaping', () => {
    for (const s of SAMPLES) {
      const php = phpString(s);
      expect(php).not.toMatch(/(^|[^\\])\$/);
      expect(php).not.toMatch(/[\n\r]/);
      const rb = rubyString(s);
      expect(rb).not.toMatch(/(^|[^\\])#/);
      expect(rb).not.toMatch(/[\n\r]/);
      expect(csharpString(s)).not.toMatch(/[\n\r\u2028]/);
      const sw = swiftString(s);
      expect(sw).not.toMatch(/[\n\r]/);
      expect(sw).not.toMatch(/(^|[^\\])(\\\\)*\\\(/);
    }
    expect(phpString('a$b"c\\')).toBe('"a\\$b\\"c\\\\"');
    expect(rubyString('#{x}')).toBe('"\\#{x}"');
    expect(swiftString('\\(x)')).toBe('"\\\\(x)"');
    expect(javaString('\u0001')).toBe('"\\001"');
  });
});

describe('numbers', () => {
  it('prints integers without exponents, floats that every language reads', () => {
    expect(intLiteral(12345678901234)).toBe('12345678901234');
    expect(intLiteral(1e21)).toBe('1000000000000000000000');
    expect(intLiteral(-1)).toBe('-1');
    expect(floatLiteral(-1)).toBe('-1');
    expect(floatLiteral(1.5)).toBe('1.5');
    expect(floatLiteral(1e21)).toBe('1e+21');
    expect(floatLiteral(Number.NaN)).toBe('0');
  });
});

describe('naming', () => {
  it('follows the client libraries', () => {
    expect(stripKaltura('KalturaMediaEntry')).toBe('MediaEntry');
    expect(stripKaltura('Kaltura')).toBe('Kaltura');
    expect(snake('mediaType')).toBe('media_type');
    expect(snake('uploadTokenId')).toBe('upload_token_id');
    expect(snake('partnerID')).toBe('partner_id');
    expect(camelFromConstant('LIVE_STREAM_FLASH')).toBe('liveStreamFlash');
    expect(camelFromConstant('VIDEO')).toBe('video');
  });

  it('hands out unique names and avoids reserved words', () => {
    const n = new NameAllocator(RESERVED.java, ['client']);
    expect(n.alloc('client')).toBe('client2');
    expect(n.alloc('default')).toBe('default_');
    expect(n.alloc('entry')).toBe('entry');
    expect(n.alloc('entry')).toBe('entry2');
    expect(n.alloc('2x')).toBe('_2x');
  });
});
