/**
 * What the generic services know about each service of the API description, derived from the
 * description alone: the class of its objects, where they are stored (the "kind": the class family
 * that shares ids, e.g. KalturaAsset for caption and thumbnail assets), how their ids look, their
 * status enum and its default, and the key of objects without an id (relations such as
 * KalturaCategoryEntry, keyed by the properties their get/delete actions take).
 */
import type { ApiDescription, Operation, PropertyDef, TypeRef } from '../../description/types';

export interface StatusInfo {
  enumName: string;
  base: 'int' | 'string';
  /** The status of a new object. */
  initial?: number | string | undefined;
  /** The status a deleted object keeps (soft delete); undefined: deleted objects are removed. */
  deleted?: number | string | undefined;
  /** The status of an object whose content is there (assets). */
  ready?: number | string | undefined;
  /** Value by constant name (`ACTIVE` -> 2). */
  byName: Map<string, number | string>;
}

export interface ServiceModel {
  /** The service's client name (`captionAsset`). */
  service: string;
  /** The class of its objects (`KalturaCaptionAsset`, may be abstract: `KalturaCuePoint`). */
  objectClass: string;
  /** The storage family (`KalturaAsset`): objects of one kind share an id space. */
  kind: string;
  /** The concrete classes this service answers with (its lists hold only those). */
  family: string[];
  /** How ids look: numbers from a sequence, `0_` + 8 base-36 characters, or none (a relation). */
  idType: 'int' | 'string' | 'none';
  /** The client chooses the id (`KalturaUser.id` is not read-only). */
  idGiven: boolean;
  status?: StatusInfo | undefined;
  /** Properties that identify an object without an id (a relation), in order. */
  keyProps: string[];
  /**
   * An object without an id or key properties that its get names by another object's id
   * (KalturaQuiz by `entryId`): one per such object, stored under that id.
   */
  parentParam?: string | undefined;
  /** The service attaches content to its objects (setContent, addContent, updateContent). */
  hasContent: boolean;
  /** Properties of the class by name. */
  props: Map<string, PropertyDef>;
}

/** The class a result or parameter type names, if it is an object. */
export function classOf(t: TypeRef | undefined): string | undefined {
  return t?.kind === 'object' ? t.className : undefined;
}

/** Whether two classes are of one line (one derives from the other). */
export function related(desc: ApiDescription, a: string, b: string): boolean {
  return desc.isSubclassOf(a, b) || desc.isSubclassOf(b, a);
}

/** The item class of a list response (`objects` array), if `cls` is one. */
export function listItemClass(desc: ApiDescription, cls: string | undefined): string | undefined {
  if (!cls) return undefined;
  const objects = desc.allProperties(cls).find((p) => p.name === 'objects');
  return objects?.type.kind === 'array' && desc.getClass(objects.type.itemClass) ? objects.type.itemClass : undefined;
}

const ROOTS = new Set(['kalturaobjectbase', 'kalturaobject']);

/** The storage family of a class: its topmost described ancestor below the common root. */
export function kindOf(desc: ApiDescription, cls: string): string {
  let top = desc.getClass(cls)?.name ?? cls;
  const seen = new Set<string>();
  for (let c = desc.getClass(cls); c && !seen.has(c.name); c = c.base ? desc.getClass(c.base) : undefined) {
    seen.add(c.name);
    if (ROOTS.has(c.name.toLowerCase())) break;
    top = c.name;
  }
  return top;
}

/** Status constants in order of preference, per role. */
const INITIAL = ['ACTIVE', 'READY', 'VALID', 'ENABLED', 'APPROVED', 'OK'];
const PENDING_CONTENT = ['QUEUED', 'PENDING', 'IMPORTING'];

function statusInfo(desc: ApiDescription, props: Map<string, PropertyDef>, hasContent: boolean): StatusInfo | undefined {
  const p = props.get('status');
  if (p?.type.kind !== 'enum') return undefined;
  const e = desc.getEnum(p.type.name);
  if (!e || !e.values.length) return undefined;
  const byName = new Map(e.values.map((v) => [v.name.toUpperCase(), e.base === 'int' ? Number(v.value) : String(v.value)] as const));
  const first = (names: string[]) => names.map((n) => byName.get(n)).find((v) => v !== undefined);
  const ready = first(['READY', 'ACTIVE', 'VALID']);
  return {
    enumName: e.name,
    base: e.base,
    byName,
    ready,
    deleted: first(['DELETED']),
    initial:
      (hasContent ? first(PENDING_CONTENT) : undefined) ??
      first(INITIAL) ??
      e.values.map((v) => (e.base === 'int' ? Number(v.value) : v.value)).find((v) => !/ERROR|DELETED/i.test(String(v))),
  };
}

const CONTENT_ACTIONS = new Set(['setcontent', 'addcontent', 'updatecontent']);

/**
 * A bulk upload: an operation of a bulk action (`addFromBulkUpload`, `bulkUploadAdd`,
 * `updateStatusFromBulk`, bulkUpload.add) that takes one file and answers the job that will read it
 * (a class with a `status` and a `fileName`, KalturaBulkUpload).
 */
export function bulkUploadOf(desc: ApiDescription, op: Operation): { fileParam: string; jobClass: string } | undefined {
  if (op.multirequest || !/bulk/i.test(`${op.service}.${op.action}`)) return undefined;
  const files = op.params.filter((p) => p.type.kind === 'file');
  const jobClass = classOf(op.result);
  if (files.length !== 1 || !files[0]!.required || !jobClass || listItemClass(desc, jobClass)) return undefined;
  const props = new Map(desc.allProperties(jobClass).map((p) => [p.name, p] as const));
  return props.get('status')?.type.kind === 'enum' && props.get('fileName')?.type.kind === 'string'
    ? { fileParam: files[0]!.name, jobClass: desc.getClass(jobClass)?.name ?? jobClass }
    : undefined;
}

/** Every service's model, by lower-case client name; services without an object class are left out. */
export function buildModels(desc: ApiDescription): Map<string, ServiceModel> {
  const byService = new Map<string, Operation[]>();
  for (const op of desc.operations()) {
    if (op.multirequest || !op.action) continue;
    const k = op.service.toLowerCase();
    const list = byService.get(k) ?? [];
    list.push(op);
    byService.set(k, list);
  }
  const models = new Map<string, ServiceModel>();
  // the classes of bulk upload jobs keep the file they were given (bulk.serve answers it)
  const bulkJobs = new Set(desc.operations().map((o) => bulkUploadOf(desc, o)?.jobClass));
  for (const [key, ops] of byService) {
    const by = (a: string) => ops.find((o) => o.action.toLowerCase() === a);
    const firstWord = (w: string) => ops.find((o) => new RegExp(`^${w}[A-Z]`).test(o.action));
    const objectClass =
      classOf(by('get')?.result) ??
      classOf(by('add')?.result) ??
      listItemClass(desc, classOf(by('list')?.result)) ??
      classOf(by('update')?.result) ??
      listItemClass(desc, classOf(firstWord('list')?.result)) ??
      (classOf(firstWord('add')?.result) && !listItemClass(desc, classOf(firstWord('add')?.result))
        ? classOf(firstWord('add')?.result)
        : undefined);
    if (!objectClass || !desc.getClass(objectClass) || listItemClass(desc, objectClass)) continue;
    const props = new Map(desc.allProperties(objectClass).map((p) => [p.name, p] as const));
    const idProp = props.get('id');
    const hasContent =
      ops.some((o) => CONTENT_ACTIONS.has(o.action.toLowerCase()) && o.params.some((p) => isResourceParam(desc, p.type))) ||
      bulkJobs.has(desc.getClass(objectClass)?.name);
    const keyProps: string[] = [];
    if (!idProp) {
      // the key of a relation: what its delete or get takes, else its update (conversionProfileAssetParams)
      const keyed = by('delete') ?? by('get') ?? by('update');
      for (const p of keyed?.params ?? []) {
        const prop = propOfParam(objectClass, props, p.name);
        if (prop && p.required) keyProps.push(prop);
      }
    }
    let parentParam: string | undefined;
    if (!idProp && !keyProps.length) {
      const required = (by('get')?.params ?? []).filter((p) => p.required);
      const only = required.length === 1 ? required[0] : undefined;
      if (only && only.type.kind === 'string' && /^[a-z][A-Za-z]*Id$/.test(only.name) && !props.has(only.name)) parentParam = only.name;
    }
    const family = desc.concreteSubclasses(objectClass);
    models.set(key, {
      service: ops[0]!.service,
      objectClass: desc.getClass(objectClass)!.name,
      kind: kindOf(desc, objectClass),
      family: family.length ? family : [objectClass],
      idType: idProp ? (idProp.type.kind === 'int' ? 'int' : 'string') : 'none',
      idGiven: !!idProp && !idProp.readOnly,
      status: statusInfo(desc, props, hasContent),
      keyProps,
      parentParam,
      hasContent,
      props,
    });
  }
  return models;
}

/**
 * The property a parameter names: the same name, or the class's (or its service's) name before a
 * property (`permissionName` -> name of KalturaPermission), or a longer name ending with an id
 * property (`scheduleEventId` -> eventId of KalturaScheduleEventResource).
 */
export function propOfParam(
  cls: string,
  props: Map<string, PropertyDef>,
  param: string,
  service?: string,
  loose = !props.has('id'),
): string | undefined {
  // (`objectType` names the class of an object, never a property to set)
  if (props.has(param) && param !== 'objectType') return param;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const short = cls.replace(/^Kaltura/, '');
  const owner = [short.charAt(0).toLowerCase() + short.slice(1), ...(service ? [service] : [])];
  for (const prop of props.keys()) {
    if (prop === 'id' || prop === 'objectType') continue;
    if (owner.some((o) => param === `${o}${cap(prop)}`)) return prop;
    // the class's name before the parameter's (`objectType` -> metadataObjectType of KalturaMetadata)
    if (owner.some((o) => prop === `${o}${cap(param)}`)) return prop;
    // a text the parameter carries as `{prop}Data` (`xmlData` -> xml, `xsdData` -> xsd)
    if (param === `${prop}Data` && props.get(prop)?.type.kind === 'string') return prop;
    // the class's name inside a property's name (`parentCategoryId` -> parentId of KalturaCategory)
    if (param.length > short.length && param.replace(short, '') === prop && param.indexOf(short) > 0) return prop;
    // only for classes without an id, where `{owner}Id` cannot be the object's own id
    if (loose && /Id$/.test(prop) && prop.length >= 4 && param.length > prop.length && param.endsWith(cap(prop))) return prop;
  }
  return undefined;
}

/** A parameter that takes content (a KalturaResource, or a class derived from it). */
export function isResourceParam(desc: ApiDescription, t: TypeRef): boolean {
  const c = classOf(t);
  return !!c && (desc.isSubclassOf(c, 'KalturaResource') || /Resource$/.test(c));
}
