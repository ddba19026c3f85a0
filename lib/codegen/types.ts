/**
 * The code generator interface: one module per language (lib/codegen/lang/*) implements
 * `LanguageGenerator` over the request model (lib/request/types.ts) and the API description.
 */
import type { ApiDescription } from '../description/types';
import type { Connection, RequestModel } from '../request/types';
import type { PortalLanguage } from '../recipe/types';

export type LanguageId = PortalLanguage;

export interface CodegenContext {
  /** Argument order, defaults, result types. Without it the model's own order is used. */
  api?: ApiDescription | undefined;
  connection: Connection;
  /** Include client set-up and session start (single-step samples; programs always have it). */
  setup: boolean;
  /** `masked` (default in the UI): the admin secret and the KS never appear in the output. */
  secrets: 'masked' | 'shown';
  /** Path that generated code opens for a file parameter (overrides the model's file path). */
  filePath?: string;
  /**
   * Single steps: the paths of this step's result that later steps of the recipe read (their
   * dynamicValue `value`s, from `laterReads`): the sample prints each one its usual lines do not
   * (`objects.0.version: 3`), so a reader running the steps one by one sees what to pass on.
   * Whole programs find them in their models.
   */
  reads?: readonly string[] | undefined;
}

export interface LanguageGenerator {
  id: LanguageId;
  /** Tab label. */
  label: string;
  /** File extension of a saved whole-recipe program, without the dot. */
  fileExtension: string;
  /** shiki grammar id used to highlight this language. */
  shikiLang: 'javascript' | 'typescript' | 'csharp' | 'shellscript' | 'java' | 'php' | 'python' | 'ruby' | 'swift';
  /** tree-sitter grammar (tree-sitter-wasms name) that parses this language, for tests. */
  grammar: 'javascript' | 'typescript' | 'c_sharp' | 'bash' | 'java' | 'php' | 'python' | 'ruby' | 'swift';
  /** One step's call. Refs print their live resolved value (or a placeholder when not yet run). */
  step(model: RequestModel, ctx: CodegenContext): string;
  /** A complete program performing every model in order, chaining refs through variables. */
  program(models: RequestModel[], ctx: CodegenContext): string;
}

/** Visible stand-ins for masked secrets. */
export const SECRET_PLACEHOLDER = 'YOUR_ADMIN_SECRET';
export const KS_PLACEHOLDER = 'YOUR_KS';
export const PARTNER_PLACEHOLDER = 0;
