/** The one request model: build it (build.ts), encode it (http.ts, body.ts), perform it (execute.ts), classify the answer (response.ts). */
export type * from './types';
export { buildRequestModel, buildDynamicEnumRequest, jsonToValue } from './build';
export type { BuildRequestInput, BuildRequestResult } from './build';
export { httpBody, MissingFileError } from './body';
export {
  requestModel,
  sessionStartModel,
  sessionGetModel,
  mediaGetModel,
  uploadTokenGetModel,
  SESSION_TYPE_ADMIN,
  SESSION_TYPE_USER,
  SESSION_EXPIRY_SECONDS,
} from './models';
export type { CallSpec, CallTarget, SessionStartArgs } from './models';
export { toHttpRequest, flatten, valueToJson, fieldsToJson, unresolvedPlaceholder } from './http';
export { executeRequest, findUnresolved, networkErrorMessage } from './execute';
export type { ExecuteOptions, ExecuteResult } from './execute';
export { classifyAnswer, errorText, isKalturaError, isSessionError, kalturaError } from './response';
export type { CallError, ClassifiedAnswer, HttpAnswer, KalturaCallError, KalturaErrorJson } from './response';
