/** The step runner's framework-free core: shared state and how a step is executed. */
export { createRunnerStore, RUNNER_KEY_PREFIX } from './store';
export type { RunnerState, RunnerStore, RunnerStoreOptions, StepRunState, StepStatus } from './store';
export { executeStep, setStepExecutor, hasFileParam } from './execute-step';
export type { StepExecution, StepExecutor, StepProgress } from './execute-step';
