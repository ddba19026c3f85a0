/**
 * The API description: the project's own Kaltura description (built as OpenAPI 3.0) and
 * descriptions read from other OpenAPI documents. Framework-free; runs in the browser and Node.
 */
import { createDescription } from './description';
import { buildKalturaOpenApi } from './openapi';
import type { ApiDescription } from './types';

export type {
  ApiDescription,
  ApiError,
  ClassDef,
  EnumDef,
  EnumValue,
  Operation,
  OperationParam,
  PropertyDef,
  TypeRef,
} from './types';
export { createDescription, describeParts, type DescriptionParts } from './description';
export { normalizePath, operationNamed, operationPath, parseOperationPath, type OperationPathParts } from './operation-path';
export { mergeDescriptions } from './merge';
export { sliceDescription, descriptionFromSlice, recordingDescription, type ApiSlice } from './slice';
export { buildKalturaOpenApi, KALTURA_API_VERSION } from './openapi';
export { DescriptionLoadError, loadDescriptionFromUrl, parseDescriptionText } from './load';

let kaltura: ApiDescription | undefined;

/** The description of the Kaltura services the console and the sandbox use (built once). */
export function getKalturaDescription(): ApiDescription {
  kaltura ??= createDescription(buildKalturaOpenApi());
  return kaltura;
}
