/**
 * The form model: what a step's parameter form shows, built by `buildForm` from the step's
 * `parameters` merged with the operation of the API description. Plain data (JSON-serialisable),
 * framework-free; the React form and the request builder both read it.
 */
import type { DynamicEnum, DynamicValue, InputType, SecretName } from '@/lib/recipe/types';

/** The data type of a field's value. */
export type FieldKind = 'string' | 'int' | 'float' | 'bool' | 'enum' | 'object' | 'array' | 'file' | 'json';

/** How the field is shown. */
export type Widget = 'text' | 'textarea' | 'password' | 'number' | 'checkbox' | 'select' | 'file' | 'object' | 'array' | 'json' | 'hidden';

export interface EnumOption {
  value: string | number | boolean;
  /** The label alone (`VIDEO`); a dropdown item reads `optionText(o)` = `VIDEO [1]`. */
  label: string;
  /** The enum constant (`VIDEO`) when the option comes from a Kaltura enum. */
  constant?: string;
}

export interface FormField {
  /** Dotted path in the form values: `uploadTokenId`, `body.entry.mediaType`. */
  path: string;
  /** The last segment: the parameter or property name. */
  name: string;
  /** The operation parameter this field is (top-level fields only; absent for custom inputs). */
  param?: string;
  label: string;
  kind: FieldKind;
  widget: Widget;
  description?: string | undefined;
  required: boolean;
  /** Not shown; its value is still sent. */
  hidden: boolean;
  /** Not an operation parameter: an input for samples and later steps only (never sent). */
  custom: boolean;
  readOnly: boolean;
  /** Shared by every step that has a parameter of this name. */
  global: boolean;
  /** A value that is a credential (the admin secret, a KS): masked in samples. */
  secret: boolean;
  inputType?: InputType;
  fromSecrets?: SecretName;
  consoleDefault?: unknown;
  default?: unknown;
  dynamicValue?: DynamicValue;
  dynamicEnum?: DynamicEnum;
  /** Dropdown items (enums, and booleans written as `enum: [false, true]`). */
  options?: EnumOption[];
  /** The Kaltura enum class (`KalturaMediaType`) when the value is one of its members. */
  enumType?: string;
  /** For objects: the declared class (`KalturaResource`, may be abstract). */
  className?: string;
  /** For objects: the concrete classes to choose from (first = initial choice). */
  subclasses?: string[];
  /** For objects: the class preset by the recipe (`objectType` consoleDefault); shown read-only. */
  presetClass?: string;
  /** For objects: the property fields of each concrete class ('' when the object has no class). */
  fieldsByClass?: Record<string, FormField[]>;
  /** For arrays: the item template (its path ends in `.#`). */
  item?: FormField;
  itemClass?: string;
}

export interface FormModel {
  stepIndex: number;
  /** Canonical service/action of the operation (from the description, or parsed from the path). */
  service?: string;
  action?: string;
  /** The service as the URL names it, when it differs (plugin services); see Operation.serviceId. */
  serviceId?: string;
  /** The client plugin of the service (`metadata`). */
  plugin?: string;
  /** The operation's parameter names in argument order (when the description knows it). */
  paramOrder: string[];
  /** Whether the operation needs a KS. */
  requiresKs: boolean;
  /** Whether the operation is known to the API description. */
  known: boolean;
  /** Top-level fields: one per parameter (body properties flattened, their paths under `body.`). */
  fields: FormField[];
  /** Notes about the merge (unknown operation, unknown parameter...), shown above the form. */
  notes: string[];
}

/** The values of a form: a tree keyed like the field paths (`{ body: { entry: { name } } }`). */
export type FormValues = Record<string, unknown>;

/** A picked file, as stored in form values; the bytes live outside (a path -> Blob map). */
export interface FileValue {
  kind: 'file';
  name: string;
  size: number;
  mimeType?: string;
  /** A path for generated code (`--file PATH`). */
  path?: string;
}

export interface FieldError {
  /** Field path (`body.entry.mediaType`), or '' for the whole form. */
  path: string;
  message: string;
  /**
   * Set when the value comes from an earlier step (0-based) that has not succeeded yet ("Run step
   * N first"): nothing is wrong with the value itself, the step is blocked until that one runs.
   */
  blockedBy?: number;
}

/** What a step produced, as far as later steps are concerned. */
export interface StepOutcome {
  /** True only when the call succeeded (no Kaltura error). */
  ok: boolean;
  /** The parsed JSON response. */
  response?: unknown;
  /** The inputs submitted in that run (the form values with dynamic values resolved). */
  answers?: Record<string, unknown>;
}

/** Outcomes by 0-based step index. */
export type StepResults = Record<number, StepOutcome | undefined>;

export type DynamicResolution =
  | { status: 'ok'; value: unknown }
  /** The source step has not succeeded yet. */
  | { status: 'blocked'; fromStep: number; message: string }
  /** The source step succeeded but the path leads nowhere. */
  | { status: 'missing'; fromStep: number; message: string };
