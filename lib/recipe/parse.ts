/**
 * parseRecipe: recipe markdown -> the typed model of ./types, with located diagnostics.
 * Never throws; runs in the browser and in Node (no file system access).
 *
 * Reading is split by concern: ./parse-sections (title, steps, subsections), ./parse-metadata,
 * ./parse-api-call, ./parse-samples. The rules of ./rules that check the parsed recipe run after.
 */
import type { ApiDescription } from '../description/types';
import { LineIndex } from './lines';
import { runRules, type LintRule } from './lint';
import { emptyMetadata } from './parse-metadata';
import { describeError } from './parse-report';
import { RecipeParser } from './parse-sections';
import { LINT_RULES } from './rules';
import { internalError } from './rules/internal-error';
import type { Recipe } from './types';

export { emptyMetadata } from './parse-metadata';
export { SAMPLE_LANGUAGES } from './parse-samples';

export interface ParseOptions {
  /** The API description: enables the rules that check paths and parameters against it. */
  api?: ApiDescription | undefined;
  /** Extra lint rules to run after the built-in ones. */
  rules?: LintRule[];
}

export function parseRecipe(source: string, options: ParseOptions = {}): Recipe {
  let text = '';
  try {
    text = typeof source === 'string' ? source : source == null ? '' : String(source);
  } catch {
    text = '';
  }
  let lines: LineIndex | undefined;
  try {
    lines = new LineIndex(text);
    const parser = new RecipeParser(text, lines);
    const recipe = parser.parse();
    const extra = runRules({ recipe, source: text, api: options.api, lines, origins: parser.origins }, [
      ...LINT_RULES,
      ...(options.rules ?? []),
    ]);
    recipe.diagnostics.push(...extra);
    recipe.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    return recipe;
  } catch (err) {
    const r = lines ? lines.span(0, lines.ends[0] ?? 0) : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    return {
      title: '',
      metadata: emptyMetadata(),
      intro: '',
      steps: [],
      diagnostics: [
        {
          severity: internalError.severity,
          rule: internalError.id,
          message: `The recipe could not be read because of an internal error in the parser (${describeError(err)}). Please report it with this file; meanwhile check the recipe around recent changes.`,
          line: r.start.line,
          column: r.start.column,
          endLine: r.end.line,
          endColumn: r.end.column,
        },
      ],
    };
  }
}
