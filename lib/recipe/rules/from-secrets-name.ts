/** from-secrets-name: `"fromSecrets": true` on an input whose name is no credential. */
import { call, steps } from './examples';
import type { RecipeRule } from './rule';

export const fromSecretsName: RecipeRule = {
  id: 'from-secrets-name',
  severity: 'warning',
  doc: '`"fromSecrets": true` pre-fills an input from the connection\'s credential of the same name (`partnerId`, `secret`, `userId`, `ks`), but this input has another name, so it is not pre-filled. Name the credential instead, e.g. `"fromSecrets": "secret"`.',
  ok: [steps(call('{ "parameters": [{ "name": "ks", "fromSecrets": true }, { "name": "adminSecret", "fromSecrets": "secret" }] }'))],
  notOk: [steps(call('{ "parameters": [{ "name": "token", "fromSecrets": ⟦true⟧ }] }'))],
};
