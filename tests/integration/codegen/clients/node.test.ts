/** Node samples with the official `kaltura-client` npm package (a dev dependency; see harness.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../unit/codegen/fixtures';
import { describeClient, sh } from './harness';

describeClient({
  lang: 'node',
  setup() {},
  async exec(code, dir, name) {
    writeFileSync(join(dir, `${name}.js`), code);
    return sh(process.execPath, [`${name}.js`], { cwd: dir, env: { NODE_PATH: join(ROOT, 'node_modules') } });
  },
});
