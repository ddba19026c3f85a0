/** Forms: merge a step with the API description, initial values, dynamic values, validation. */
export * from './types';
export { buildForm, optionText, objectFields, currentClass, walkFields } from './build';
export { initialValues, initialScalar, resolveValues, toAnswers, isFileValue, isEmpty, coerceToKind } from './values';
export type { ResolvedValues, DynamicState } from './values';
export { resolveDynamic, describeSource, runFirstMessage, isBlockedError } from './dynamic';
export type { DynamicRef } from './dynamic';
export { getPath, setPath, hasPath, splitPath } from './paths';
export { formJsonSchema } from './schema';
export { validateValues, pruneEmpty } from './validate';
