/**
 * Which generic behaviour answers an operation, read from its name, parameters and result in the
 * API description. The action's first word says what it does (`add`, `get`, `list`, `update`,
 * `delete`, `count`, `clone`, `index`, `set...`, status verbs such as `activate` or `abort...`,
 * background processes such as `submit...` or `retry...`); its parameters say which object
 * (the id, `{something}Id`, or the properties of a relation), with what; its result says what to
 * answer (the object, a list response of its class, a wrapper holding it, nothing). Beyond the id:
 * `getBy` / `updateBy` / `deleteBy` properties, relations keyed by their update, lookups through a
 * relation, one object per other object (a quiz per entry), clones by a source id, `getDefault`;
 * bulk uploads (one file, a job class answered) and adds whose content is a file or an upload
 * token; `{x}FromFile`, answered as its sibling `{x}` (or `update` for `update{Something}FromFile`)
 * with each file's text for the sibling's `{name}Data`. An operation that fits none is not
 * simulated (the sandbox says so when it is called).
 */
import type { ApiDescription, Operation, OperationParam } from '../../description/types';
import { bulkUploadOf, classOf, isResourceParam, listItemClass, propOfParam, related, type ServiceModel } from './model';

/** How an operation's parameters name an object: its id, or properties of a relation. */
export interface KeyBinding {
  /** The parameter holding the object's id. */
  idParam?: string;
  /** Parameter -> property, for objects keyed by properties (and extra conditions). */
  props: Array<[param: string, prop: string]>;
  /** The id parameter is optional and names a user: without it, the session's user (user.get). */
  orSessionUser?: true;
}

/** How the object is answered: itself, inside a wrapper class (`KalturaBatchJobResponse.batchJob`), or nothing. */
export type Answer = { kind: 'object' } | { kind: 'void' } | { kind: 'wrapped'; cls: string; prop: string };

export type Shape =
  | {
      kind: 'add';
      objectParam?: string | undefined;
      propParams: Array<[string, string]>;
      answer: Answer;
      /** A file that is the new object's content (thumbAsset.addFromImage). */
      fileParam?: string | undefined;
      /** A complete upload token whose file becomes the new object's content (documents.addFromUploadedFile). */
      tokenParam?: string | undefined;
      /** The id of the object the new one is for, and its id (quiz.add's `entryId`). */
      parentParam?: string | undefined;
    }
  | { kind: 'get'; key: KeyBinding; answer: Answer }
  | {
      kind: 'update';
      key: KeyBinding;
      objectParam: string;
      answer: Answer;
      fields?: true;
      /** Parameters beside the object that name properties (metadataProfile.update's `xsdData`). */
      props?: Array<[string, string]>;
    }
  | { kind: 'delete'; key: KeyBinding; answer: Answer }
  | { kind: 'list'; filterParam?: string | undefined; pagerParam?: string | undefined }
  | { kind: 'count'; filterParam?: string | undefined }
  | { kind: 'bulkDelete'; filterParam: string }
  | { kind: 'set'; key: KeyBinding; props: Array<[string, string]>; answer: Answer }
  | { kind: 'status'; key: KeyBinding; value: number | string; answer: Answer }
  | { kind: 'accept'; key: KeyBinding; answer: Answer }
  | {
      kind: 'clone';
      key: KeyBinding;
      props: Array<[string, string]>;
      /** An object of the class whose properties the copy takes (responseProfile.clone's `profile`). */
      objectParam?: string | undefined;
      /** The property of that object naming the original (`sourceWidgetId`), when no parameter does. */
      sourceProp?: string | undefined;
      /** Parameters naming the partner of the original (`fromPartnerId`): the session's own only. */
      partnerParams: string[];
    }
  | { kind: 'getDefault'; props: Array<[string, string]> }
  | { kind: 'deleteContent'; key: KeyBinding; answer: Answer }
  | {
      kind: 'via';
      /** The relation's service (conversionProfileAssetParams). */
      relationService: string;
      param: string;
      /** The relation's property the parameter gives, and the one holding this class's ids. */
      byProp: string;
      targetProp: string;
    }
  | {
      kind: 'bulkUpload';
      fileParam: string;
      /** The job's class (KalturaBulkUpload), stored by the service whose objects it is. */
      jobClass: string;
      /** Parameters naming properties of the job (`fileName`, `bulkUploadData[fileName]`, `bulkUploadType`). */
      props: Array<[string, string]>;
    }
  | { kind: 'lookup'; props: Array<[string, string]>; many: boolean; pagerParam?: string | undefined }
  | { kind: 'setContent'; key: KeyBinding; resourceParam: string }
  | { kind: 'serve'; key: KeyBinding }
  | { kind: 'serveBy'; props: Array<[string, string]> }
  | { kind: 'getUrl'; key: KeyBinding }
  | { kind: 'remotePaths'; key: KeyBinding }
  | { kind: 'setAsDefault'; key: KeyBinding }
  | { kind: 'index'; key: KeyBinding }
  | {
      kind: 'fromFile';
      /** The operation answered with the files' text (metadata.add for metadata.addFromFile). */
      sibling: string;
      /** File parameter -> the sibling's text parameter (`xmlFile` -> `xmlData`). */
      files: Array<[string, string]>;
      /** `obj[field]` parameters -> the sibling's object parameter they make (`metadataProfile`). */
      objectFields: Array<[string, string, string]>;
      /** Parameters passed as they are (the same name in both). */
      same: string[];
    };

const SCALARS = new Set(['string', 'int', 'float', 'bool', 'enum']);
const isScalar = (p: OperationParam) => SCALARS.has(p.type.kind);

/** Status constants a verb leads to (`activate` -> ACTIVE), tried in order. */
const VERBS: Record<string, string[]> = {
  activate: ['ACTIVE', 'ACTIVATED'],
  deactivate: ['DEACTIVATED', 'NOT_ACTIVE', 'INACTIVE', 'DISABLED'],
  approve: ['APPROVED', 'ACTIVE', 'READY'],
  reject: ['REJECTED'],
  enable: ['ENABLED', 'ACTIVE'],
  disable: ['DISABLED', 'INACTIVE'],
  cancel: ['CANCELED', 'CANCELLED', 'ABORTED'],
  abort: ['ABORTED'],
  ignore: ['IGNORED', 'IGNORE'],
  markoffline: ['NOT_OPERATIONAL', 'OFFLINE', 'DISABLED'],
  block: ['BLOCKED'],
  unblock: ['ACTIVE'],
  archive: ['ARCHIVED'],
  retry: ['RETRY', 'PENDING'],
  invalidate: ['INVALID'],
};

/**
 * Actions whose work is done by Kaltura's background workers (distribution, conversion,
 * indexing, notifications): the sandbox has none, so it accepts the call on an existing object
 * and answers the object as it is (as Kaltura does right after queueing the work). Not `regenerate`
 * or `extend`: Kaltura does those within the call and answers the result (a live stream's new
 * token, a thumbnail captured again, a REACH task's new access key), which an unchanged object
 * would misstate.
 */
const BACKGROUND = new Set([
  'submit',
  'convert',
  'reconvert',
  'retry',
  'validate',
  'sync',
  'notify',
  'dispatch',
  'boost',
  'recalculate',
  'request',
  'export',
  'reindex',
]);

/**
 * The property a parameter names: by name (`propOfParam`), or by its enum type when exactly one
 * property of the class has that enum and the parameter's name starts with the property's
 * (`actionType` -> `action`, both KalturaDistributionAction).
 */
export function propOf(m: ServiceModel, p: OperationParam): string | undefined {
  const byName = propOfParam(m.objectClass, m.props, p.name, m.service);
  if (byName || p.type.kind !== 'enum') return byName;
  const enumName = p.type.name;
  const same = [...m.props.values()].filter((x) => x.type.kind === 'enum' && x.type.name === enumName && !x.readOnly);
  return same.length === 1 && p.name.startsWith(same[0]!.name) ? same[0]!.name : undefined;
}

/** A parameter naming a partner (`partnerId`, `fromPartnerId`) that is not a property of the class. */
function isPartnerParam(m: ServiceModel, p: OperationParam): boolean {
  return (
    p.type.kind === 'int' &&
    /^([a-z]+P|p)artnerId$/.test(p.name) &&
    !m.props.has(p.name) &&
    !propOfParam(m.objectClass, m.props, p.name, m.service)
  );
}

/** `abortConvertProfile` -> ['abort', 'ConvertProfile']. */
function words(action: string): [string, string] {
  const m = /^([a-z]+)(.*)$/.exec(action);
  return m ? [m[1]!, m[2]!] : [action.toLowerCase(), ''];
}

/**
 * The key of an object in an operation's parameters: the parameter named `id`, or `{something}Id`
 * that is not a property of the class (`captionAssetId`, `userId` of user.get, `jobId`), else the
 * required scalar parameters that name the properties of a relation (`entryId` + `categoryId`).
 */
export function keyBinding(m: ServiceModel, params: OperationParam[]): KeyBinding | undefined {
  const scalars = params.filter(isScalar);
  if (m.idType !== 'none') {
    const idParam =
      scalars.find((p) => p.name === 'id') ??
      scalars.find(
        (p) => p.required && /Id$/.test(p.name) && !m.props.has(p.name) && !propOfParam(m.objectClass, m.props, p.name, m.service),
      );
    if (idParam) return { idParam: idParam.name, props: [] };
    // no id parameter: the required parameters that name properties (`permissionName`, `userId` + `groupId`)
    const required = scalars.filter((p) => p.required);
    const props = required.map((p): [string, string] | undefined => {
      const prop = propOf(m, p);
      return prop ? [p.name, prop] : undefined;
    });
    return props.length && props.every(Boolean) ? { props: props as Array<[string, string]> } : undefined;
  }
  // one object per other object (a quiz per entry): keyed by that object's id
  if (m.parentParam) return scalars.some((p) => p.name === m.parentParam) ? { idParam: m.parentParam, props: [] } : undefined;
  const props: Array<[string, string]> = [];
  for (const k of m.keyProps) {
    const p = scalars.find((x) => propOf(m, x) === k);
    if (p) props.push([p.name, k]);
  }
  return props.length === m.keyProps.length && props.length > 0 ? { props } : undefined;
}

/** Parameters besides the key, each naming a property of the class; undefined when a required one does not. */
function propParams(
  m: ServiceModel,
  params: OperationParam[],
  key: KeyBinding | undefined,
  skip: OperationParam[] = [],
): Array<[string, string]> | undefined {
  const used = new Set([key?.idParam, ...(key?.props ?? []).map(([p]) => p), ...skip.map((p) => p.name)]);
  const out: Array<[string, string]> = [];
  for (const p of params) {
    if (used.has(p.name)) continue;
    const prop = isScalar(p) ? propOf(m, p) : undefined;
    if (prop) out.push([p.name, prop]);
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

/** How the result answers the object: itself, a wrapper with one property of its class, or nothing. */
function answerOf(desc: ApiDescription, m: ServiceModel, op: Operation, orVoid = true): Answer | undefined {
  if (!op.result) return orVoid ? { kind: 'void' } : undefined;
  const c = classOf(op.result);
  if (!c) return undefined;
  if (related(desc, c, m.objectClass)) return { kind: 'object' };
  if (listItemClass(desc, c)) return undefined;
  const holders = desc.allProperties(c).filter((p) => p.type.kind === 'object' && related(desc, p.type.className, m.objectClass));
  return holders.length === 1 ? { kind: 'wrapped', cls: desc.getClass(c)!.name, prop: holders[0]!.name } : undefined;
}

const onlyScalarsOrOptional = (params: OperationParam[]) => params.every((p) => !p.required || isScalar(p));

/**
 * getBy{Other}Id answering the objects a relation links to another object: the relation (a class
 * without an id, such as KalturaConversionProfileAssetParams) is keyed by the parameter's property
 * (`conversionProfileId`) and by one naming this class or a base of it (`assetParamsId`:
 * KalturaAssetParams, the base of KalturaFlavorParams).
 */
function viaRelation(desc: ApiDescription, m: ServiceModel, params: OperationParam[], models: Iterable<ServiceModel>): Shape | undefined {
  const required = params.filter((p) => p.required);
  const p = required.length === 1 && isScalar(required[0]!) ? required[0]! : undefined;
  if (!p || params.length !== 1) return undefined;
  for (const r of models) {
    if (r.idType !== 'none' || r.keyProps.length !== 2) continue;
    const byProp = propOfParam(r.objectClass, r.props, p.name, r.service);
    const targetProp = r.keyProps.find((k) => k !== byProp);
    if (!byProp || !r.keyProps.includes(byProp) || !targetProp || !/Id$/.test(targetProp)) continue;
    const target = `Kaltura${targetProp.charAt(0).toUpperCase()}${targetProp.slice(1, -2)}`;
    if (desc.getClass(target) && desc.isSubclassOf(m.objectClass, target))
      return { kind: 'via', relationService: r.service, param: p.name, byProp, targetProp };
  }
  return undefined;
}

export function classify(desc: ApiDescription, m: ServiceModel, op: Operation, models: Iterable<ServiceModel> = []): Shape | undefined {
  const action = op.action;
  const a = action.toLowerCase();
  const [verb, rest] = words(action);
  const params = op.params;
  const bulk = bulkUploadOf(desc, op);
  if (bulk) {
    const jobProps = new Set(desc.allProperties(bulk.jobClass).map((p) => p.name));
    const props: Array<[string, string]> = [];
    for (const p of params) {
      // `fileName`, or `bulkUploadData[fileName]`: the last part of the name
      const prop = /([A-Za-z0-9_]+)\]?$/.exec(p.name)?.[1];
      if (isScalar(p) && prop && jobProps.has(prop) && !['id', 'status', 'objectType'].includes(prop)) props.push([p.name, prop]);
    }
    return { kind: 'bulkUpload', fileParam: bulk.fileParam, jobClass: bulk.jobClass, props };
  }
  // addFromImage / addFromFile of a service whose objects hold content: a new object with the file as its content
  if (verb === 'add' && /^From(Image|File)$/.test(rest) && m.hasContent) {
    const files = params.filter((p) => p.type.kind === 'file');
    const answer = answerOf(desc, m, op, false);
    const props = files.length === 1 && files[0]!.required ? propParams(m, params, undefined, files) : undefined;
    if (props && answer?.kind === 'object') return { kind: 'add', propParams: props, answer, fileParam: files[0]!.name };
  }
  const fromFile = fromFileShape(desc, m, op, models);
  if (fromFile) return fromFile;
  if (params.some((p) => p.type.kind === 'file' && p.required)) return undefined;
  const objectParams = params.filter((p) => classOf(p.type) && related(desc, classOf(p.type)!, m.objectClass));
  // addFromUploadedFile of a service whose objects hold content: a new object with the upload token's file
  if (a === 'addfromuploadedfile' && m.hasContent) {
    const token = params.find((p) => p.name === 'uploadTokenId' && p.required && p.type.kind === 'string');
    const objectParam = objectParams[0];
    const answer = answerOf(desc, m, op, false);
    const props = token ? propParams(m, params, undefined, [token, ...(objectParam ? [objectParam] : [])]) : undefined;
    if (token && props && answer?.kind === 'object')
      return { kind: 'add', objectParam: objectParam?.name, propParams: props, answer, tokenParam: token.name };
  }

  if (verb === 'add' && !/^(From|Content|Bulk)/.test(rest)) {
    const answer = answerOf(desc, m, op, false);
    if (!answer) return undefined;
    const objectParam = objectParams[0];
    const parent = m.parentParam ? params.find((p) => p.name === m.parentParam && p.required) : undefined;
    if (m.parentParam && !parent) return undefined;
    const props = propParams(m, params, undefined, [...(objectParam ? [objectParam] : []), ...(parent ? [parent] : [])]);
    if (!props || (!objectParam && props.length === 0)) return undefined;
    return { kind: 'add', objectParam: objectParam?.name, propParams: props, answer, parentParam: parent?.name };
  }
  if (verb === 'list' && (!/^By/.test(rest) || rest === 'ByPartner')) {
    const item = listItemClass(desc, classOf(op.result));
    if (!item || !related(desc, item, m.objectClass)) return undefined;
    // listByPartner's filter is a partner filter: the list is the session partner's, unfiltered
    const filter = rest === 'ByPartner' ? undefined : params.find((p) => isFilter(desc, p));
    const pager = params.find((p) => isPager(desc, p));
    if (params.some((p) => p !== filter && p !== pager && p.required && !(rest === 'ByPartner' && isFilter(desc, p)))) return undefined;
    return { kind: 'list', filterParam: filter?.name, pagerParam: pager?.name };
  }
  // get{Something} answering a list of the class from a filter and a pager only (entryVendorTask.getJobs)
  if (verb === 'get' && rest && !/^By/.test(rest) && params.length > 0 && params.every((p) => isFilter(desc, p) || isPager(desc, p))) {
    const item = listItemClass(desc, classOf(op.result));
    if (item && related(desc, item, m.objectClass))
      return {
        kind: 'list',
        filterParam: params.find((p) => isFilter(desc, p))?.name,
        pagerParam: params.find((p) => isPager(desc, p))?.name,
      };
  }
  // the partner's default object of the class (conversionProfile.getDefault), optionally of a type
  if (a === 'getdefault') {
    const props = propParams(m, params, undefined);
    const isDefault = m.props.get('isDefault');
    return isDefault && !isDefault.readOnly && props && answerOf(desc, m, op, false)?.kind === 'object'
      ? { kind: 'getDefault', props }
      : undefined;
  }
  // clone of the object an object parameter names by `source{Class}Id` (widget.clone)
  if (a === 'clone' && objectParams.length === 1 && params.every((p) => p === objectParams[0] || !p.required)) {
    const short = m.objectClass.replace(/^Kaltura/, '');
    const sourceProp = `source${short}Id`;
    if (m.props.has(sourceProp) && !m.props.get(sourceProp)!.readOnly && answerOf(desc, m, op, false)?.kind === 'object')
      return { kind: 'clone', key: { props: [] }, props: [], objectParam: objectParams[0]!.name, sourceProp, partnerParams: [] };
  }
  if (a === 'bulkdelete') {
    const filter = params.find((p) => isFilter(desc, p));
    return filter && op.result?.kind === 'int' && params.every((p) => p === filter || !p.required)
      ? { kind: 'bulkDelete', filterParam: filter.name }
      : undefined;
  }
  if (a === 'count') {
    if (op.result?.kind !== 'int') return undefined;
    const filter = params.find((p) => isFilter(desc, p));
    if (params.some((p) => p !== filter && p.required)) return undefined;
    return { kind: 'count', filterParam: filter?.name };
  }
  const by =
    /^(get|list)By([A-Z][A-Za-z0-9]*)$/.exec(action) ??
    (verb === 'get' && /^(WebPlayable|[A-Za-z]*With)/.test(rest) ? [action, 'get', rest] : null);
  if (by) {
    const many = by[1] === 'list' || op.result?.kind === 'array' || !!listItemClass(desc, classOf(op.result));
    if (op.result?.kind === 'array' && !related(desc, op.result.itemClass, m.objectClass)) return undefined;
    if (!many && answerOf(desc, m, op, false)?.kind !== 'object') return undefined;
    if (many && op.result?.kind !== 'array' && !related(desc, listItemClass(desc, classOf(op.result)) ?? '', m.objectClass))
      return undefined;
    const pager = params.find((p) => isPager(desc, p));
    const props = propParams(m, params, undefined, pager ? [pager] : []);
    if (props && props.length) return { kind: 'lookup', props, many, pagerParam: pager?.name };
    return many && op.result?.kind === 'array' ? viaRelation(desc, m, params, models) : undefined;
  }

  if (/^serveBy[A-Z]/.test(action) && m.hasContent) {
    const props = propParams(m, params, undefined);
    return props && props.length ? { kind: 'serveBy', props } : undefined;
  }
  // get with only an optional `userId`, of a class whose ids are users' own: the session's user without it
  if (verb === 'get' && rest === '' && params.length === 1 && params[0]!.name === 'userId' && !params[0]!.required && m.idGiven) {
    const answer = answerOf(desc, m, op, false);
    return answer ? { kind: 'get', key: { idParam: 'userId', props: [], orSessionUser: true }, answer } : undefined;
  }
  const key = keyBinding(m, params);
  if (!key) return undefined;
  const extra = params.filter((p) => p.name !== key.idParam && !key.props.some(([k]) => k === p.name));
  if (a === 'setcontent' || a === 'updatecontent' || a === 'addcontent') {
    const resource = params.find((p) => isResourceParam(desc, p.type));
    return resource && answerOf(desc, m, op)?.kind !== 'wrapped' && params.every((p) => p === resource || !p.required || isScalar(p))
      ? { kind: 'setContent', key, resourceParam: resource.name }
      : undefined;
  }
  if (a === 'serve' || a === 'geturl' || a === 'getdownloadurl') {
    if (!m.hasContent || extra.some((p) => p.required)) return undefined;
    return a === 'serve' ? { kind: 'serve', key } : op.result?.kind === 'string' ? { kind: 'getUrl', key } : undefined;
  }
  if (a === 'getremotepaths') return /RemotePathListResponse$/.test(classOf(op.result) ?? '') ? { kind: 'remotePaths', key } : undefined;
  if (verb === 'get') {
    const answer = answerOf(desc, m, op, false);
    // get, getXStatus, or get + the last words of the class name (batchcontrol.getCommand)
    const names = rest === '' || /Status$/.test(rest) || m.objectClass.endsWith(rest);
    return answer && names && onlyScalarsOrOptional(extra) ? { kind: 'get', key, answer } : undefined;
  }
  // delete{Something}Content of a service with content: the bytes go, the object stays (flavorAsset.deleteLocalContent)
  if (verb === 'delete' && /Content$/.test(rest) && m.hasContent) {
    const answer = answerOf(desc, m, op);
    return answer && extra.every((p) => !p.required) ? { kind: 'deleteContent', key, answer } : undefined;
  }
  if (verb === 'delete') {
    const answer = answerOf(desc, m, op);
    // deleteBy{Property} only by the properties of the object it names (deleteByProviderId)
    const by = /^By/.test(rest) && !key.idParam && key.props.length > 0;
    return answer && onlyScalarsOrOptional(extra) && (by || !/^(Local|Pending|By)/.test(rest))
      ? { kind: 'delete', key, answer }
      : undefined;
  }
  // update{Something} with an object of another class whose properties are all the class's own (dropFolder.updateBasicFields)
  if (verb === 'update' && rest && !objectParams.length) {
    const objects = extra.filter((p) => classOf(p.type));
    const fieldsClass = objects.length === 1 ? classOf(objects[0]!.type) : undefined;
    const fields = fieldsClass ? desc.allProperties(fieldsClass).filter((p) => p.name !== 'objectType') : [];
    if (
      fieldsClass &&
      fields.length > 0 &&
      fields.every((p) => m.props.has(p.name) && !m.props.get(p.name)!.readOnly) &&
      extra.every((p) => p === objects[0] || !p.required)
    ) {
      const answer = answerOf(desc, m, op);
      if (answer) return { kind: 'update', key, objectParam: objects[0]!.name, answer, fields: true };
    }
  }
  if (
    (a === 'update' && objectParams.length > 0) ||
    (verb === 'update' && objectParams.length === 1 && extra.every((p) => p === objectParams[0] || !p.required))
  ) {
    const answer = answerOf(desc, m, op);
    if (!objectParams[0] || !answer) return undefined;
    // (a read-only property only from a parameter that carries its text, `xsdData`: not `version`, which checks a version)
    const props = propParams(m, params, key, [objectParams[0]])?.filter(
      ([param, prop]) => !m.props.get(prop)?.readOnly || param === `${prop}Data`,
    );
    return { kind: 'update', key, objectParam: objectParams[0].name, answer, ...(props?.length ? { props } : {}) };
  }
  if (a === 'index') return onlyScalarsOrOptional(extra) ? { kind: 'index', key } : undefined;
  if (a === 'clone') {
    const objectParam = objectParams.length === 1 ? objectParams[0] : undefined;
    const partners = params.filter((p) => isPartnerParam(m, p));
    const props = propParams(m, params, key, [...(objectParam ? [objectParam] : []), ...partners]);
    return props && answerOf(desc, m, op, false)?.kind === 'object'
      ? { kind: 'clone', key, props, objectParam: objectParam?.name, partnerParams: partners.map((p) => p.name) }
      : undefined;
  }
  if (a === 'setasdefault') return extra.every((p) => !p.required) ? { kind: 'setAsDefault', key } : undefined;
  // `approveReplace`, `cancelReplace`: the verb is about a content replacement, not the object's status
  const statusNames = rest === 'Replace' ? undefined : (VERBS[a] ?? VERBS[verb]);
  if (statusNames && m.status) {
    const value = statusNames.map((n) => m.status!.byName.get(n)).find((v) => v !== undefined);
    const answer = answerOf(desc, m, op);
    if (value !== undefined && answer && onlyScalarsOrOptional(extra)) return { kind: 'status', key, value, answer };
  }
  if (BACKGROUND.has(verb)) {
    const answer = answerOf(desc, m, op);
    return answer && onlyScalarsOrOptional(extra) ? { kind: 'accept', key, answer } : undefined;
  }
  // update{Something} / set{Something} with properties as parameters; an update without an object too (metadata.update)
  if ((verb === 'update' || verb === 'set') && (rest || (a === 'update' && objectParams.length === 0))) {
    const answer = answerOf(desc, m, op);
    const props = propParams(m, params, key);
    return answer && props && props.length ? { kind: 'set', key, props, answer } : undefined;
  }
  return undefined;
}

/**
 * `{x}FromFile` (metadata.addFromFile, metadataProfile.updateDefinitionFromFile): the sibling `{x}`,
 * else `update` for an `update{Something}FromFile`, with each file `{name}File` read as the
 * sibling's text parameter `{name}Data`, `obj[field]` parameters making its object parameter
 * `obj`, and the other parameters under the same names. The sibling must have a shape of its own
 * (itself no FromFile), every parameter must land, and the sibling's required parameters must be
 * given, but for the object of an `update` (only the file's part changes).
 */
function fromFileShape(desc: ApiDescription, m: ServiceModel, op: Operation, models: Iterable<ServiceModel>): Shape | undefined {
  const base = /^(.+)FromFile$/.exec(op.action)?.[1];
  if (!base) return undefined;
  const [verb] = words(base);
  const sibling = desc.operationByName(op.service, base) ?? (verb === 'update' ? desc.operationByName(op.service, 'update') : undefined);
  if (!sibling || /FromFile$/.test(sibling.action) || !classify(desc, m, sibling, models)) return undefined;
  const byName = new Map(sibling.params.map((p) => [p.name, p]));
  const files: Array<[string, string]> = [];
  const objectFields: Array<[string, string, string]> = [];
  const same: string[] = [];
  for (const p of op.params) {
    const field = /^([A-Za-z0-9_]+)\[([A-Za-z0-9_]+)\]$/.exec(p.name);
    if (p.type.kind === 'file') {
      const target = byName.get(p.name.replace(/File$/, 'Data'));
      if (!p.name.endsWith('File') || target?.type.kind !== 'string') return undefined;
      files.push([p.name, target.name]);
    } else if (field) {
      if (byName.get(field[1]!)?.type.kind !== 'object') return undefined;
      objectFields.push([p.name, field[1]!, field[2]!]);
    } else if (byName.get(p.name)?.type.kind === p.type.kind) same.push(p.name);
    else return undefined;
  }
  if (files.length === 0) return undefined;
  const given = new Set([...files.map(([, t]) => t), ...objectFields.map(([, o]) => o), ...same]);
  const optionalObject = (p: OperationParam) => sibling.action === 'update' && p.type.kind === 'object';
  if (sibling.params.some((p) => p.required && !given.has(p.name) && !optionalObject(p))) return undefined;
  return { kind: 'fromFile', sibling: sibling.action, files, objectFields, same };
}
