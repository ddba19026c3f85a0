/** The one request model: build it (build.ts), encode it (http.ts), perform it (execute.ts). */
export type * from './types';
export { buildRequestModel, buildDynamicEnumRequest, jsonToValue } from './build';
export type { BuildRequestInput, BuildRequestResult } from './build';
export { httpBody, MissingFileError } from './body';
export { toHttpRequest, flatten, valueToJson, fieldsToJson, unresolvedPlaceholder } from './http';
export { executeRequest, isKalturaError, isSessionError, findUnresolved, networkErrorMessage } from './execute';
export type { CallError, ExecuteOptions, ExecuteResult } from './execute';
