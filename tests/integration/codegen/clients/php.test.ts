/** PHP samples with Kaltura's official PHP client (format=3 answers; see harness.ts). */
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir, describeClient, sh } from './harness';

let root = '';
describeClient({
  lang: 'php',
  setup() {
    root = clientDir('PHP');
  },
  async exec(code, dir, name) {
    // The sample requires 'lib/KalturaClient.php': the client's folder as lib/ beside it.
    if (!existsSync(join(dir, 'lib'))) symlinkSync(root, join(dir, 'lib'));
    writeFileSync(join(dir, `${name}.php`), code);
    return sh('php', ['-d', 'error_reporting=E_ALL & ~E_DEPRECATED', `${name}.php`], { cwd: dir });
  },
});
