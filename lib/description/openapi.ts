/**
 * Builds the project's OpenAPI 3.0 document of the Kaltura services it covers from the compact
 * description in ./kaltura. Plain OpenAPI carries what generic tools understand (paths, request
 * bodies, components.schemas with allOf inheritance and objectType discriminators); `x-` keys
 * carry the Kaltura facts:
 *
 * - operations: `x-kaltura-service`, `x-kaltura-action`, `x-kaltura-parameters` (argument
 *   order), `x-requires-ks`, `x-errors` (the errors the action documents, `{code, message}`);
 *   `x-kaltura-multirequest` on the multirequest path. A plugin service
 *   is at its URL name (`/service/caption_captionasset/action/add`, operationId
 *   `captionAsset.add`), with `x-kaltura-plugin` on its operations and `x-plugin` on its tag, as
 *   in Kaltura's published description.
 * - schemas: `x-abstract` on abstract classes, `x-kaltura-class`/`x-kaltura-enum` naming the
 *   class or enum, `x-enumNames` (constant names) and `x-enumLabels` (dropdown labels) on enums,
 *   `x-enumType` on properties and parameters of an enum type (the enum is also inlined there so a
 *   form gets its choices without resolving anything), `x-insertOnly` on insert-only properties,
 *   `x-enumPartial` on an enum that lists only the common values of a long Kaltura enum.
 * - the document: `x-errors`, every error code the description uses with its message template.
 */
import { CLASSES, ROOT_CLASS } from './kaltura/classes';
import { ENUMS } from './kaltura/enums';
import { ACTION_ERRORS, ERROR_TEMPLATES } from './kaltura/errors';
import { SERVICES } from './kaltura/services';
import { type ActionSpec, type ParamSpec, type PropSpec, type ServiceSpec, serviceUrlId } from './kaltura/spec';
import type { TypeRef } from './types';
import { operationPath } from './operation-path';

export const KALTURA_API_VERSION = '19.4.0';

type Json = Record<string, unknown>;

const SCHEMA_REF = '#/components/schemas/';
const ref = (name: string): Json => ({ $ref: SCHEMA_REF + name });

/** An inline enum schema: the choices, their constant names and labels, and the enum class. */
function enumSchema(name: string): Json {
  const spec = ENUMS[name];
  if (!spec) throw new Error(`Kaltura description: unknown enum ${name}`);
  return {
    type: spec.base === 'int' ? 'integer' : 'string',
    enum: spec.values.map((v) => v[1]),
    'x-enumType': name,
    'x-enumNames': spec.values.map((v) => v[0]),
    'x-enumLabels': spec.values.map((v) => v[2] ?? v[0]),
    ...(spec.partial ? { 'x-enumPartial': true } : {}),
  };
}

const SCALARS: Record<string, Json> = {
  string: { type: 'string' },
  int: { type: 'integer' },
  float: { type: 'number' },
  bool: { type: 'boolean' },
  file: { type: 'string', format: 'binary' },
};

function checkClass(name: string): string {
  if (!CLASSES[name]) throw new Error(`Kaltura description: unknown class ${name}`);
  return name;
}

/** The schema of a value of `type`, with annotations (description, readOnly, ...). */
function typeSchema(type: TypeRef, notes: Json = {}): Json {
  const clean = Object.fromEntries(Object.entries(notes).filter(([, v]) => v !== undefined));
  switch (type.kind) {
    case 'enum':
      return { ...enumSchema(type.name), ...clean };
    case 'object':
      checkClass(type.className);
      // OpenAPI 3.0 ignores siblings of $ref: wrap it when there is something to say.
      return Object.keys(clean).length ? { allOf: [ref(type.className)], ...clean } : ref(type.className);
    case 'array':
      return { type: 'array', items: ref(checkClass(type.itemClass)), ...clean };
    case 'map':
      return {
        type: 'object',
        additionalProperties: SCALARS[type.itemClass] ? { ...SCALARS[type.itemClass] } : ref(checkClass(type.itemClass)),
        ...clean,
      };
    default:
      return { ...SCALARS[type.kind], ...clean };
  }
}

function propertySchema(prop: PropSpec): Json {
  return typeSchema(prop.type, {
    description: prop.description,
    readOnly: prop.readOnly || undefined,
    'x-insertOnly': prop.insertOnly || undefined,
    'x-inputType': prop.inputType,
  });
}

function paramSchema(param: ParamSpec): Json {
  return typeSchema(param.type, {
    description: param.description,
    default: param.default,
    'x-inputType': param.inputType,
    // JSON Schema's own keyword: the object argument must have these properties.
    required: param.requiredProperties?.length ? [...param.requiredProperties] : undefined,
  });
}

function isRequired(param: ParamSpec): boolean {
  return param.required ?? param.default === undefined;
}

/** Every class that derives from `name`, directly or not. */
function descendants(name: string): string[] {
  const out: string[] = [];
  for (const [child, spec] of Object.entries(CLASSES)) {
    const base = spec.base ?? (child === ROOT_CLASS ? undefined : ROOT_CLASS);
    if (base === name) out.push(child, ...descendants(child));
  }
  return out;
}

function classSchema(name: string): Json {
  const spec = CLASSES[name]!;
  const properties = Object.fromEntries(Object.entries(spec.properties).map(([prop, p]) => [prop, propertySchema(p)]));
  const own: Json = { type: 'object', properties };
  const schema: Json =
    name === ROOT_CLASS
      ? own // objectType is optional in requests (the declared class is used), so not required.
      : { allOf: [ref(checkClass(spec.base ?? ROOT_CLASS)), own] };
  if (spec.description) schema.description = spec.description;
  schema['x-kaltura-class'] = name;
  if (spec.abstract) schema['x-abstract'] = true;
  if (spec.plugin !== undefined) schema['x-kaltura-plugin'] = spec.plugin ?? '';
  const family = [name, ...descendants(name)].filter((c) => !CLASSES[c]!.abstract);
  if (family.length > 1 || spec.abstract) {
    schema.discriminator = {
      propertyName: 'objectType',
      mapping: Object.fromEntries(family.map((c) => [c, SCHEMA_REF + c])),
    };
  }
  return schema;
}

function enumComponent(name: string): Json {
  const spec = ENUMS[name]!;
  const schema: Json = { ...enumSchema(name), 'x-kaltura-enum': name };
  const enumPlugin = ENUMS[name]?.plugin;
  if (enumPlugin !== undefined) schema['x-kaltura-plugin'] = enumPlugin ?? '';
  delete schema['x-enumType'];
  if (spec.description) schema.description = spec.description;
  return schema;
}

const ERROR_NOTE = 'Kaltura answers errors with HTTP 200 and a KalturaAPIException (code, message, args) in place of the result.';

function operation(service: ServiceSpec, actionName: string, action: ActionSpec): Json {
  const serviceId = service.id;
  const requiresKs = action.requiresKs ?? true;
  const properties = Object.fromEntries(action.params.map((p) => [p.name, paramSchema(p)]));
  const required = action.params.filter(isRequired).map((p) => p.name);
  const bodySchema: Json = { type: 'object', properties };
  if (required.length) bodySchema.required = required;
  const op: Json = {
    operationId: `${serviceId}.${actionName}`,
    tags: [serviceId],
    summary: action.description.split(/(?<=\.)\s/)[0],
    'x-kaltura-service': serviceId,
    'x-kaltura-action': actionName,
    ...(service.plugin ? { 'x-kaltura-plugin': service.plugin } : {}),
    'x-kaltura-parameters': action.params.map((p) => p.name),
    'x-requires-ks': requiresKs,
    parameters: [{ $ref: '#/components/parameters/format' }, { $ref: '#/components/parameters/clientTag' }],
  };
  if (op.summary !== action.description) op.description = action.description;
  if (!requiresKs) op.security = [];
  if (action.params.length) {
    op.requestBody = {
      required: required.length > 0,
      content: { [action.multipart ? 'multipart/form-data' : 'application/json']: { schema: bodySchema } },
    };
  }
  const errors = action.errors ?? ACTION_ERRORS[`${serviceId}.${actionName}`];
  if (errors?.length) {
    op['x-errors'] = errors.map((code) => {
      const message = ERROR_TEMPLATES[code];
      if (!message) throw new Error(`Kaltura description: ${serviceId}.${actionName} lists unknown error ${code}`);
      return { code, message };
    });
  }
  const result = action.result;
  op.responses = {
    '200': result
      ? {
          description: `Success: the result. ${ERROR_NOTE}`,
          content: {
            'application/json': {
              schema: { oneOf: [typeSchema(result), ref('KalturaAPIException')] },
            },
          },
        }
      : { description: `Success: no result (null). ${ERROR_NOTE}` },
  };
  return op;
}

function multirequestOperation(): Json {
  return {
    operationId: 'multirequest',
    tags: ['multirequest'],
    summary: 'Several calls in one request.',
    description:
      'Sub-requests are keyed "1", "2", ... (JSON) or `1:service`, `1:action`, `1:entry:name` (form); ' +
      'ks and format apply to each. A later request may use an earlier result as {N:result:path}. ' +
      'The response is an array with one result or KalturaAPIException per sub-request.',
    'x-kaltura-service': 'multirequest',
    'x-kaltura-action': '',
    'x-kaltura-parameters': [],
    'x-kaltura-multirequest': true,
    'x-requires-ks': false,
    parameters: [{ $ref: '#/components/parameters/format' }, { $ref: '#/components/parameters/clientTag' }],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              properties: { service: { type: 'string' }, action: { type: 'string' } },
              required: ['service', 'action'],
              additionalProperties: true,
            },
          },
        },
      },
    },
    responses: {
      '200': {
        description: 'One result or error per sub-request, in order.',
        content: { 'application/json': { schema: { type: 'array', items: {} } } },
      },
    },
  };
}

let built: Json | undefined;

/** The OpenAPI 3.0 document of the Kaltura services this project describes (a fresh copy). */
export function buildKalturaOpenApi(): Json {
  built ??= buildDocument();
  return structuredClone(built);
}

function buildDocument(): Json {
  const paths: Json = {};
  for (const service of SERVICES) {
    for (const [actionName, action] of Object.entries(service.actions)) {
      paths[operationPath(serviceUrlId(service), actionName)] = {
        post: operation(service, actionName, action),
      };
    }
  }
  paths['/service/multirequest'] = { post: multirequestOperation() };

  const schemas: Json = {};
  for (const name of Object.keys(CLASSES)) schemas[name] = classSchema(name);
  for (const name of Object.keys(ENUMS)) schemas[name] = enumComponent(name);

  return {
    openapi: '3.0.3',
    info: {
      title: 'Kaltura API (recipe console subset)',
      version: KALTURA_API_VERSION,
      description:
        'The Kaltura services the recipe console and its sandbox use, described by the project ' +
        '(facts from the Kaltura API 19.4 description).',
    },
    servers: [{ url: '/api_v3', description: 'The built-in sandbox, or any Kaltura endpoint' }],
    tags: [
      ...SERVICES.map((s) => ({ name: s.id, description: s.description, ...(s.plugin ? { 'x-plugin': s.plugin } : {}) })),
      { name: 'multirequest', description: 'Several calls in one request.' },
    ],
    security: [{ ks: [] }],
    'x-errors': Object.entries(ERROR_TEMPLATES).map(([code, message]) => ({ code, message })),
    paths,
    components: {
      securitySchemes: {
        ks: {
          type: 'apiKey',
          in: 'query',
          name: 'ks',
          description: 'A session key (KS) made by session.start.',
        },
      },
      parameters: {
        format: {
          name: 'format',
          in: 'query',
          description: 'Response format: 1 JSON, 2 XML (the default when absent), 3 PHP.',
          schema: { type: 'integer', enum: [1, 2, 3], 'x-enumNames': ['JSON', 'XML', 'PHP'], 'x-enumLabels': ['JSON', 'XML', 'PHP'] },
          'x-consoleDefault': 1,
        },
        clientTag: {
          name: 'clientTag',
          in: 'query',
          description: 'Free text identifying the client (only logged).',
          schema: { type: 'string' },
        },
      },
      schemas,
    },
  };
}
