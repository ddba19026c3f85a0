/** system-partner-operation: a call Kaltura answers SERVICE_FORBIDDEN to every partner account. */
import { parseOperationPath } from '../../description/operation-path';
import { systemPartnerOnly } from '../../description/kaltura/system-partners';
import { call, steps } from './examples';
import { report, type RecipeRule } from './rule';

export const systemPartnerOperation: RecipeRule = {
  id: 'system-partner-operation',
  severity: 'warning',
  usesApi: true,
  doc: "An API Call of an operation Kaltura grants only to its own system partners (its batch workers, admin console and media servers: the `jobs` and `batch` services, `systemPartner`, `drmProfile`, `dropFolder.add`, ...). Every partner account gets `SERVICE_FORBIDDEN`, on Kaltura as in the sandbox, so no reader can run the step. Call the partner's own operation instead (`bulkUpload.get` rather than `jobs.getBulkUploadStatus`, `dropFolder.list` rather than `dropFolder.add`), or leave the step out.",
  ok: [steps(call('{ "path": "/service/bulkupload_bulk/action/get" }'))],
  notOk: [steps(call('{ "path": ⟦"/service/jobs/action/getBulkUploadStatus"⟧ }'))],
  run({ recipe, api, locate }) {
    return recipe.steps.flatMap((step) => {
      const path = step.apiCall?.path;
      if (!path) return [];
      // the client's service name (from the description, else the URL's `{plugin}_{service}`)
      const op = api?.operation(path);
      const parts = parseOperationPath(path);
      const named = op ?? (parts?.action ? { service: parts.service.split('_').pop()!, action: parts.action } : undefined);
      if (!named || !systemPartnerOnly(named, api?.document)) return [];
      return [
        report(
          systemPartnerOperation,
          `${named.service}.${named.action} is Kaltura's own (its batch workers, admin console or media servers): every partner account gets SERVICE_FORBIDDEN, on Kaltura as in the sandbox. Call the partner's own operation instead, or leave the step out.`,
          locate(step.apiCall!, 'path') ?? step.apiCall!.range,
          step.index,
        ),
      ];
    });
  },
};
