/**
 * Reading an OpenAPI / Swagger document, part 2: paths and operations (service and action names,
 * parameters from query, formData, body and `x-kaltura-parameters`, results, errors, plugins), on
 * top of the schemas of read-schemas.ts; `build()` indexes it all into an ApiDescription.
 */
import { parseOperationPath } from './operation-path';
import { Description } from './indexed';
import { SchemaReader } from './read-schemas';
import { arr, BODY_TYPES, COMMON_PARAMS, HTTP_METHODS, isObject, type Json, str, cleanDescription } from './read-json';
import type { ApiDescription, ApiError, Operation, OperationParam, TypeRef } from './types';

export class Reader extends SchemaReader {
  build(): ApiDescription {
    this.readSwaggerEnums();
    this.readSchemas();
    this.readPaths();
    return new Description(this.doc, this.operations, this.classes, this.enums, this.problems, undefined, false, undefined, this.catalog());
  }

  private readPaths(): void {
    const paths = this.root.paths;
    if (paths === undefined) {
      if (isObject(this.doc)) this.problems.push('The document has no "paths": it describes no operations.');
      return;
    }
    if (!isObject(paths)) {
      this.problems.push('"paths" is not an object: no operations were read.');
      return;
    }
    const docSecurity = Array.isArray(this.root.security) && this.root.security.length > 0;
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) {
        this.problems.push(`Path "${path}" is not an object; it is ignored.`);
        continue;
      }
      const methods = HTTP_METHODS.filter((m) => isObject(item[m]));
      if (!methods.length) {
        this.problems.push(`Path "${path}" has no operation; it is ignored.`);
        continue;
      }
      for (const method of methods) {
        try {
          this.operations.push(this.readOperation(path, method, item, item[method] as Json, docSecurity));
        } catch (e) {
          // Defensive: a document shape nobody foresaw must not break the rest.
          this.problems.push(`${method.toUpperCase()} ${path} could not be read: ${(e as Error)?.message ?? String(e)}`);
        }
      }
    }
  }

  private readOperation(path: string, method: string, item: Json, op: Json, docSecurity: boolean): Operation {
    const where = `Operation ${method.toUpperCase()} ${path}`;
    const { service, action } = this.names(path, method, op);

    // Candidates in natural order: parameters (path-item then operation), then body properties.
    const candidates = new Map<string, OperationParam & { order: number }>();
    let multipart = false;
    const add = (param: OperationParam) => {
      if (!candidates.has(param.name)) candidates.set(param.name, { ...param, order: candidates.size });
    };
    const order = arr(op['x-kaltura-parameters']).filter((n): n is string => typeof n === 'string');
    const listed = new Set(order);
    /** Common parameters (ks, format, x-global ones): only kept when the action lists them. */
    const globals: OperationParam[] = [];

    for (const rawParam of [...arr(item.parameters), ...arr(op.parameters)]) {
      let param = rawParam;
      let viaRef = false;
      if (isObject(param) && typeof param.$ref === 'string') {
        viaRef = true;
        param = this.resolvePointer(param.$ref, where);
      }
      if (!isObject(param)) continue;
      const name = str(param.name);
      if (!name) continue;
      const location = str(param.in);
      if (location === 'header' || location === 'cookie') continue;
      if (location === 'body') {
        if (param['x-global'] === true) continue; // responseProfile and the like
        this.bodyParams(param.schema, `${service}.${action}`, where, add, param.required === true);
        continue;
      }
      if (location === 'formData' && param.type === 'file') multipart = true;
      const isGlobal = param['x-global'] === true || (viaRef && COMMON_PARAMS.has(name)) || name === 'ks';
      if (isGlobal && !listed.has(name)) continue;
      const schema = isObject(param.schema) ? { ...param, ...param.schema } : param;
      const read = this.param(name, schema, param.required === true, `${service}.${action}.${name}`);
      if (isGlobal) globals.push(read);
      else add(read);
    }

    const body = op.requestBody;
    if (body !== undefined) {
      const resolved = isObject(body) && typeof body.$ref === 'string' ? this.resolvePointer(body.$ref, where) : body;
      if (isObject(resolved) && isObject(resolved.content)) {
        const content = resolved.content;
        const type = BODY_TYPES.find((t) => isObject(content[t])) ?? Object.keys(content).find((t) => isObject(content[t]));
        if (type) {
          if (type === 'multipart/form-data') multipart = true;
          this.bodyParams((content[type] as Json).schema, `${service}.${action}`, where, add, resolved.required === true);
        }
      } else {
        this.problems.push(`${where}: requestBody has no content; its parameters are unknown.`);
      }
    }

    for (const g of globals) add(g);
    const ranked = [...candidates.values()];
    if (listed.size) {
      const rank = (n: string) => {
        const i = order.indexOf(n);
        return i < 0 ? order.length : i;
      };
      ranked.sort((a, b) => rank(a.name) - rank(b.name) || a.order - b.order);
    }
    const params: OperationParam[] = ranked.map(({ order: _order, ...p }) => p);

    const xRequires = op['x-requires-ks'];
    const requiresKs = typeof xRequires === 'boolean' ? xRequires : Array.isArray(op.security) ? op.security.length > 0 : docSecurity;

    const operation: Operation = {
      path,
      service,
      action,
      params,
      requiresKs,
    };
    const serviceId = parseOperationPath(path)?.service;
    if (serviceId && serviceId.toLowerCase() !== service.toLowerCase()) operation.serviceId = serviceId;
    const plugin = this.pluginOf(op, service, serviceId);
    if (plugin) operation.plugin = plugin;
    if (method !== 'post') operation.method = method;
    const summary = str(op.summary);
    if (summary) operation.summary = summary;
    const description = str(op.description);
    if (description) operation.description = description;
    const result = this.result(op, `${service}.${action}.result`, where);
    if (result) operation.result = result;
    const errors = this.errors(op);
    if (errors.length) operation.errors = errors;
    if (op['x-kaltura-multirequest'] === true || service.toLowerCase() === 'multirequest') operation.multirequest = true;
    if (multipart || params.some((p) => p.type.kind === 'file')) operation.multipart = true;
    return operation;
  }

  /**
   * The errors an operation documents: `x-errors` (a list of `{code, message}`, the project's own
   * documents) or Swagger `responses.x-Errors.description` (Kaltura's published document: a markdown
   * list of `` * `CODE`: message `` lines).
   */
  private errors(op: Json): ApiError[] {
    const out: ApiError[] = [];
    for (const e of arr(op['x-errors'])) {
      if (isObject(e) && typeof e.code === 'string' && e.code) out.push({ code: e.code, message: str(e.message) ?? e.code });
    }
    const responses = isObject(op.responses) ? op.responses : {};
    const listed = isObject(responses['x-Errors']) ? str(responses['x-Errors'].description) : undefined;
    if (listed) {
      // One error per `* `CODE`: message` item; a message may run over several lines.
      for (const m of listed.matchAll(/^\* `([A-Za-z0-9_]+)`:[ \t]*([\s\S]*?)(?=^\* `|(?![\s\S]))/gm)) {
        out.push({ code: m[1]!, message: m[2]!.trim() || m[1]! });
      }
    }
    return out;
  }

  /** Tag name (lower case) -> its `x-plugin`, read once. */
  private pluginTags?: Map<string, string>;

  /** The client plugin of an operation: `x-kaltura-plugin`, else its tag's `x-plugin`. */
  private pluginOf(op: Json, service: string, serviceId: string | undefined): string | undefined {
    const own = str(op['x-kaltura-plugin']);
    if (own) return own;
    if (!this.pluginTags) {
      this.pluginTags = new Map();
      for (const t of arr(this.root.tags)) {
        if (isObject(t) && typeof t.name === 'string' && typeof t['x-plugin'] === 'string')
          this.pluginTags.set(t.name.toLowerCase(), t['x-plugin']);
      }
    }
    for (const tag of [...arr(op.tags), service]) {
      const plugin = typeof tag === 'string' ? this.pluginTags.get(tag.toLowerCase()) : undefined;
      if (plugin) return plugin;
    }
    // Without tags, a plugin service is still recognisable by its path: `{plugin}_{service}`.
    const m = serviceId ? /^([a-z0-9]+)_([a-z0-9]+)$/i.exec(serviceId) : null;
    return m && m[2]!.toLowerCase() === service.toLowerCase() ? m[1] : undefined;
  }

  /** Canonical service and action names: x-kaltura-*, then operationId, then the path. */
  private names(path: string, method: string, op: Json): { service: string; action: string } {
    const match = parseOperationPath(path);
    const opId = str(op.operationId);
    const dot = opId ? opId.indexOf('.') : -1;
    let service = str(op['x-kaltura-service']);
    let action = str(op['x-kaltura-action']);
    if (service === undefined) {
      if (opId && dot > 0) service = opId.slice(0, dot);
      else if (match) service = match.service;
      else service = str(arr(op.tags)[0]) ?? path.split('/').filter(Boolean)[0] ?? '';
    }
    if (action === undefined) {
      if (opId && dot > 0) action = opId.slice(dot + 1);
      else if (match) action = match.action ?? '';
      else action = opId ?? method;
    }
    return { service: service!, action: action! };
  }

  /** Body properties as parameters; a body that is a class as a whole is one parameter `body`. */
  private bodyParams(raw: unknown, context: string, where: string, add: (p: OperationParam) => void, bodyRequired = false): void {
    const schema = raw;
    if (isObject(schema) && typeof schema.$ref === 'string') {
      const type = this.refType(schema.$ref, where);
      add({ name: 'body', type, required: bodyRequired });
      return;
    }
    if (!isObject(schema)) return;
    if (!isObject(schema.properties)) {
      if (isObject(schema.additionalProperties) || schema.additionalProperties === true) return; // free-form
      if (schema.type && schema.type !== 'object')
        add({ name: 'body', type: this.typeOf(schema, `${context}.body`), required: bodyRequired });
      return;
    }
    const required = new Set(arr(schema.required).filter((n): n is string => typeof n === 'string'));
    for (const [name, ps] of Object.entries(schema.properties)) {
      add(this.param(name, isObject(ps) ? ps : {}, required.has(name), `${context}.${name}`));
    }
  }

  private param(name: string, s: Json, required: boolean, context: string): OperationParam {
    const type = s.type === 'file' ? ({ kind: 'file' } as TypeRef) : this.typeOf(s, context);
    const param: OperationParam = { name, type, required };
    if (s.default !== undefined) param.default = s.default;
    const description = cleanDescription(s.description);
    if (description) param.description = description;
    const inputType = str(s['x-inputType']);
    if (inputType) param.inputType = inputType;
    const props = arr(s.required).filter((n): n is string => typeof n === 'string');
    if (props.length && (param.type.kind === 'object' || param.type.kind === 'map')) param.requiredProperties = props;
    return param;
  }

  private result(op: Json, context: string, where: string): TypeRef | undefined {
    const responses = op.responses;
    if (!isObject(responses)) return undefined;
    const code =
      ['200', '201', '2XX', 'default'].find((c) => responses[c] !== undefined) ?? Object.keys(responses).find((c) => /^2/.test(c));
    if (!code) return undefined;
    let response = responses[code];
    if (isObject(response) && typeof response.$ref === 'string') response = this.resolvePointer(response.$ref, where);
    if (!isObject(response)) return undefined;
    let schema: unknown = response.schema; // Swagger 2.0
    if (isObject(response.content)) {
      const content = response.content;
      const type = isObject(content['application/json']) ? 'application/json' : Object.keys(content).find((t) => isObject(content[t]));
      schema = type ? (content[type] as Json).schema : undefined;
    }
    if (!isObject(schema)) return undefined;
    return this.typeOf(schema, context);
  }
}
