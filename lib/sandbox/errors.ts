/**
 * Kaltura API errors as the real server shapes them: `code`, `message` (the template with its
 * `@ARG@` placeholders filled) and `args`. Every failure a client can cause ends up as one of these;
 * the templates are the published ones (x-errors of the Kaltura API description).
 */

const TEMPLATES = {
  INTERNAL_SERVERL_ERROR: 'Internal server error occurred',
  SERVICE_NOT_SPECIFIED: 'Service name was not specified, please specify one',
  ACTION_NOT_SPECIFIED: 'Action name was not specified, please specify one',
  SERVICE_DOES_NOT_EXISTS: 'Service "@SRV_NAME@" does not exists',
  ACTION_DOES_NOT_EXISTS: 'Action "@ACTION_NAME@" does not exists for service "@SERVICE_NAME@"',
  ACTION_BLOCKED: 'Action "@ACTION_NAME@" in service "@SERVICE_NAME@" is blocked',
  SERVICE_FORBIDDEN: 'The access to service [@SERVICE@] is forbidden',
  MISSING_KS: 'Missing KS, session not established',
  INVALID_KS: 'Invalid KS "@KSID@", Error "@ERR_CODE@,@ERR_DESC@"',
  START_SESSION_ERROR: 'Error while starting session for partner [@PID@]',
  INVALID_PARTNER_ID: 'Invalid partner id "@PID@"',
  MISSING_MANDATORY_PARAMETER: 'Missing parameter "@PARAM_NAME@"',
  INVALID_ENUM_VALUE: 'Invalid enumeration value "@ENUM_VAL@" for parameter "@PARAM_NAME@", expecting enumeration type "@ENUM_TYPE@"',
  INVALID_OBJECT_TYPE: 'Invalid object type "@INVALID_OBJ_TYPE@"',
  OBJECT_TYPE_ABSTRACT: 'The object type "@OBJ_TYPE@" is abstract, use one of the object implementations',
  PROPERTY_VALIDATION_CANNOT_BE_NULL: 'The property "@PROP_NAME@" cannot be null',
  PROPERTY_VALIDATION_NOT_UPDATABLE: 'The property "@PROP_NAME@" cannot be updated',
  INVALID_FIELD_VALUE: 'value in field [@FIELD_NAME@] is not valid',
  FILE_SIZE_EXCEEDED: 'File size exceeded "@FILE_SIZE@"',
  UPLOAD_ERROR: 'Upload failed',
  UPLOAD_TOKEN_NOT_FOUND: 'Upload token not found',
  UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD: 'Upload token is in an invalid status for uploading a file, maybe the file was already uploaded',
  UPLOAD_TOKEN_INVALID_STATUS_FOR_ADD_ENTRY:
    'Upload token is in an invalid status for adding entry, maybe the a file was not uploaded or the token was used',
  UPLOAD_TOKEN_CANNOT_RESUME: 'Cannot resume the upload, original file was not found',
  UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE: 'Failed to match expected file size',
  UPLOAD_TOKEN_MISSING_FILE_SIZE: 'FileSize is mandatory when enabling autoFinalize',
  ENTRY_ID_NOT_FOUND: 'Entry id "@ENTRY_ID@" not found',
  ENTRY_ALREADY_WITH_CONTENT: 'Entry already associated with content',
  RESOURCE_TYPE_NOT_SUPPORTED: 'Resource type "@RES_TYPE@" not supported',
  INVALID_USER_ID: 'Invalid user id',
  INVALID_OBJECT_ID: 'Invalid object id [@ID@]',
  UPLOADED_FILE_NOT_FOUND_BY_TOKEN: 'The uploaded file was not found by the given token id, or was already used',
  // The sandbox's own: an action of the API that it does not simulate (not a Kaltura error).
  SANDBOX_ACTION_NOT_SIMULATED:
    'Action "@ACTION_NAME@" of service "@SERVICE_NAME@" exists in the API but is not simulated by the built-in sandbox. ' +
    'To call it, connect a Kaltura endpoint (its service URL, partner ID and admin secret) instead of the sandbox.',
  // The sandbox's own: a list filter field it cannot apply (leaving it out would answer objects that do not match).
  SANDBOX_FILTER_NOT_SIMULATED:
    'The built-in sandbox does not filter or sort by "@FIELD@" (@CLASS@): it would answer objects that do not match, or in another order. ' +
    'Leave the field out, or connect a Kaltura endpoint (its service URL, partner ID and admin secret) to use it.',
  // Public mode (public.ts): a visitor's own partner, its quotas and its expiry.
  SANDBOX_QUOTA_EXCEEDED:
    'This sandbox partner reached its quota of @QUOTA@ (@LIMIT@). Delete entries, uploads or objects you no longer need ' +
    '(media.delete, uploadToken.delete), or connect your own Kaltura account in the connection panel.',
  SANDBOX_RATE_LIMITED:
    'This sandbox partner made more than @LIMIT@ requests in a minute. Wait @RETRY_AFTER_SECONDS@ s and try again, ' +
    'or connect your own Kaltura account in the connection panel.',
  SANDBOX_PARTNER_EXPIRED:
    'Sandbox partner @PID@ was not used for @HOURS@ hours, so it was removed with all its data. ' +
    'Reload the console page: it connects you to a new sandbox partner.',
  SANDBOX_WIDGET_NOT_ALLOWED: 'On a public console, widget sessions are started only for your own sandbox partner (call with its KS).',
} as const;

export type ErrorCode = keyof typeof TEMPLATES;

export class KalturaApiError extends Error {
  readonly code: string;
  readonly args: Record<string, string>;
  /**
   * `template` gives the message of a code the sandbox does not know by itself (one the API
   * description documents); without it the code must be one of TEMPLATES.
   */
  constructor(code: ErrorCode, args?: Record<string, string | number>);
  constructor(code: string, args: Record<string, string | number>, template: string);
  constructor(code: string, args: Record<string, string | number> = {}, template?: string) {
    const strArgs: Record<string, string> = {};
    for (const [k, v] of Object.entries(args)) strArgs[k] = String(v);
    let message: string = template ?? (TEMPLATES as Record<string, string>)[code] ?? code;
    for (const [k, v] of Object.entries(strArgs)) message = message.split(`@${k}@`).join(v);
    super(message);
    this.code = code;
    this.args = strArgs;
  }

  toObject(): KalturaApiExceptionObject {
    return { code: this.code, message: this.message, objectType: 'KalturaAPIException', args: { ...this.args } };
  }
}

export interface KalturaApiExceptionObject {
  code: string;
  message: string;
  objectType: 'KalturaAPIException';
  args: Record<string, string>;
}

/** Any thrown value as a Kaltura error; unexpected ones become INTERNAL_SERVERL_ERROR (never a stack trace). */
export function toApiError(err: unknown): KalturaApiError {
  if (err instanceof KalturaApiError) return err;
  return new KalturaApiError('INTERNAL_SERVERL_ERROR');
}

export function isApiErrorObject(v: unknown): v is KalturaApiExceptionObject {
  return typeof v === 'object' && v !== null && (v as { objectType?: unknown }).objectType === 'KalturaAPIException';
}
