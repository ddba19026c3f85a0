export * from './types';
export { parseRecipe, SAMPLE_LANGUAGES, emptyMetadata, type ParseOptions } from './parse';
export {
  BUILTIN_RULES, fromStepRule, enumLabelsRule, unknownPathRule, unknownParameterRule, forEachAnnotated, diagnostic,
  type LintRule, type LintContext,
} from './rules';
export { fromStepPathRule, defaultValueRule, unknownPropertyRule, API_RULES } from './rules-api';
export { proseClassRule, PROSE_RULES } from './rules-prose';
export { fillPlaceholders } from './placeholders';
export { ANNOTATION_KEYS } from './normalize';
export { nearest, editDistance } from './suggest';
export { default as apiCallSchema } from './schemas/api-call.schema.json';
export { default as metadataSchema } from './schemas/metadata.schema.json';
export { clearBlockCache } from './markdown';
