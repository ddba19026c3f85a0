/**
 * C# samples with Kaltura's official C# client on Debian's mono: the client compiled once per
 * tarball with mcs into KalturaClient.dll (cached in .tmp/clients; two members of
 * HttpNotificationAuthenticationMethod do not fit mcs's int enum and are edited out of the
 * extracted copy), each sample compiled with mcs and run with mono (see harness.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir, compilerErrors, describeClient, sh } from './harness';

const REFS = [
  'System',
  'System.Xml',
  'System.Xml.Linq',
  'System.Net.Http',
  'System.Web',
  'System.Runtime.Serialization',
  'System.Core',
  'Microsoft.CSharp',
];
const NEWTONSOFT = '/usr/lib/cli/Newtonsoft.Json-5.0/Newtonsoft.Json.dll';
let dll = '';

function csFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...csFiles(p));
    else if (f.endsWith('.cs')) out.push(p);
  }
  return out;
}

describeClient({
  lang: 'csharp',
  setup() {
    const root = clientDir('Csharp', (dir) => {
      const src = join(dir, 'KalturaClient');
      const enumFile = join(src, 'Enums/HttpNotificationAuthenticationMethod.cs');
      writeFileSync(enumFile, readFileSync(enumFile, 'utf8').replace(/^.*= 42949672(78|79),?\s*$/gm, ''));
      const files = csFiles(src).filter((f) => !/[/\\](obj|bin|Properties)[/\\]/.test(f));
      const list = join(dir, 'sources.rsp');
      writeFileSync(list, files.map((f) => `"${f}"`).join('\n'));
      execFileSync(
        'mcs',
        [
          '-langversion:6',
          '-nowarn:618,612,414,169,649,219,168',
          '-target:library',
          `-out:${join(dir, 'KalturaClient.dll')}`,
          ...REFS.map((r) => `-r:${r}`),
          `-r:${NEWTONSOFT}`,
          `@${list}`,
        ],
        {
          stdio: 'pipe',
          maxBuffer: 64 << 20,
        },
      );
    });
    dll = join(root, 'KalturaClient.dll');
  },
  async compile(samples, dir) {
    // One mcs run for all, as a library: each sample's class renamed after its file.
    const files = samples.map((smp, i) => {
      const f = join(dir, `Sample${i}.cs`);
      writeFileSync(f, smp.code.replace('class CodeExample', `class Sample${i}`));
      return f;
    });
    let out = '';
    try {
      await sh(
        'mcs',
        [
          '-nowarn:219,168',
          '-target:library',
          `-out:${join(dir, 'samples.dll')}`,
          `-r:${dll}`,
          `-r:${NEWTONSOFT}`,
          ...REFS.map((r) => `-r:${r}`),
          ...files,
        ],
        { cwd: dir, timeout: 300_000 },
      );
    } catch (e) {
      out = (e as Error).message;
    }
    return compilerErrors(samples, out, /Sample(\d+)\.cs\(\d+,\d+\): error/);
  },
  async exec(code, dir, name) {
    const d = join(dir, name);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'CodeExample.cs'), code);
    const exe = join(d, 'CodeExample.exe');
    await sh(
      'mcs',
      ['-nowarn:219,168', `-out:${exe}`, `-r:${dll}`, `-r:${NEWTONSOFT}`, ...REFS.map((r) => `-r:${r}`), join(d, 'CodeExample.cs')],
      { cwd: d },
    );
    return sh('mono', [exe], { cwd: d, env: { MONO_PATH: `${join(dll, '..')}:${join(NEWTONSOFT, '..')}` }, timeout: 60_000 });
  },
});
