/**
 * `mergeDescriptions([a, b, ...])`: one ApiDescription that answers from each in turn. An
 * operation, class or enum found in an earlier description wins over one of the same name in a
 * later one (so `RECIPES_API=./overrides.json,kaltura.json` lets the first file correct the second).
 */
import { describeParts } from './description';
import type { ApiDescription, ApiError, ClassDef, EnumDef, Operation } from './types';

export function mergeDescriptions(descriptions: ApiDescription[]): ApiDescription {
  if (descriptions.length === 1) return descriptions[0]!;
  const operations: Operation[] = [];
  const seenOps = new Set<string>();
  const classes: ClassDef[] = [];
  const enums: EnumDef[] = [];
  const problems: string[] = [];
  const errors: ApiError[] = [];
  const seenErrors = new Set<string>();
  for (const d of descriptions) {
    for (const op of d.operations()) {
      const key = `${op.method ?? 'post'} ${op.path.toLowerCase()}`;
      if (seenOps.has(key)) continue;
      seenOps.add(key);
      operations.push(op);
    }
    classes.push(...(d.classes?.() ?? []));
    enums.push(...(d.enums?.() ?? []));
    problems.push(...(d.problems ?? []));
    for (const e of d.errorCatalog?.() ?? []) {
      if (seenErrors.has(e.code)) continue;
      seenErrors.add(e.code);
      errors.push(e);
    }
  }
  // describeParts keeps the first class or enum of each name.
  return describeParts({ document: descriptions[0]?.document ?? {}, operations, classes, enums, problems, errors });
}
