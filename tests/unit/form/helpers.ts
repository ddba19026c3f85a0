/** Test helpers: steps built the way the parser builds them. */
import type { ApiCall, Parameter, SchemaNode, Step } from '@/lib/recipe/types';

const R = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

type NodeIn = Omit<Partial<SchemaNode>, 'properties' | 'items'> & { properties?: Record<string, NodeIn>; items?: NodeIn };

export function node(n: NodeIn = {}): SchemaNode {
  const out: SchemaNode = { ...(n as object), extra: n.extra ?? {}, range: R } as SchemaNode;
  if (n.properties) out.properties = Object.fromEntries(Object.entries(n.properties).map(([k, v]) => [k, node(v)]));
  if (n.items) out.items = node(n.items);
  if (n.dynamicValue) out.dynamicValue = { ...n.dynamicValue, range: R };
  return out;
}

export function param(p: Omit<Partial<Parameter>, 'schema'> & { name: string; schema?: NodeIn | undefined }): Parameter {
  const out = { ...(p as object), extra: p.extra ?? {}, range: R } as Parameter;
  if (p.schema) out.schema = node(p.schema);
  if (p.dynamicValue) out.dynamicValue = { ...p.dynamicValue, range: R };
  return out;
}

export function step(index: number, call: (Partial<ApiCall> & { path?: string }) | undefined): Step {
  const apiCall: ApiCall | undefined = call
    ? {
        method: 'post',
        parameters: [],
        ignoreParameters: [],
        disableSetupCode: false,
        extra: {},
        range: R,
        headingRange: R,
        ...call,
      }
    : undefined;
  return { index, title: `Step ${index + 1}`, range: R, prose: '', ...(apiCall ? { apiCall } : {}), samples: [], languages: [] };
}
