/**
 * The recipe model: what `parseRecipe(source)` returns. Framework-free, JSON-serialisable
 * (no class instances, no functions), so it can cross the server/client boundary as props.
 *
 * Positions are 1-based lines and columns into the `.md` source, plus a 0-based UTF-16 offset.
 */

export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** A sentence that says what is wrong and how to fix it. */
  message: string;
  /** Stable rule id, e.g. `json-syntax`, `unknown-key`, `from-step-later`. */
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based index of the step the problem belongs to, when it belongs to one. */
  stepIndex?: number;
}

export interface RecipeMetadata {
  summary?: string;
  icon?: string;
  sortOrder?: number;
  tags: string[];
  keywords: string[];
  hidden: boolean;
  relatedRecipes: string[];
  /** URL of another OpenAPI document that describes this recipe's operations (optional). */
  openapi?: string;
  /** `x-` keys and anything else that was kept (unknown keys are reported as warnings). */
  extra: Record<string, unknown>;
}

export interface DynamicValue {
  fromStep: number;
  /** Path into the response of step `fromStep` (`objects.0.id`). Exactly one of value/answer is set. */
  value?: string;
  /** Path into the inputs the user submitted in step `fromStep` (`body.filter.entryIdEqual`). */
  answer?: string;
  range: Range;
}

export interface DynamicEnum {
  path: string;
  method?: string;
  /** Path of the list inside that call's response. */
  array?: string;
  /** Path inside each item of the value / the label. */
  value?: string;
  label?: string;
  parameters: Array<{ name: string; value: unknown }>;
}

export type InputType = 'text' | 'textarea' | 'number' | 'dropdown' | 'checkboxes' | 'file';
export type SecretName = 'partnerId' | 'secret' | 'userId' | 'ks';

/**
 * The annotation keys that may appear on a parameter entry and on any property inside `schema`.
 * `x-` prefixed spellings are normalised into these fields (the bare key wins when both exist).
 */
export interface Annotations {
  type?: string;
  enum?: unknown[];
  enumLabels?: string[];
  description?: string;
  default?: unknown;
  consoleDefault?: unknown;
  hidden?: boolean;
  custom?: boolean;
  fromSecrets?: SecretName;
  inputType?: InputType;
  /** `null` in the source means "none" and is normalised to undefined. */
  dynamicValue?: DynamicValue;
  dynamicEnum?: DynamicEnum;
  global?: boolean;
}

/** A JSON-Schema node from a recipe's `schema`, with annotations normalised. */
export interface SchemaNode extends Annotations {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  /** Every other key as written (minus x- annotation keys already normalised). */
  extra: Record<string, unknown>;
  range: Range;
}

export type ParameterLocation = 'body' | 'query' | 'formData' | 'path' | 'header';

export interface Parameter extends Annotations {
  name: string;
  in?: ParameterLocation;
  schema?: SchemaNode;
  required?: boolean;
  /** Other keys as written (x- keys that are not annotations, and unknown keys). */
  extra: Record<string, unknown>;
  range: Range;
}

/** One check of an `expect` entry (all of an entry's checks must hold). */
export type ExpectCheck =
  | { op: 'equals'; value: unknown }
  | { op: 'notEquals'; value: unknown }
  | { op: 'oneOf'; values: unknown[] }
  | { op: 'exists'; value: boolean }
  | { op: 'matches'; pattern: string }
  | { op: 'min'; value: number }
  | { op: 'max'; value: number };

/** One entry of an API Call's `expect`: a path into the response and what must hold there. */
export interface Expectation {
  /** The key as written: `status`, `objects.0.id`, `$.objects[0].id`, `$`. */
  path: string;
  /** The path's segments (array indexes as digits); [] is the whole response. */
  segments: string[];
  checks: ExpectCheck[];
  /** Range of the key, and of its value. */
  range: Range;
  valueRange: Range;
}

export interface ApiCall {
  method?: string;
  /** The operation, e.g. `/service/media/action/add`. Absent for input-only blocks. */
  path?: string;
  parameters: Parameter[];
  ignoreParameters: string[];
  disableSetupCode: boolean;
  /** What the response must hold (`expect`, see lib/recipe/expect.ts); absent when not given. */
  expect?: Expectation[];
  extra: Record<string, unknown>;
  /** Range of the fenced block (the JSON text). */
  range: Range;
  headingRange: Range;
}

export const PORTAL_LANGUAGES = ['ajax', 'angular', 'csharp', 'curl', 'java', 'node', 'php', 'php53', 'python', 'ruby', 'swift'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];
/** Languages real recipes also use for hand-written samples (never generated). */
export const EXTRA_SAMPLE_LANGUAGES = ['html', 'javascript', 'typescript'] as const;

export interface Sample {
  /** Lower-cased language from the `### Sample Code (<language>)` title. */
  language: string;
  /** True when the body is exactly `auto` or empty: generate this language. */
  auto: boolean;
  /** The hand-written body (empty when auto). */
  code: string;
  /** The fence's own tag, for highlighting a hand-written sample. */
  fenceLang?: string;
  range: Range;
}

export interface Demo {
  html: string;
  range: Range;
}

export interface Step {
  /** 0-based, as `fromStep` counts. Shown to users as `Step ${index + 1}`. */
  index: number;
  title: string;
  /** Range of the `## ` heading. */
  range: Range;
  /** Markdown of the step's prose: everything but the special subsections, in order. */
  prose: string;
  apiCall?: ApiCall;
  /** Sample Code blocks as written, in file order. */
  samples: Sample[];
  /**
   * The languages the step offers: with no Sample Code block, every PORTAL_LANGUAGES entry as auto
   * when the step calls an operation (its API Call has a `path`), none when it has nothing to
   * generate from; else exactly the blocks' languages (the first block per language; unknown
   * languages and `auto` blocks of html/javascript/typescript are left out and reported).
   */
  languages: Sample[];
  demo?: Demo;
}

export interface Recipe {
  title: string;
  titleRange?: Range;
  metadata: RecipeMetadata;
  metadataRange?: Range;
  /** Markdown between the title and the first step. */
  intro: string;
  steps: Step[];
  /** Markdown of a last `## Finish` section, when there is one. */
  finish?: string;
  diagnostics: Diagnostic[];
}
