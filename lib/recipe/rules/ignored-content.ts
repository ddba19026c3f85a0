/** ignored-content: text inside an API Call, Sample Code or Demo section, which is not shown. */
import { call, steps } from './examples';
import type { RecipeRule } from './rule';

export const ignoredContent: RecipeRule = {
  id: 'ignored-content',
  severity: 'warning',
  doc: "Text inside an `### API Call`, `### Sample Code (...)` or `### Demo` section, before or after its code block. Such a section holds only its code block, so the text is not shown anywhere. Move it above the `### ` heading, into the step's prose. Only the first such text of a section is reported.",
  ok: [steps(`This call lists the entries.\n\n${call('{ "path": "/service/media/action/list" }')}`)],
  notOk: [steps(`${call('{ "path": "/service/media/action/list" }')}\n⟦This call lists the entries.⟧`)],
};
