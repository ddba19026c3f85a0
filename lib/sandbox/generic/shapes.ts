/**
 * Which generic behaviour answers an operation, read from its name, parameters and result in the
 * API description: add, get, update, delete, list, count, setters (`updateStatus`,
 * `updateCuePointsTimes`), status changes (`activate`, `reject`, ...), clone, lookups
 * (`getByEntryId`, `listByReferenceId`), content (`setContent`, `serve`, `getUrl`), setAsDefault and
 * index. An operation that fits none is not simulated (the sandbox says so when it is called).
 */
import type { ApiDescription, Operation, OperationParam } from '../../api/types';
import { classOf, isResourceParam, listItemClass, related, type ServiceModel } from './model';

/** How an operation's parameters name an object: its id, or properties of a relation. */
export interface KeyBinding {
  /** The parameter holding the object's id. */
  idParam?: string;
  /** Parameter -> property, for objects keyed by properties (and extra conditions). */
  props: Array<[param: string, prop: string]>;
}

export type Shape =
  | { kind: 'add'; objectParam?: string; propParams: Array<[string, string]> }
  | { kind: 'get'; key: KeyBinding }
  | { kind: 'update'; key: KeyBinding; objectParam: string }
  | { kind: 'delete'; key: KeyBinding }
  | { kind: 'list'; filterParam?: string; pagerParam?: string }
  | { kind: 'count'; filterParam?: string }
  | { kind: 'set'; key: KeyBinding; props: Array<[string, string]> }
  | { kind: 'status'; key: KeyBinding; value: number | string }
  | { kind: 'clone'; key: KeyBinding; props: Array<[string, string]> }
  | { kind: 'lookup'; props: Array<[string, string]>; many: boolean; pagerParam?: string }
  | { kind: 'setContent'; key: KeyBinding; resourceParam: string }
  | { kind: 'serve'; key: KeyBinding }
  | { kind: 'getUrl'; key: KeyBinding }
  | { kind: 'setAsDefault'; key: KeyBinding }
  | { kind: 'index'; key: KeyBinding };

const SCALARS = new Set(['string', 'int', 'float', 'bool', 'enum']);
const isScalar = (p: OperationParam) => SCALARS.has(p.type.kind);
const lower = (s: string) => s.toLowerCase();

/** Status constants a verb leads to (`activate` -> ACTIVE). */
const VERBS: Record<string, string[]> = {
  activate: ['ACTIVE', 'ACTIVATED'],
  deactivate: ['DEACTIVATED', 'INACTIVE', 'DISABLED'],
  approve: ['APPROVED', 'ACTIVE', 'READY'],
  reject: ['REJECTED'],
  enable: ['ENABLED', 'ACTIVE'],
  disable: ['DISABLED', 'INACTIVE'],
  cancel: ['CANCELED', 'CANCELLED'],
  abort: ['ABORTED'],
  ignore: ['IGNORED'],
  block: ['BLOCKED'],
  unblock: ['ACTIVE'],
  markoffline: ['NOT_REGISTERED', 'OFFLINE', 'DISABLED'],
  archive: ['ARCHIVED'],
  restore: ['ACTIVE', 'READY'],
};

/**
 * The key of an object in an operation's parameters: the parameter named `id`, or `{something}Id`
 * that is not a property of the class (`captionAssetId`, `userId` of user.get), else the required
 * scalar parameters that name properties (`entryId` + `categoryId` of categoryEntry.delete).
 */
export function keyBinding(m: ServiceModel, params: OperationParam[]): KeyBinding | undefined {
  const scalars = params.filter(isScalar);
  if (m.idType !== 'none') {
    const idParam =
      scalars.find((p) => p.name === 'id') ??
      scalars.find((p) => p.required && /Id$/.test(p.name) && !m.props.has(p.name)) ??
      (m.keyProps.length === 0 && scalars[0]?.required && lower(scalars[0].name).endsWith('id') ? scalars[0] : undefined);
    return idParam ? { idParam: idParam.name, props: [] } : undefined;
  }
  const props = m.keyProps.filter((k) => scalars.some((p) => p.name === k)).map((k): [string, string] => [k, k]);
  return props.length === m.keyProps.length && props.length > 0 ? { props } : undefined;
}

/** Parameters besides the key, each naming a property of the class; undefined when one does not. */
function propParams(m: ServiceModel, params: OperationParam[], key: KeyBinding): Array<[string, string]> | undefined {
  const used = new Set([key.idParam, ...key.props.map(([p]) => p)]);
  const out: Array<[string, string]> = [];
  for (const p of params) {
    if (used.has(p.name)) continue;
    if (isScalar(p) && m.props.has(p.name)) out.push([p.name, p.name]);
    else if (p.required) return undefined;
  }
  return out;
}

function isFilter(desc: ApiDescription, p: OperationParam): boolean {
  const c = classOf(p.type);
  return !!c && (/Filter$/.test(c) || desc.isSubclassOf(c, 'KalturaFilter'));
}

function isPager(desc: ApiDescription, p: OperationParam): boolean {
  const c = classOf(p.type);
  return !!c && (desc.isSubclassOf(c, 'KalturaPager') || /Pager$/.test(c));
}

/** The result is one object of the service's class line (or nothing). */
function returnsObject(desc: ApiDescription, m: ServiceModel, op: Operation, orVoid = true): boolean {
  const c = classOf(op.result);
  if (!op.result) return orVoid;
  return !!c && related(desc, c, m.objectClass);
}

export function classify(desc: ApiDescription, m: ServiceModel, op: Operation, contentServices: boolean): Shape | undefined {
  const a = lower(op.action);
  const params = op.params;
  const objectParams = params.filter((p) => classOf(p.type) && related(desc, classOf(p.type)!, m.objectClass));
  const files = params.some((p) => p.type.kind === 'file' && p.required);
  if (files) return undefined;

  if (a === 'add') {
    if (!returnsObject(desc, m, op, false)) return undefined;
    const objectParam = objectParams[0];
    const rest: Array<[string, string]> = [];
    for (const p of params) {
      if (p === objectParam) continue;
      if (isScalar(p) && m.props.has(p.name)) rest.push([p.name, p.name]);
      else if (p.required) return undefined;
    }
    if (!objectParam && rest.length === 0) return undefined;
    return { kind: 'add', objectParam: objectParam?.name, propParams: rest };
  }
  if (a === 'list') {
    const item = listItemClass(desc, classOf(op.result));
    if (!item || !related(desc, item, m.objectClass)) return undefined;
    const filter = params.find((p) => isFilter(desc, p));
    const pager = params.find((p) => isPager(desc, p));
    if (params.some((p) => p !== filter && p !== pager && p.required)) return undefined;
    return { kind: 'list', filterParam: filter?.name, pagerParam: pager?.name };
  }
  if (a === 'count') {
    if (op.result?.kind !== 'int') return undefined;
    const filter = params.find((p) => isFilter(desc, p));
    if (params.some((p) => p !== filter && p.required)) return undefined;
    return { kind: 'count', filterParam: filter?.name };
  }
  if (a === 'get' || a === 'delete' || a === 'update' || a === 'index' || a === 'clone' || a === 'setasdefault' || a === 'serve' || a === 'geturl' || a === 'getdownloadurl' || a === 'setcontent' || a === 'updatecontent' || a === 'addcontent' || a.startsWith('update') || a.startsWith('set') || VERBS[a]) {
    const key = keyBinding(m, params);
    if (!key) return undefined;
    if (a === 'get') return returnsObject(desc, m, op, false) && !params.some((p) => p.required && !isScalar(p)) ? { kind: 'get', key } : undefined;
    if (a === 'delete') return returnsObject(desc, m, op) && !params.some((p) => p.required && !isScalar(p)) ? { kind: 'delete', key } : undefined;
    if (a === 'update') {
      const objectParam = objectParams[0];
      return objectParam && returnsObject(desc, m, op) ? { kind: 'update', key, objectParam: objectParam.name } : undefined;
    }
    if (a === 'index') return params.every((p) => !p.required || isScalar(p)) ? { kind: 'index', key } : undefined;
    if (a === 'clone') {
      const props = propParams(m, params, key);
      return props && returnsObject(desc, m, op, false) ? { kind: 'clone', key, props } : undefined;
    }
    if (a === 'setasdefault') return params.length === 1 || propParams(m, params, key)?.length === 0 ? { kind: 'setAsDefault', key } : undefined;
    if (a === 'setcontent' || a === 'updatecontent' || a === 'addcontent') {
      const resource = params.find((p) => isResourceParam(desc, p.type));
      return resource && returnsObject(desc, m, op) && params.every((p) => p === resource || !p.required || isScalar(p)) ? { kind: 'setContent', key, resourceParam: resource.name } : undefined;
    }
    if (a === 'serve' || a === 'geturl' || a === 'getdownloadurl') {
      if (!m.hasContent || !contentServices) return undefined;
      if (params.some((p) => p.required && p.name !== key.idParam && !key.props.some(([k]) => k === p.name))) return undefined;
      return a === 'serve' ? { kind: 'serve', key } : op.result?.kind === 'string' ? { kind: 'getUrl', key } : undefined;
    }
    const verb = VERBS[a];
    if (verb && m.status) {
      const value = verb.map((n) => m.status!.byName.get(n)).find((v) => v !== undefined);
      const others = params.filter((p) => p.name !== key.idParam && !key.props.some(([k]) => k === p.name));
      if (value !== undefined && others.every((p) => !p.required) && returnsObject(desc, m, op)) return { kind: 'status', key, value };
      return undefined;
    }
    if (/^(update|set)[a-z0-9]/i.test(op.action) && returnsObject(desc, m, op)) {
      const props = propParams(m, params, key);
      return props && props.length ? { kind: 'set', key, props } : undefined;
    }
    return undefined;
  }
  const by = /^(get|list)By([A-Z][A-Za-z0-9]*)$/.exec(op.action);
  if (by) {
    const many = by[1] === 'list' || op.result?.kind === 'array' || !!listItemClass(desc, classOf(op.result));
    if (!many && !returnsObject(desc, m, op, false)) return undefined;
    if (op.result?.kind === 'array' && !related(desc, op.result.itemClass, m.objectClass)) return undefined;
    const pager = params.find((p) => isPager(desc, p));
    const props: Array<[string, string]> = [];
    for (const p of params) {
      if (p === pager) continue;
      if (isScalar(p) && m.props.has(p.name)) props.push([p.name, p.name]);
      else if (p.required) return undefined;
    }
    return props.length ? { kind: 'lookup', props, many, pagerParam: pager?.name } : undefined;
  }
  return undefined;
}
