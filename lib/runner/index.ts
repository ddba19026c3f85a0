/** The step runner's framework-free core: shared state, how a step is executed, expect checks, entry polling, dropdown choices. */
export { createRunnerStore, RUNNER_KEY_PREFIX } from './runner-state';
export type { RunnerState, RunnerStore, RunnerStoreOptions, StepRunState, StepStatus } from './runner-state';
export { executeStep, lazyExecutor } from './execute-step';
export type { StepExecution, StepExecutor, StepProgress } from './execute-step';
// The headless runner (run-recipe.ts, behind recipes:test) is imported directly: it loads ajv
// statically, which the page keeps out of its first bundle.
export { checkExpectation, checkExpectations } from './expect';
export type { ExpectOutcome } from './expect';
export { asEntry, isProcessing, hasFailed, pollEntry, checkEntry } from './entry-status';
export { loadEnumChoices, loadFieldChoices } from './dynamic-enum';
export { givenValue, valueFromText, valueFlag, userPath } from './given-values';
