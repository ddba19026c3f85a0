/** curl samples (raw HTTP from toHttpRequest) with /usr/bin/curl and jq (see harness.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeClient, sh } from './harness';

describeClient({
  lang: 'curl',
  setup() {},
  async exec(code, dir, name) {
    writeFileSync(join(dir, `${name}.sh`), code);
    return sh('bash', [`${name}.sh`], { cwd: dir });
  },
});
