/**
 * The generic services: every operation of the API description whose shape shapes.ts recognises is
 * answered from the description alone, on objects kept in the store's `objects` table: add
 * (validated against the class: read-only and insert-only properties refused as Kaltura refuses
 * them, an id in Kaltura's style, partnerId, createdAt/updatedAt, the class's initial status), get,
 * update (updatable properties only), delete (soft when the class has a DELETED status), list and
 * count with the filter class's operators, pager and orderBy, setters, status changes, clone,
 * lookups (by properties, through a relation), getDefault, setAsDefault, index, and bulk uploads
 * (a PENDING job holding the file). Content (setContent, serve, getUrl) is in ./content.ts.
 *
 * Behaviour that the description cannot tell (a category's full name, a cue point's duration,
 * checking metadata XML against its profile) is added by class hooks and action overrides
 * (../services/*), which use the same functions.
 */
import type { ApiDescription, ApiError, Operation, PropertyDef } from '../../description/types';
import { GIVEN_READ_ONLY, type KObject } from '../coerce';
import type { CallContext } from '../context';
import { KalturaApiError } from '../errors';
import { newEntryId, nowSec } from '../ids';
import { fileText, type FileArg } from '../params';
import { canEdit, canView, newOwner, ownerScope } from '../services/access';
import { pageOf } from '../services/paging';
import type { Condition, ObjectFilter, ObjectRow, OrderBy, SandboxStore } from '../store';
import { listItems } from '../store';
import { buildModels, classOf, type ServiceModel } from './model';
import { classify, type Answer, type KeyBinding, type Shape } from './shapes';

export type Data = Record<string, unknown>;

/** What a hook or an override gets: the call, the engine, and the service's model. */
export interface Gen {
  ctx: CallContext;
  engine: GenericEngine;
  model: ServiceModel;
  op: Operation;
  args: Record<string, unknown>;
}

type Maybe<T> = T | Promise<T>;

export interface ClassHooks {
  /** Checks and fills a new object before it is stored (its id, times and status are set). */
  beforeAdd?(g: Gen, data: Data, row: ObjectRow): Maybe<void>;
  /** After a new object was stored. */
  afterAdd?(g: Gen, data: Data, row: ObjectRow): Maybe<void>;
  /** Checks and fills an update (`patch` holds only what changes) before it is stored. */
  beforeUpdate?(g: Gen, current: Data, patch: Data, row: ObjectRow): Maybe<void>;
  /** Before an object is deleted (or marked deleted). */
  beforeDelete?(g: Gen, data: Data, row: ObjectRow): Maybe<void>;
  /** Fills computed properties of an object being answered (a copy). */
  present?(ctx: CallContext, engine: GenericEngine, data: Data, row: ObjectRow): Maybe<void>;
  /**
   * The properties `present` computes rather than reads from the stored object: a list cannot
   * filter or sort on them (the stored object has no value to compare), so it refuses them.
   */
  computed?: readonly string[];
}

export type Override = (g: Gen) => unknown;

export interface Extensions {
  /** By class name: applies to objects of the class and of its subclasses. */
  hooks: Record<string, ClassHooks>;
  /** By `service.action` (client names, lower case); `filter:{class}` adds conditions to its lists. */
  overrides: Record<string, Override>;
  /** Filter fields a `filter:{class}` hook answers, by class (lower case; it applies to subclasses too): not read as properties. */
  filterFields?: Record<string, string[]>;
  /** After an object that held content was removed or marked deleted (its file goes). */
  dropContent?: (row: ObjectRow) => Maybe<void>;
  /** Gives a complete upload token's file to an object as its content (documents.addFromUploadedFile). */
  attachToken?: (g: Gen, row: ObjectRow, token: unknown) => Promise<ObjectRow>;
  /** Keeps a file part as an object's content (a bulk upload's file). */
  attachFile?: (g: Gen, row: ObjectRow, file: FileArg) => Promise<ObjectRow>;
  /** Content of objects: setContent from an upload token, serve, getUrl (./content.ts). */
  content?: (g: Gen, shape: Extract<Shape, { kind: 'setContent' | 'serve' | 'serveBy' | 'getUrl' }>) => unknown;
}

/** How a list filter is read: fields a hook answers, the session's user, and where unapplied fields go. */
export interface ConditionOptions {
  /** Names of fields that name no property: the caller refuses them. */
  unapplied?: string[];
  /** Fields a `filter:{class}` hook answers: not read as properties. */
  claimed?: Set<string>;
  /** The session's user, for `...EqualCurrent` fields. */
  userId?: string;
}

/** What one module adds to the extensions (services/extensions.ts merges them). */
export type ExtensionPart = Pick<Extensions, 'hooks' | 'overrides'> & Partial<Pick<Extensions, 'filterFields'>>;

const lc = (s: string) => s.toLowerCase();

/** Classes the hand-written media service keeps (not generic objects). */
const ENTRY_TABLE = new Set(['KalturaBaseEntry', 'KalturaPlayableEntry', 'KalturaMediaEntry']);

/**
 * A filter stem that runs property names together (`tagsAdminTagsName`: tags, adminTags, name;
 * Kaltura's "any of these" fields), split where the camel-case words make only property names;
 * empty when they do not.
 */
export function propertyRun(stem: string, props: { has(name: string): boolean }): string[] {
  const words = stem.split(/(?=[A-Z])/);
  const best: Array<string[] | undefined> = [[]];
  for (let i = 0; i < words.length; i++) {
    const head = best[i];
    if (!head) continue;
    for (let j = i + 1; j <= words.length; j++) {
      const joined = words.slice(i, j).join('');
      const name = joined.charAt(0).toLowerCase() + joined.slice(1);
      if (props.has(name) && !best[j]) best[j] = [...head, name];
    }
  }
  const run = best[words.length];
  return run && run.length > 1 ? run : [];
}

/** Words of a class name as an error code spells them: KalturaCaptionAsset -> CAPTION_ASSET. */
export function noun(cls: string): string {
  return cls
    .replace(/^Kaltura/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase();
}

/** Filter property suffixes, longest first, and the condition each makes. */
const SUFFIXES: Array<[string, Condition['op']]> = [
  ['GreaterThanOrEqualOrNull', 'gteOrNull'],
  ['LessThanOrEqualOrNull', 'lteOrNull'],
  ['GreaterThanOrEqual', 'gte'],
  ['LessThanOrEqual', 'lte'],
  ['GreaterThan', 'gt'],
  ['LessThan', 'lt'],
  ['MultiLikeOr', 'multiLikeOr'],
  ['MultiLikeAnd', 'multiLikeAnd'],
  ['NotContains', 'notContains'],
  ['StartsWith', 'startsWith'],
  ['EndsWith', 'endsWith'],
  ['MatchOr', 'matchOr'],
  ['MatchAnd', 'matchAnd'],
  ['NotEqual', 'ne'],
  ['NotIn', 'notIn'],
  ['Equal', 'eq'],
  ['Like', 'like'],
  ['In', 'in'],
];

export class GenericEngine {
  readonly models: Map<string, ServiceModel>;
  private readonly shapes = new Map<Operation, Shape | null>();
  private readonly catalog: Map<string, string>;

  constructor(
    readonly desc: ApiDescription,
    readonly ext: Extensions,
  ) {
    this.models = buildModels(desc);
    this.catalog = new Map((desc.errorCatalog?.() ?? []).map((e) => [e.code, e.message]));
  }

  model(service: string): ServiceModel | undefined {
    return this.models.get(lc(service));
  }

  /** The model of the service whose objects are of `cls` (or of its kind). */
  modelOfClass(cls: string): ServiceModel | undefined {
    let best: ServiceModel | undefined;
    for (const m of this.models.values()) {
      if (lc(m.objectClass) === lc(cls)) return m;
      if (!best && this.desc.isSubclassOf(cls, m.objectClass)) best = m;
    }
    return best;
  }

  /** The generic shape of an operation, or undefined when it has none. */
  shape(op: Operation): Shape | undefined {
    if (this.shapes.has(op)) return this.shapes.get(op) ?? undefined;
    const m = this.model(op.service);
    let s = m ? classify(this.desc, m, op, this.models.values()) : undefined;
    // a bulk upload's job is kept by the service of its class (bulk, bulkUpload)
    if (s?.kind === 'bulkUpload' && !this.modelOfClass(s.jobClass)) s = undefined;
    this.shapes.set(op, s ?? null);
    return s;
  }

  override(op: Operation): Override | undefined {
    return this.ext.overrides[lc(`${op.service}.${op.action}`)];
  }

  /** Whether the engine answers the operation (a shape or an override). */
  simulates(op: Operation): boolean {
    if (this.override(op)) return true;
    const m = this.model(op.service);
    // media and base entries live in the hand-written media service's table: only its actions reach them
    // (a bulk upload of entries makes a job, not an entry)
    if (!m || (ENTRY_TABLE.has(m.objectClass) && this.shape(op)?.kind !== 'bulkUpload')) return false;
    return !!this.shape(op);
  }

  async run(ctx: CallContext, op: Operation, args: Record<string, unknown>): Promise<unknown> {
    const model = this.model(op.service);
    const override = this.override(op);
    const g: Gen = { ctx, engine: this, model: model!, op, args };
    if (override) return override(g);
    const shape = this.shape(op);
    if (!model || !shape) throw notSimulated(op);
    switch (shape.kind) {
      case 'add': {
        const file = shape.fileParam ? (args[shape.fileParam] as FileArg | null) : null;
        if (shape.fileParam && (!file || !this.ext.attachFile))
          throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: shape.fileParam });
        const input = shape.objectParam ? (args[shape.objectParam] as KObject | null) : null;
        const row = shape.parentParam
          ? await this.addForParent(g, input, shape.propParams, shape.parentParam)
          : await this.add(g, input, shape.propParams);
        if (shape.tokenParam && this.ext.attachToken)
          return this.answer(ctx, model, shape.answer, await this.ext.attachToken(g, row, args[shape.tokenParam]));
        return this.answer(ctx, model, shape.answer, file && this.ext.attachFile ? await this.ext.attachFile(g, row, file) : row);
      }
      case 'get':
        return this.answer(ctx, model, shape.answer, await this.find(g, shape.key));
      case 'update': {
        const row = await this.find(g, shape.key, true);
        const input = args[shape.objectParam] as KObject | null;
        const extra: Data = {};
        for (const [param, prop] of shape.props ?? []) if (args[param] !== null && args[param] !== undefined) extra[prop] = args[param];
        return this.answer(
          ctx,
          model,
          shape.answer,
          shape.fields ? await this.patch(g, row, this.fields(input)) : await this.update(g, row, input, extra),
        );
      }
      case 'delete':
        return this.answer(ctx, model, shape.answer, await this.remove(g, await this.find(g, shape.key, true)));
      case 'list':
        return this.list(
          g,
          shape.filterParam ? (args[shape.filterParam] as KObject | null) : null,
          shape.pagerParam ? (args[shape.pagerParam] as KObject | null) : null,
        );
      case 'count':
        return this.count(g, shape.filterParam ? (args[shape.filterParam] as KObject | null) : null);
      case 'bulkDelete': {
        // every object the filter selects (at most 10,000 a call), each as delete would
        const filter = args[shape.filterParam] as KObject | null;
        const rows = (await this.query(g, await this.filterConditions(g, filter), [], 10000, 0)).filter((r) => canEdit(ctx, r, r.id));
        for (const r of rows) await this.remove(g, r);
        return rows.length;
      }
      case 'set': {
        const row = await this.find(g, shape.key, true);
        const patch: Data = {};
        for (const [param, prop] of shape.props) if (args[param] !== null && args[param] !== undefined) patch[prop] = args[param];
        return this.answer(ctx, model, shape.answer, await this.patch(g, row, patch));
      }
      case 'status':
        return this.answer(ctx, model, shape.answer, await this.patch(g, await this.find(g, shape.key, true), { status: shape.value }));
      case 'accept': {
        // the object the work is for, and what the call names beside it (a storage profile to export to)
        const row = await this.find(g, shape.key, true);
        await this.checkReferences(g, otherIds(shape.key, args));
        return this.answer(ctx, model, shape.answer, row);
      }
      case 'clone':
        return this.present(ctx, model, await this.clone(g, shape));
      case 'bulkUpload':
        return this.bulkUpload(g, shape);
      case 'fromFile': {
        // the sibling's arguments: the files' text, the object made of `obj[field]` parameters, the rest as given
        const sibling = this.desc.operationByName(op.service, shape.sibling)!;
        const next: Record<string, unknown> = {};
        for (const p of sibling.params) next[p.name] = null;
        for (const name of shape.same) next[name] = args[name] ?? null;
        for (const [param, target] of shape.files) next[target] = (await fileText(args[param] as FileArg | null, param)) ?? null;
        for (const [param, obj, field] of shape.objectFields) {
          if (args[param] === null || args[param] === undefined) continue;
          const cls = classOf(sibling.params.find((p) => p.name === obj)!.type);
          next[obj] = { ...((next[obj] as KObject | null) ?? { objectType: cls }), [field]: args[param] };
        }
        return this.run(ctx, sibling, next);
      }
      case 'deleteContent': {
        const row = await this.find(g, shape.key, true);
        await this.ctxStore().updateObject(row.kind, row.id, { content_size: null, file_name: null, updated_at: nowSec() });
        await this.ext.dropContent?.(row);
        return this.answer(ctx, model, shape.answer, (await this.getRow(model, row.id)) ?? row);
      }
      case 'via': {
        // the relation's rows for the given object, then the objects they link to (in the relation's order)
        const rm = this.model(shape.relationService)!;
        const links = await this.query({ ...g, model: rm }, [{ field: shape.byProp, op: 'eq', value: args[shape.param] }], [], 500, 0);
        const out: Data[] = [];
        for (const link of links) {
          const id = this.dataOf(link)[shape.targetProp];
          const row = id === undefined || id === null ? undefined : await this.byApiId(model, ctx.session?.partnerId, String(id));
          if (!row || row.partner_id !== ctx.session?.partnerId || !model.family.includes(row.object_type) || this.isDeleted(model, row))
            continue;
          if (canView(ctx, row, row.id)) out.push(await this.present(ctx, model, row));
        }
        return out;
      }
      case 'getDefault': {
        const where: Condition[] = [
          { field: 'isDefault', op: 'eq', value: 1 }, // true or TRUE_VALUE alike
          ...shape.props
            .filter(([p]) => args[p] !== null && args[p] !== undefined)
            .map(([p, prop]): Condition => ({ field: prop, op: 'eq', value: args[p] })),
        ];
        const row = (await this.query(g, where, [], 1, 0))[0];
        if (!row) throw this.notFound(op, model.objectClass, 'default');
        return this.present(ctx, model, row);
      }
      case 'lookup':
        return this.lookup(g, shape);
      case 'setAsDefault': {
        const row = await this.find(g, shape.key, true);
        await this.setDefault(g, row);
        return op.result ? this.present(ctx, model, (await this.getRow(model, row.id))!) : null;
      }
      case 'index': {
        const row = await this.find(g, shape.key);
        return op.result?.kind === 'int' ? Number(row.id) || 0 : row.id;
      }
      case 'remotePaths': {
        // the sandbox has no remote storage: the object has no remote paths
        await this.find(g, shape.key);
        return { objectType: classOf(op.result) ?? 'KalturaRemotePathListResponse', objects: [], totalCount: 0 };
      }
      case 'setContent':
      case 'serve':
      case 'serveBy':
      case 'getUrl':
        if (!this.ext.content) throw notSimulated(op);
        return this.ext.content(g, shape);
    }
  }

  /** The properties an object of another class sets (dropFolder.updateBasicFields' KalturaBasicFieldsDropFolder). */
  private fields(input: KObject | null): Data {
    const patch: Data = {};
    for (const [k, v] of Object.entries(input ?? {})) if (k !== 'objectType' && v !== undefined && v !== null) patch[k] = v;
    return patch;
  }

  /**
   * A copy of an object as a new one: its properties, those the parameters or an object parameter
   * give, a new id (the given one for classes whose ids are the client's), and the hooks of an add.
   * The original is named by the key, or by the object's `source{Class}Id` (then its `root{Class}Id`
   * is the original's root); a partner parameter other than the session's names nothing it can see.
   */
  private async clone(g: Gen, shape: Extract<Shape, { kind: 'clone' }>): Promise<ObjectRow> {
    const { args, model: m } = g;
    const input = shape.objectParam ? ((args[shape.objectParam] as KObject | null) ?? null) : null;
    let row: ObjectRow;
    if (shape.sourceProp) {
      const source = input?.[shape.sourceProp];
      if (source === undefined || source === null || source === '')
        throw new KalturaApiError('PROPERTY_VALIDATION_CANNOT_BE_NULL', {
          PROP_NAME: `${input?.objectType ?? m.objectClass}::${shape.sourceProp}`,
        });
      row = await this.find({ ...g, args: { id: source } }, { idParam: 'id', props: [] });
    } else row = await this.find(g, shape.key);
    for (const p of shape.partnerParams) {
      const v = args[p];
      if (v !== null && v !== undefined && Number(v) !== g.ctx.session?.partnerId)
        throw this.notFound(g.op, m.objectClass, key(shape.key, args));
    }
    const data: Data = {};
    for (const [k, v] of Object.entries(this.dataOf(row))) if (!k.startsWith('__')) data[k] = v;
    if (input) {
      this.checkWritable(input, undefined);
      for (const [k, v] of Object.entries(input)) if (k !== 'objectType' && v !== null && v !== undefined) data[k] = v;
    }
    for (const [param, prop] of shape.props) if (args[param] !== null && args[param] !== undefined) data[prop] = args[param];
    if (shape.sourceProp) {
      const root = shape.sourceProp.replace(/^source/, 'root');
      if (m.props.has(root)) data[root] = this.dataOf(row)[root] ?? row.id;
    }
    delete data.id;
    return this.insert(g, row.object_type, data, input ?? {});
  }

  /**
   * A bulk upload: the file is kept as the content of a new job (KalturaBulkUpload) in its first
   * status (PENDING), of the session's user, with the file's name, its type (by the file's extension
   * when not given: CSV, XML) and the type of objects it is for (the constant the service's class
   * names: CATEGORY, USER, CATEGORY_USER, ENTRY, ...). The sandbox runs no workers: the job is never
   * processed, so it stays PENDING (abort it with bulk.abort) and makes no objects.
   */
  private async bulkUpload(g: Gen, shape: Extract<Shape, { kind: 'bulkUpload' }>): Promise<Data> {
    const { ctx, args, op } = g;
    const jm = this.modelOfClass(shape.jobClass);
    if (!jm || !this.ext.attachFile) throw notSimulated(op);
    const file = args[shape.fileParam] as FileArg | null;
    if (!file) throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: shape.fileParam });
    const jg: Gen = { ...g, model: jm };
    const data: Data = {};
    for (const [param, prop] of shape.props)
      if (args[param] !== null && args[param] !== undefined && args[param] !== '') data[prop] = args[param];
    if (data.fileName === undefined && file.fileName) data.fileName = file.fileName;
    const user = ctx.session?.userId ?? '';
    if (jm.props.has('uploadedBy') && data.uploadedBy === undefined && user) data.uploadedBy = user;
    if (jm.props.has('uploadedByUserId') && user) data.uploadedByUserId = user;
    if (jm.props.has('uploadedOn')) data.uploadedOn = nowSec();
    const constant = (prop: string, words: string[]): unknown => {
      const t = jm.props.get(prop)?.type;
      const e = t?.kind === 'enum' ? this.desc.getEnum(t.name) : undefined;
      let best: { value: unknown; n: number } | undefined;
      for (const v of e?.values ?? []) {
        const w = v.name.toUpperCase().split('_');
        if (w.every((x) => words.includes(x)) && (!best || w.length > best.n))
          best = { value: e!.base === 'int' ? Number(v.value) : v.value, n: w.length };
      }
      return best?.value;
    };
    if (data.bulkUploadType === undefined) {
      const ext = /\.([A-Za-z0-9]+)$/.exec(file.fileName ?? '')?.[1]?.toUpperCase();
      const v = ext ? constant('bulkUploadType', [ext]) : undefined;
      if (v !== undefined) data.bulkUploadType = v;
    }
    if (data.bulkUploadObjectType === undefined && g.model.objectClass !== jm.objectClass) {
      const v = constant('bulkUploadObjectType', noun(g.model.objectClass).split('_'));
      if (v !== undefined) data.bulkUploadObjectType = v;
    }
    const pending = jm.status?.byName.get('PENDING') ?? jm.status?.initial;
    if (pending !== undefined) data.status = pending;
    const row = await this.insert(jg, shape.jobClass, data, {});
    return this.present(ctx, jm, await this.ext.attachFile(jg, row, file));
  }

  /** An object as the operation answers it: itself, inside its wrapper class, or nothing. */
  private async answer(ctx: CallContext, m: ServiceModel, answer: Answer, row: ObjectRow): Promise<unknown> {
    if (answer.kind === 'void') return null;
    const obj = await this.present(ctx, m, row);
    return answer.kind === 'wrapped' ? { objectType: answer.cls, [answer.prop]: obj } : obj;
  }

  // ---------------------------------------------------------------- reading

  dataOf(row: ObjectRow): Data {
    try {
      return JSON.parse(row.data) as Data;
    } catch {
      return {};
    }
  }

  getRow(m: ServiceModel, id: string): Promise<ObjectRow | undefined> {
    return this.findStored(m.kind, id);
  }

  /** The live object of class `cls` (or of its family) with this id in the session's partner, or undefined. */
  async liveObject(ctx: CallContext, cls: string, id: unknown): Promise<ObjectRow | undefined> {
    const m = this.modelOfClass(cls);
    const key = typeof id === 'string' || typeof id === 'number' ? String(id) : '';
    if (!m || !key || key.length > 100) return undefined;
    const row = await this.byApiId(m, ctx.session?.partnerId, key);
    return row && row.partner_id === ctx.session?.partnerId && m.family.includes(row.object_type) && !this.isDeleted(m, row)
      ? row
      : undefined;
  }

  private findStored(kind: string, id: string): Promise<ObjectRow | undefined> {
    return this.ctxStore().getObject(kind, id);
  }

  /**
   * Whether a kind's ids are the caller's to choose (users and groups: `alice`): then two partners
   * may each have one, so the stored key is the partner's id and the id (`4334:alice`); the API
   * id stays in the object (`id`), which lists and filters read.
   */
  private partnerScoped(m: ServiceModel): boolean {
    return m.idGiven && m.idType === 'string';
  }

  /** The stored key of an object of `m` with this API id in the partner. */
  private keyOf(m: ServiceModel, partnerId: number | undefined, id: string): string {
    return this.partnerScoped(m) && partnerId !== undefined ? `${partnerId}:${id}` : id;
  }

  /**
   * The stored object of `m` with this API id in the partner (any status). A user stored before its
   * key was the partner's (an older data folder) is found by its id alone, if it is the partner's.
   */
  async byApiId(m: ServiceModel, partnerId: number | undefined, id: string): Promise<ObjectRow | undefined> {
    if (!this.partnerScoped(m)) return this.findStored(m.kind, id);
    const row = await this.findStored(m.kind, this.keyOf(m, partnerId, id));
    if (row) return row;
    const legacy = await this.findStored(m.kind, id);
    return legacy && legacy.partner_id === partnerId ? legacy : undefined;
  }

  private storeRef?: () => SandboxStore;
  /** Set by the core: the store the engine reads and writes. */
  useStore(get: () => SandboxStore): void {
    this.storeRef = get;
  }
  ctxStore(): SandboxStore {
    return this.storeRef!();
  }

  /** Whether a row is gone for the API (removed, or marked deleted). */
  isDeleted(m: ServiceModel, row: ObjectRow): boolean {
    if (m.status?.deleted === undefined) return false;
    return this.dataOf(row).status === m.status.deleted;
  }

  /** The object a key names, if this session may see it (else the class's not-found error). */
  async find(g: Gen, key: KeyBinding, forEdit = false): Promise<ObjectRow> {
    const { ctx, model: m, args } = g;
    const pid = ctx.session?.partnerId;
    let row: ObjectRow | undefined;
    let shown = '';
    if (key.idParam) {
      const given = args[key.idParam];
      const raw = key.orSessionUser && (given === null || given === undefined || given === '') ? ctx.session?.userId : given;
      shown = raw === null || raw === undefined ? '' : String(raw);
      row = shown && shown.length <= 200 ? await this.byApiId(m, pid, shown) : undefined;
      if (row && (row.partner_id !== pid || !m.family.includes(row.object_type) || this.isDeleted(m, row))) row = undefined;
    } else {
      const where: Condition[] = key.props.map(([param, prop]) => ({ field: prop, op: 'eq', value: args[param] }));
      shown = key.props.map(([param]) => String(args[param] ?? '')).join(', ');
      row = (await this.query(g, where, [], 1, 0))[0];
    }
    // a session sees its own user (user.get of a user an ADMIN session added, from that user's session)
    const ownUser = !!row && !forEdit && m.service === 'user' && !!ctx.session?.userId && shown === ctx.session.userId;
    if (!row || !(ownUser || (forEdit ? canEdit(ctx, row, row.id) : canView(ctx, row, row.id)))) {
      if (m.parentParam && key.idParam === m.parentParam) throw await this.parentNotFound(g, m.parentParam, shown);
      if (!key.idParam) await this.checkReferences(g, Object.fromEntries(key.props.map(([param, prop]) => [prop, args[param]])));
      throw this.notFound(g.op, m.objectClass, shown, !key.idParam);
    }
    return row;
  }

  /** Rows of the service's family matching `where` (deleted ones left out unless a status is asked for). */
  query(g: Gen, where: Condition[], order: OrderBy[], limit: number, offset: number): Promise<ObjectRow[]> {
    return this.ctxStore().queryObjects({
      ...this.filterOf(g, where),
      order,
      limit,
      offset,
    });
  }

  /** Whether a query leaves deleted objects out: yes, unless it asks about the status itself. */
  private live(m: ServiceModel, where: Condition[]): boolean {
    return m.status?.deleted !== undefined && !where.some((c) => c.field === 'status');
  }

  /** The object as the API answers it: its properties, ids and times, computed properties. */
  async present(ctx: CallContext, _m: ServiceModel, row: ObjectRow): Promise<Data> {
    const data = this.dataOf(row);
    // in the class's property order, as Kaltura answers
    const out: Data = { objectType: row.object_type };
    for (const p of this.desc.allProperties(row.object_type)) if (data[p.name] !== undefined) out[p.name] = data[p.name];
    // properties of the sandbox's own start with `__` (a login's password hash): never answered
    for (const [k, v] of Object.entries(data)) if (!(k in out) && !k.startsWith('__')) out[k] = v;
    await this.each(row.object_type, (h) => h.present?.(ctx, this, out, row));
    return out;
  }

  // ---------------------------------------------------------------- errors

  /** An error the operation (or the description) documents, by code, with its args filled. */
  error(op: Operation | undefined, code: string, args: Record<string, string | number> = {}): KalturaApiError {
    const template = op?.errors?.find((e) => e.code === code)?.message ?? this.catalog.get(code);
    return template ? new KalturaApiError(code, args, template) : new KalturaApiError(code as never, args);
  }

  /** The first documented error whose code matches, with every placeholder filled with `value`. */
  private documented(op: Operation | undefined, codes: string[]): ApiError | undefined {
    for (const code of codes) {
      const own = op?.errors?.find((e) => e.code === code);
      if (own) return own;
    }
    for (const code of codes) {
      const message = this.catalog.get(code);
      if (message) return { code, message };
    }
    return undefined;
  }

  private fill(e: ApiError, value: string): KalturaApiError {
    const args: Record<string, string> = {};
    for (const m of e.message.matchAll(/@([A-Z0-9_]+)@/g)) args[m[1]!] = value.slice(0, 200);
    return new KalturaApiError(e.code, args, e.message);
  }

  /** Error codes that say an object of a class (by its noun) was not found. */
  private notFoundCodes(cls: string): string[] {
    const isEntry = this.desc.isSubclassOf(cls, 'KalturaBaseEntry') || (/Entry$/.test(cls) && !/CategoryEntry|UserEntry/.test(cls));
    const words = noun(cls).split('_');
    const nouns: string[] = [];
    if (isEntry) nouns.push('ENTRY');
    for (let n = words.length; n >= 1; n--) nouns.push(words.slice(0, n).join('_'));
    if (words.length > 1) nouns.push(words.slice(1).join('_'));
    return nouns.flatMap((n) => [`${n}_ID_NOT_FOUND`, `${n}_NOT_FOUND`, `INVALID_${n}_ID`]);
  }

  /** `{CLASS}_ID_NOT_FOUND` and the like, as the operation or the description documents it. */
  notFound(op: Operation | undefined, cls: string, id: string, relation = false): KalturaApiError {
    const codes = this.notFoundCodes(cls);
    if (relation) {
      // a relation without its own code: what the operation says for "not assigned"
      const own = op?.errors?.find((e) => /NOT_ASSIGNED|_NOT_IN_/.test(e.code));
      if (own) return this.fill(own, id);
    }
    const e = this.documented(op, codes);
    if (e) return this.fill(e, id);
    return new KalturaApiError('INVALID_OBJECT_ID', { ID: id.slice(0, 200) });
  }

  /**
   * References an object makes to others (`entryId`, `categoryId`, `metadataProfileId`), checked
   * when the operation documents a not-found error for that kind of object. An object that
   * belongs to an entry or a category for life (its `entryId` / `categoryId` read-only or
   * insert-only: a cue point, a vendor task, a user entry) needs it to exist on Kaltura even where
   * the description does not say so: it is checked too, with Kaltura's ENTRY_ID_NOT_FOUND /
   * CATEGORY_NOT_FOUND. (A loose reference, such as a batch job's entryId, is not; other kinds of
   * objects may be system objects of Kaltura's, such as flavor params 0, that the sandbox does not keep.)
   */
  async checkReferences(g: Gen, data: Data): Promise<void> {
    for (const [prop, value] of Object.entries(data)) {
      if (value === null || value === undefined || value === '' || !/.Id$/.test(prop) || prop === 'id') continue;
      const target = prop.slice(0, -2);
      const def = this.familyProps(g.model).get(prop);
      const forLife = !!def && (def.readOnly || def.insertOnly);
      if (target === 'entry') {
        const own = g.op.errors?.find((x) => x.code === 'INVALID_ENTRY_ID') ?? g.op.errors?.find((x) => x.code === 'ENTRY_ID_NOT_FOUND');
        if (!own && !forLife) continue;
        if (!(await this.entryExists(g.ctx, String(value))))
          throw own ? this.fill(own, String(value)) : new KalturaApiError('ENTRY_ID_NOT_FOUND', { ENTRY_ID: String(value).slice(0, 100) });
        continue;
      }
      const m = this.model(target) ?? [...this.models.values()].find((x) => lc(x.objectClass) === lc(`Kaltura${target}`));
      if (!m || (m === g.model && prop !== 'parentId')) continue;
      const codes = this.notFoundCodes(m.objectClass);
      const e =
        g.op.errors?.find((x) => codes.includes(x.code)) ??
        (forLife && this.desc.isSubclassOf(m.objectClass, 'KalturaCategory') ? this.documented(undefined, codes) : undefined);
      if (!e) continue;
      const row = await this.byApiId(m, g.ctx.session?.partnerId, String(value));
      if (!row || row.partner_id !== g.ctx.session?.partnerId || this.isDeleted(m, row)) throw this.fill(e, String(value));
    }
  }

  /** Set by the core: whether an entry (the hand-written media service's, or a generic one) exists. */
  entryExists: (ctx: CallContext, id: string) => Promise<boolean> = async () => false;

  // ---------------------------------------------------------------- writing

  /** The read-only and insert-only checks of Kaltura's validateForInsert / validateForUpdate. */
  private checkWritable(input: KObject, current: Data | undefined): void {
    const given = (input as unknown as Record<symbol, Record<string, unknown> | undefined>)[GIVEN_READ_ONLY];
    for (const [prop, value] of Object.entries(given ?? {})) {
      if (current && sameValue(current[prop], value)) continue;
      throw new KalturaApiError('PROPERTY_VALIDATION_NOT_UPDATABLE', { PROP_NAME: `${input.objectType}::${prop}` });
    }
    if (!current) return;
    for (const p of this.desc.allProperties(input.objectType)) {
      if (!p.insertOnly || input[p.name] === undefined || input[p.name] === null) continue;
      if (sameValue(current[p.name], input[p.name])) continue;
      throw new KalturaApiError('PROPERTY_VALIDATION_NOT_UPDATABLE', { PROP_NAME: `${input.objectType}::${p.name}` });
    }
  }

  /**
   * The object of another object (a quiz of an entry): that object must be there (its documented
   * not-found error), may have one only (the operation's `..._IS_ALREADY_A_...`), and its id is the
   * new object's.
   */
  private async addForParent(g: Gen, input: KObject | null, propParams: Array<[string, string]>, parentParam: string): Promise<ObjectRow> {
    const parentId = String(g.args[parentParam] ?? '');
    await this.checkReferences(g, { [parentParam]: parentId });
    const existing = await this.findStored(g.model.kind, parentId);
    if (existing && existing.partner_id === g.ctx.session?.partnerId) throw this.duplicate(g, parentId);
    return this.add(g, input, propParams, parentId);
  }

  /** Why the object of another object (a quiz of an entry) is not there: that object is not, or it has none. */
  private async parentNotFound(g: Gen, parentParam: string, shown: string): Promise<KalturaApiError> {
    await this.checkReferences(g, { [parentParam]: shown });
    const codes = g.op.errors ?? [];
    const notA = codes.find((e) => e.code.endsWith(`_IS_NOT_A_${noun(g.model.objectClass)}`));
    if (notA) return this.fill(notA, shown);
    const target = parentParam.slice(0, -2);
    const targetModel = target === 'entry' ? undefined : this.model(target);
    const parentCodes =
      target === 'entry' ? ['ENTRY_ID_NOT_FOUND', 'INVALID_ENTRY_ID'] : targetModel ? this.notFoundCodes(targetModel.objectClass) : [];
    const own = codes.find((e) => [...this.notFoundCodes(g.model.objectClass), ...parentCodes].includes(e.code));
    return own ? this.fill(own, shown) : this.notFound(g.op, g.model.objectClass, shown);
  }

  add(g: Gen, input: KObject | null, propParams: Array<[string, string]>, givenId?: string): Promise<ObjectRow> {
    const { model: m, args } = g;
    const cls = input?.objectType ?? m.objectClass;
    const def = this.desc.getClass(cls);
    if (def?.abstract) throw new KalturaApiError('OBJECT_TYPE_ABSTRACT', { OBJ_TYPE: cls });
    if (input) this.checkWritable(input, undefined);
    const data: Data = {};
    for (const [k, v] of Object.entries(input ?? {})) if (k !== 'objectType' && v !== null && v !== undefined) data[k] = v;
    for (const [param, prop] of propParams) if (args[param] !== null && args[param] !== undefined) data[prop] = args[param];
    return this.insert(g, cls, data, input ?? {}, givenId);
  }

  /** Stores a new object of class `cls` with `data`: id, partner, times, status, hooks. */
  async insert(g: Gen, cls: string, data: Data, input: Data, givenId?: string): Promise<ObjectRow> {
    const { ctx, model: m } = g;
    const store = this.ctxStore();
    const pid = ctx.session!.partnerId;
    for (const k of m.keyProps) {
      if (data[k] === undefined || data[k] === null || data[k] === '')
        throw new KalturaApiError('PROPERTY_VALIDATION_CANNOT_BE_NULL', { PROP_NAME: `${cls}::${k}` });
    }
    await this.checkReferences(g, data);
    await ctx.core.visitors?.beforeInsert(ctx);
    let id: string;
    if (givenId !== undefined) id = givenId;
    else if (m.idType === 'int') id = String(await store.nextNumericId(ID_SPACES[m.kind] ?? m.kind));
    else if (m.idType === 'string' && m.idGiven && typeof input.id === 'string' && input.id !== '') id = input.id;
    else if (m.idType === 'string' && m.idGiven && m.props.get('id') && !input.id && this.requiresGivenId(m)) {
      throw this.error(g.op, 'PROPERTY_VALIDATION_CANNOT_BE_NULL', { PROP_NAME: `${cls}::id` });
    } else id = newEntryId();
    if (m.idGiven && input.id) {
      const existing = await this.byApiId(m, pid, id);
      if (existing) {
        if (existing.partner_id !== pid || !this.isDeleted(m, existing)) throw this.duplicate(g, id);
        await store.removeObject(m.kind, existing.id);
      }
    }
    if (m.keyProps.length) {
      const dup = await this.query(
        g,
        m.keyProps.map((k) => ({ field: k, op: 'eq' as const, value: data[k] })),
        [],
        1,
        0,
      );
      if (dup.length) throw this.duplicate(g, m.keyProps.map((k) => String(data[k])).join(', '));
    }
    // a system name the operation documents as unique (`..._DUPLICATE_SYSTEM_NAME`): unique in the partner
    const dupName = g.op.errors?.find((e) => /DUPLICATE_SYSTEM_NAME$/.test(e.code));
    if (dupName && m.props.has('systemName') && typeof data.systemName === 'string' && data.systemName !== '') {
      const { owner: _all, ...filter } = this.filterOf(g, [{ field: 'systemName', op: 'eq', value: data.systemName }]);
      if ((await store.queryObjects({ ...filter, order: [], limit: 1, offset: 0 })).length) throw this.fill(dupName, data.systemName);
    }
    const now = nowSec();
    if (m.idType === 'int') data.id = Number(id);
    else if (m.idType === 'string') data.id = id;
    if (m.props.has('partnerId')) data.partnerId = pid;
    if (m.props.has('createdAt')) data.createdAt = now;
    if (m.props.has('updatedAt')) data.updatedAt = now;
    if (m.status && data.status === undefined && m.status.initial !== undefined) data.status = m.status.initial;
    fillTypes(this.desc, cls, data);
    const owner = newOwner(ctx);
    const row: ObjectRow = {
      kind: m.kind,
      id: this.keyOf(m, pid, id),
      partner_id: pid,
      object_type: cls,
      ...owner,
      created_at: now,
      updated_at: now,
      data: '',
      content_size: null,
      file_name: null,
    };
    await this.each(cls, (h) => h.beforeAdd?.(g, data, row));
    // a class with a user (an entry's, a cue point's) names the one it belongs to, as Kaltura fills it
    if (this.props(cls).has('userId') && (data.userId === undefined || data.userId === null) && row.user_id) data.userId = row.user_id;
    row.data = JSON.stringify(data);
    row.deleted = m.status?.deleted !== undefined && data.status === m.status.deleted ? 1 : 0;
    await store.insertObject(row);
    await this.each(cls, (h) => h.afterAdd?.(g, data, row));
    // a hook may have changed it (setDefault): read it back only then
    return m.keyProps.length || this.hooksOf.get(cls)?.some((h) => h.afterAdd) ? (await store.getObject(m.kind, row.id))! : row;
  }

  /** A user id is the client's to choose and must be given (KalturaUser); other given ids are optional. */
  private requiresGivenId(m: ServiceModel): boolean {
    return (
      m.props.get('id')?.type.kind === 'string' && !m.props.get('id')?.readOnly && this.desc.isSubclassOf(m.objectClass, 'KalturaBaseUser')
    );
  }

  private duplicate(g: Gen, id: string): KalturaApiError {
    const own = g.op.errors?.find((e) => /^DUPLICATE_|_ALREADY_EXISTS$|_IS_ALREADY_A_/.test(e.code));
    if (own) return this.fill(own, id);
    const e = this.documented(g.op, [`${noun(g.model.objectClass)}_ALREADY_EXISTS`, `DUPLICATE_${noun(g.model.objectClass)}`]);
    return e ? this.fill(e, id) : new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: 'id (already used)' });
  }

  /** An update: the object's writable properties that are sent (and properties given beside it, `extra`). */
  update(g: Gen, row: ObjectRow, input: KObject | null, extra: Data = {}): Promise<ObjectRow> {
    const current = this.dataOf(row);
    if (!input) return this.patch(g, row, { ...extra });
    if (input.objectType !== row.object_type && !this.desc.isSubclassOf(row.object_type, input.objectType)) {
      throw new KalturaApiError('INVALID_OBJECT_TYPE', { INVALID_OBJ_TYPE: input.objectType });
    }
    this.checkWritable(input, current);
    const patch: Data = { ...extra };
    for (const [k, v] of Object.entries(input)) {
      if (k === 'objectType' || v === undefined) continue;
      if (this.props(row.object_type).get(k)?.insertOnly) continue;
      patch[k] = v;
    }
    return this.patch(g, row, patch);
  }

  /** Applies `patch` (null removes a property) with the hooks, and stores it. */
  async patch(g: Gen, row: ObjectRow, patch: Data): Promise<ObjectRow> {
    const current = this.dataOf(row);
    await this.each(row.object_type, (h) => h.beforeUpdate?.(g, current, patch, row));
    const next: Data = { ...current };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete next[k];
      else next[k] = v;
    }
    const now = nowSec();
    if (g.model.props.has('updatedAt')) next.updatedAt = now;
    fillTypes(this.desc, row.object_type, next);
    const deleted = g.model.status?.deleted !== undefined && next.status === g.model.status.deleted ? 1 : 0;
    await this.ctxStore().updateObject(row.kind, row.id, { data: JSON.stringify(next), updated_at: now, deleted });
    return (await this.ctxStore().getObject(row.kind, row.id))!;
  }

  /** Marks the object deleted when its class has a DELETED status, else removes it. */
  async remove(g: Gen, row: ObjectRow): Promise<ObjectRow> {
    const data = this.dataOf(row);
    await this.each(row.object_type, (h) => h.beforeDelete?.(g, data, row));
    const m = g.model;
    let out = row;
    if (m.status?.deleted !== undefined) {
      const patch: Data = { status: m.status.deleted };
      if (m.props.has('deletedAt')) patch.deletedAt = nowSec();
      out = await this.patch(g, row, patch);
    } else await this.ctxStore().removeObject(row.kind, row.id);
    await this.ext.dropContent?.(row);
    return out;
  }

  /** Marks one object the default among those of its parent (same entryId, or all). */
  async setDefault(g: Gen, row: ObjectRow): Promise<void> {
    const m = g.model;
    const data = this.dataOf(row);
    const prop = m.props.get('isDefault');
    if (!prop) return;
    const yes = prop.type.kind === 'bool' ? true : 1;
    const no = prop.type.kind === 'bool' ? false : 0;
    const where: Condition[] =
      m.props.has('entryId') && data.entryId !== undefined ? [{ field: 'entryId', op: 'eq', value: data.entryId }] : [];
    for (const other of await this.query(g, [...where, { field: 'isDefault', op: 'eq', value: yes }], [], 500, 0)) {
      if (other.id !== row.id)
        await this.ctxStore().updateObject(other.kind, other.id, { data: JSON.stringify({ ...this.dataOf(other), isDefault: no }) });
    }
    if (data.isDefault !== yes)
      await this.ctxStore().updateObject(row.kind, row.id, { data: JSON.stringify({ ...data, isDefault: yes }), updated_at: nowSec() });
  }

  // ---------------------------------------------------------------- lists

  private props(cls: string): Map<string, PropertyDef> {
    return new Map(this.desc.allProperties(cls).map((p) => [p.name, p] as const));
  }

  /**
   * Conditions for the fields of a list filter that name properties (`nameLike`, `statusIn`,
   * `firstNameOrLastNameStartsWith`, `tagsNameMultiLikeOr`: tags or name); the names of the fields
   * that name none go to `unapplied`.
   */
  conditions(m: ServiceModel, filter: KObject | null, opts: ConditionOptions = {}): Condition[] {
    if (!filter) return [];
    const props = this.familyProps(m);
    // a filter may spell a property in another case (KalturaPlaylistFilter's playListTypeEqual)
    const byLower = new Map([...props.keys()].map((k) => [k.toLowerCase(), k] as const));
    const resolve = (n: string): string | undefined => (props.has(n) ? n : byLower.get(n.toLowerCase()));
    const own = this.props(filter.objectType);
    const out: Condition[] = [];
    for (const [name, value] of Object.entries(filter)) {
      if (name === 'objectType' || name === 'orderBy' || value === null || value === undefined || value === '') continue;
      if (opts.claimed?.has(name)) continue;
      // KalturaNullableBoolean's NULL_VALUE (-1) sets nothing
      const t = own.get(name)?.type;
      if (t?.kind === 'enum' && t.name === 'KalturaNullableBoolean' && Number(value) === -1) continue;
      const before = out.length;
      // `userIdEqualCurrent` / `userIdCurrent`: the session's own user, when set
      const current = /^(.+?)(?:Equal)?Current$/.exec(name);
      const currentProp = current ? resolve(current[1]!) : undefined;
      if (currentProp && opts.userId !== undefined) {
        if (value === true || Number(value) === 1) out.push({ field: currentProp, op: 'eq', value: opts.userId });
        continue;
      }
      for (const [suffix, op] of SUFFIXES) {
        if (!name.endsWith(suffix) || name.length === suffix.length) continue;
        const stem = name.slice(0, -suffix.length);
        const one = resolve(stem);
        const named = one
          ? [one]
          : stem
              .split('Or')
              .map((s, i) => (i && s ? s[0]!.toLowerCase() + s.slice(1) : s))
              .map(resolve)
              .filter((f): f is string => f !== undefined);
        const fields = named.length ? named : propertyRun(stem, { has: (n) => resolve(n) !== undefined }).flatMap((n) => resolve(n) ?? []);
        // a property computed when answered has no stored value to compare: the field is not applied (refused)
        if (!fields.length || fields.some((f) => this.computedProps(m).has(f))) break;
        const prop = props.get(fields[0]!)!;
        const numeric =
          prop.type.kind === 'int' ||
          prop.type.kind === 'float' ||
          (prop.type.kind === 'enum' && this.desc.getEnum(prop.type.name)?.base === 'int');
        const bool = prop.type.kind === 'bool';
        const conv = (v: unknown) =>
          numeric && v !== '' && Number.isFinite(Number(v))
            ? Number(v)
            : bool
              ? v === true || v === 1 || v === '1' || v === 'true'
                ? 1
                : 0
              : String(v);
        let v: unknown = value;
        if (op === 'in' || op === 'notIn') v = listItems(value).map(conv);
        else if (
          op !== 'like' &&
          op !== 'multiLikeOr' &&
          op !== 'multiLikeAnd' &&
          op !== 'startsWith' &&
          op !== 'endsWith' &&
          op !== 'matchOr' &&
          op !== 'matchAnd' &&
          op !== 'notContains'
        )
          v = conv(value);
        out.push({ field: fields[0]!, op, value: v, ...(fields.length > 1 ? { fields } : {}) });
        break;
      }
      if (out.length === before) opts.unapplied?.push(name);
    }
    return out;
  }

  /** `+name,-createdAt` -> order; a field the class does not have is refused (SANDBOX_FILTER_NOT_SIMULATED), not left out. */
  order(m: ServiceModel, orderBy: unknown): OrderBy[] {
    const out: OrderBy[] = [];
    for (const part of listItems(orderBy)) {
      const x = /^([+-])([A-Za-z0-9_]+)$/.exec(part);
      if (x && (this.familyProps(m).has(x[2]!) || x[2] === 'createdAt') && !this.computedProps(m).has(x[2]!))
        out.push({ field: x[2]!, desc: x[1] === '-' });
      else throw new KalturaApiError('SANDBOX_FILTER_NOT_SIMULATED', { FIELD: `orderBy ${part.slice(0, 80)}`, CLASS: m.objectClass });
    }
    return out;
  }

  async list(g: Gen, filter: KObject | null, pager: KObject | null): Promise<Data> {
    const m = g.model;
    const where = await this.filterConditions(g, filter);
    const { limit, offset } = pageOf(pager);
    const { rows, total } = await this.ctxStore().pageObjects({
      ...this.filterOf(g, where),
      order: this.order(m, filter?.orderBy),
      limit,
      offset,
    });
    const responseClass = g.op.result?.kind === 'object' ? g.op.result.className : `${m.objectClass}ListResponse`;
    return { objectType: responseClass, objects: await Promise.all(rows.map((r) => this.present(g.ctx, m, r))), totalCount: total };
  }

  async count(g: Gen, filter: KObject | null): Promise<number> {
    return this.ctxStore().countObjects(this.filterOf(g, await this.filterConditions(g, filter)));
  }

  /**
   * The conditions of a list filter: its fields on properties, and those a filter hook answers. A
   * field neither applies (`advancedSearch`, `freeText` of most classes) is refused with
   * SANDBOX_FILTER_NOT_SIMULATED, naming it: leaving it out would answer objects that do not match
   * (and make a bulk delete delete them).
   */
  async filterConditions(g: Gen, filter: KObject | null): Promise<Condition[]> {
    const unapplied: string[] = [];
    const where = this.conditions(g.model, filter, {
      unapplied,
      claimed: this.claimedFilterFields(g.model),
      userId: g.ctx.session?.userId ?? '',
    });
    const [refused] = unapplied;
    if (refused !== undefined && filter)
      throw new KalturaApiError('SANDBOX_FILTER_NOT_SIMULATED', {
        FIELD: refused.slice(0, 100),
        CLASS: String(filter.objectType).slice(0, 100),
      });
    return [...where, ...(await this.filterHooks(g, filter))];
  }

  /** The class and its bases, nearest first (KalturaPlaylist, KalturaBaseEntry). */
  private lineage(cls: string): string[] {
    const out: string[] = [];
    for (let c: string | undefined = cls; c && out.length < 20; c = this.desc.getClass(c)?.base) out.push(c);
    return out;
  }

  /** Filter fields the `filter:{class}` hooks of the class and its bases answer (not read as properties). */
  claimedFilterFields(m: ServiceModel): Set<string> {
    return new Set(this.lineage(m.objectClass).flatMap((c) => this.ext.filterFields?.[lc(c)] ?? []));
  }

  /** The rows of the service's family, of the caller's partner and scope, matching `where` (live ones unless a status is asked for). */
  private filterOf(g: Gen, where: Condition[]): ObjectFilter {
    const m = g.model;
    return {
      kind: m.kind,
      partnerId: g.ctx.session!.partnerId,
      objectTypes: m.family,
      where,
      live: this.live(m, where),
      owner: ownerScope(g.ctx),
    };
  }

  /** Filter fields a hook answers (category ancestors, ...): `filter:{Class}` overrides of the class and its bases. */
  private async filterHooks(g: Gen, given: KObject | null): Promise<Condition[]> {
    // a hook sees a filter even when the call sends none (Kaltura's lists make an empty one)
    const filter = given ?? { objectType: '' };
    const out: Condition[] = [];
    for (const c of this.lineage(g.model.objectClass)) {
      const hook = this.ext.overrides[`filter:${lc(c)}`];
      if (hook) out.push(...(((await hook({ ...g, args: { filter } })) as Condition[] | undefined) ?? []));
    }
    return out;
  }

  private async lookup(g: Gen, shape: Extract<Shape, { kind: 'lookup' }>): Promise<unknown> {
    const m = g.model;
    const where: Condition[] = shape.props
      .filter(([p]) => g.args[p] !== null && g.args[p] !== undefined)
      .map(([p, prop]) => ({ field: prop, op: 'eq', value: g.args[p] }));
    if (!shape.many) {
      const row = (await this.query(g, where, [], 1, 0))[0];
      if (!row) throw this.notFound(g.op, m.objectClass, shape.props.map(([p]) => String(g.args[p] ?? '')).join(', '));
      return this.present(g.ctx, m, row);
    }
    const { limit, offset } = pageOf(shape.pagerParam ? (g.args[shape.pagerParam] as KObject | null) : null);
    const rows = await Promise.all(
      (await this.query(g, where, [], shape.pagerParam ? limit : 500, shape.pagerParam ? offset : 0)).map((r) => this.present(g.ctx, m, r)),
    );
    if (g.op.result?.kind === 'array') return rows;
    const total = await this.ctxStore().countObjects(this.filterOf(g, where));
    return {
      objectType: g.op.result?.kind === 'object' ? g.op.result.className : `${m.objectClass}ListResponse`,
      objects: rows,
      totalCount: total,
    };
  }

  /** The properties of the service's class and of every class of its family (a subclass's `duration`). */
  private familyProps(m: ServiceModel): Map<string, PropertyDef> {
    let props = this.familyPropsOf.get(m.objectClass);
    if (!props) {
      props = new Map(this.props(m.objectClass));
      for (const c of m.family) for (const [k, p] of this.props(c)) if (!props.has(k)) props.set(k, p);
      this.familyPropsOf.set(m.objectClass, props);
    }
    return props;
  }
  private readonly familyPropsOf = new Map<string, Map<string, PropertyDef>>();

  private readonly computedOf = new Map<string, Set<string>>();
  /** The properties the hooks of the service's classes compute when answering (not stored). */
  private computedProps(m: ServiceModel): Set<string> {
    let out = this.computedOf.get(m.objectClass);
    if (!out) {
      out = new Set();
      for (const [cls, h] of Object.entries(this.ext.hooks))
        if (h.computed && m.family.some((c) => this.desc.isSubclassOf(c, cls))) for (const p of h.computed) out.add(p);
      this.computedOf.set(m.objectClass, out);
    }
    return out;
  }

  private readonly hooksOf = new Map<string, ClassHooks[]>();
  /** The hooks that apply to a class (its own and its bases'), found once per class. */
  private async each(cls: string, fn: (h: ClassHooks) => Maybe<void>): Promise<void> {
    let list = this.hooksOf.get(cls);
    if (!list) {
      list = Object.entries(this.ext.hooks)
        .filter(([name]) => this.desc.isSubclassOf(cls, name))
        .map(([, h]) => h);
      this.hooksOf.set(cls, list);
    }
    for (const h of list) await fn(h);
  }
}

/**
 * Kinds of objects that Kaltura keeps in one table, each shown by its own API class: they take
 * their numeric ids from one sequence, so that an id names one object (accessControl and
 * accessControlProfile are two views of Kaltura's access_control rows; a bulk upload is a batch job).
 */
const ID_SPACES: Record<string, string> = {
  KalturaAccessControl: 'KalturaAccessControlProfile',
  KalturaBulkUpload: 'KalturaBatchJob',
};

/** The `...Id` arguments of a call other than its key's (a reference to check: `storageProfileId`). */
function otherIds(k: KeyBinding, args: Record<string, unknown>): Data {
  const keyParams = new Set(k.idParam ? [k.idParam] : k.props.map(([p]) => p));
  return Object.fromEntries(
    Object.entries(args).filter(([name, v]) => /.Id$/.test(name) && !keyParams.has(name) && v !== null && v !== undefined),
  );
}

/** The key values a call gives, as an error shows them. */
function key(k: KeyBinding, args: Record<string, unknown>): string {
  return (k.idParam ? [k.idParam] : k.props.map(([p]) => p)).map((p) => String(args[p] ?? '')).join(', ');
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || a === null || b === undefined || b === null) return false;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return String(a) === String(b);
}

/**
 * Read-only type properties set from the class, as the server sets them (`cuePointType` of a
 * KalturaCodeCuePoint is CODE, the `type` of a KalturaAccessControlBlockAction is BLOCK): the enum
 * value whose constant's words all appear in the class name. Nested objects too.
 */
export function fillTypes(desc: ApiDescription, cls: string, data: Data, depth = 0): void {
  if (depth > 8) return;
  const words = new Set(noun(cls).split('_'));
  for (const p of desc.allProperties(cls)) {
    const v = data[p.name];
    if (p.type.kind === 'object' && v && typeof v === 'object' && !Array.isArray(v)) {
      fillTypes(desc, String((v as Data).objectType ?? p.type.className), v as Data, depth + 1);
      continue;
    }
    if (p.type.kind === 'array' && Array.isArray(v)) {
      for (const item of v)
        if (item && typeof item === 'object')
          fillTypes(desc, String((item as Data).objectType ?? p.type.itemClass), item as Data, depth + 1);
      continue;
    }
    if (!p.readOnly || p.type.kind !== 'enum' || v !== undefined || !/^(type|[a-z][A-Za-z]*Type)$/.test(p.name)) continue;
    const e = desc.getEnum(p.type.name);
    let best: { value: unknown; n: number } | undefined;
    for (const ev of e?.values ?? []) {
      const w = ev.name.toUpperCase().split('_');
      if (w.every((x) => words.has(x)) && (!best || w.length > best.n)) best = { value: ev.value, n: w.length };
    }
    if (best) data[p.name] = e!.base === 'int' ? Number(best.value) : best.value;
  }
}

/** The answer to an action the API has and the sandbox does not simulate. */
export function notSimulated(op: Operation): KalturaApiError {
  return new KalturaApiError('SANDBOX_ACTION_NOT_SIMULATED', { SERVICE_NAME: op.service, ACTION_NAME: op.action });
}
