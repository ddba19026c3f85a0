/**
 * Java samples with Kaltura's official Java client, compiled once per tarball (javac against
 * Debian's okhttp/okio/gson/commons-codec/log4j jars in /usr/share/java; cached in .tmp/clients),
 * each sample compiled as CodeExample.java and run with java (see harness.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir, describeClient, sh } from './harness';

const JARS = ['okhttp', 'okio', 'gson', 'commons-codec', 'log4j-api', 'log4j-core'].map((j) => `/usr/share/java/${j}.jar`);
let classpath = '';

function javaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...javaFiles(p));
    else if (f.endsWith('.java')) out.push(p);
  }
  return out;
}

describeClient({
  lang: 'java',
  setup() {
    const root = clientDir('Java', (dir) => {
      const classes = join(dir, 'classes');
      mkdirSync(classes, { recursive: true });
      const list = join(dir, 'sources.txt');
      writeFileSync(list, javaFiles(join(dir, 'src/main/java')).join('\n'));
      execFileSync('javac', ['-nowarn', '-encoding', 'UTF-8', '-d', classes, '-cp', JARS.join(':'), `@${list}`], { stdio: 'pipe', maxBuffer: 64 << 20 });
    });
    classpath = [join(root, 'classes'), ...JARS].join(':');
  },
  async exec(code, dir, name) {
    const d = join(dir, name);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'CodeExample.java'), code);
    await sh('javac', ['-nowarn', '-encoding', 'UTF-8', '-cp', classpath, '-d', d, join(d, 'CodeExample.java')], { cwd: d });
    return sh('java', ['-cp', `${d}:${classpath}`, 'CodeExample'], { cwd: d, timeout: 60_000 });
  },
});
