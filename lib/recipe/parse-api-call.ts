/** An `### API Call` block: its JSON, checked against the schema, read into the ApiCall model. */
import { readExpect } from './expect';
import { parseJson, type JsonNode } from './json';
import type { Block } from './markdown';
import { Normalizer, setOwn, value } from './normalize';
import { describeError, type ReadState } from './parse-report';
import { internalError } from './rules/internal-error';
import { jsonSyntax } from './rules/json-syntax';
import type { ApiCall, Step } from './types';
import { validateBlock } from './validate';

/**
 * Reads the fenced block `b` (under the heading `heading`) of `md` as the API Call of `step`. A
 * failure of the reader itself leaves the step without a call and reports it; it never throws.
 */
export function readApiCall(md: string, b: Block, heading: Block, step: Step, state: ReadState): void {
  try {
    const call = read(md, b, heading, step, state);
    if (call) step.apiCall = call;
  } catch (err) {
    delete step.apiCall;
    state.out.report(
      internalError,
      `This API Call block could not be read because of an internal error (${describeError(err)}); the rest of the recipe still works. Please report it.`,
      b.start,
      state.lines.lineEndOf(b.start),
      step.index,
    );
  }
}

function read(md: string, b: Block, heading: Block, step: Step, { lines, out, origins }: ReadState): ApiCall | undefined {
  const c = b.code!;
  const base = c.contentStart;
  const json = md.slice(c.contentStart, Math.max(c.contentStart, c.contentEnd));
  const parsed = parseJson(json);
  if (parsed.error) {
    const e = parsed.error;
    out.report(
      jsonSyntax,
      `Invalid JSON in the API Call block of step ${step.index + 1}: ${e.message}`,
      base + e.offset,
      base + e.offset + e.length,
      step.index,
    );
  } else {
    out.problems(validateBlock('apiCall', parsed.value, parsed.root), base, step.index);
  }
  const root = parsed.root;
  if (!root || root.type !== 'object') return undefined;
  const norm = new Normalizer(lines, base, origins);
  const call: ApiCall = {
    parameters: [],
    ignoreParameters: [],
    disableSetupCode: false,
    extra: {},
    range: lines.range(c.contentStart, Math.max(c.contentStart, c.contentEnd)),
    headingRange: lines.range(heading.start, heading.end),
  };
  for (const [k, e] of norm.entries(root)) {
    if (!e.value) continue;
    const v = value(e.value);
    switch (k) {
      case 'method':
        if (typeof v === 'string') call.method = v;
        break;
      case 'path':
        if (typeof v === 'string') call.path = v;
        break;
      case 'parameters':
        if (e.value.type === 'array') {
          for (const pn of e.value.children ?? []) {
            const p = norm.parameter(pn as JsonNode);
            if (p) call.parameters.push(p);
          }
        }
        break;
      case 'ignoreParameters':
        if (Array.isArray(v)) call.ignoreParameters = v.filter((s): s is string => typeof s === 'string');
        break;
      case 'disableSetupCode':
        call.disableSetupCode = v === true;
        break;
      case 'expect': {
        const x = readExpect(e.value, norm);
        out.problems(x.problems, base, step.index);
        if (x.expectations.length > 0) call.expect = x.expectations;
        break;
      }
      default:
        setOwn(call.extra, k, v);
    }
  }
  out.problems(norm.problems, base, step.index);
  origins.set(call, { node: root, base });
  return call;
}
