/** PHP 5.3+ (namespaced) samples with Kaltura's official PHP53 client, PSR-0 autoloaded (see harness.ts). */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir, describeClient, sh } from './harness';

let root = '';
describeClient({
  lang: 'php53',
  setup() {
    root = clientDir('PHP53');
  },
  async exec(code, dir, name) {
    // The sample requires 'vendor/autoload.php' (Composer's, for kaltura/api-client-library): the
    // same PSR-0 mapping, Kaltura\ -> library/.
    const vendor = join(dir, 'vendor');
    if (!existsSync(join(vendor, 'autoload.php'))) {
      mkdirSync(vendor, { recursive: true });
      writeFileSync(
        join(vendor, 'autoload.php'),
        `<?php\nspl_autoload_register(function ($c) { $f = ${JSON.stringify(join(root, 'library'))} . '/' . str_replace('\\\\', '/', $c) . '.php'; if (is_file($f)) require $f; });\n`,
      );
    }
    writeFileSync(join(dir, `${name}.php`), code);
    return sh('php', ['-d', 'error_reporting=E_ALL & ~E_DEPRECATED', `${name}.php`], { cwd: dir });
  },
});
