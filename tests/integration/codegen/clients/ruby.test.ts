/** Ruby samples with Kaltura's official Ruby client (see harness.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir, describeClient, sh } from './harness';

let root = '';
describeClient({
  lang: 'ruby',
  setup() {
    root = clientDir('Ruby');
  },
  async exec(code, dir, name) {
    writeFileSync(join(dir, `${name}.rb`), code);
    return sh('ruby', ['-I', join(root, 'lib'), `${name}.rb`], { cwd: dir });
  },
});
