/** Python samples with Kaltura's official Python client (see harness.ts). */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { clientDir, describeClient, sh } from './harness';

let root = '';
describeClient({
  lang: 'python',
  setup() {
    root = clientDir('Python');
  },
  async exec(code, dir, name) {
    const path = join(dir, `${name}.py`);
    writeFileSync(path, code);
    return sh('/usr/bin/python3', [path], { cwd: dir, env: { PYTHONPATH: join(root, 'KalturaClient', '..') } });
  },
});
