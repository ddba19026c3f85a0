/**
 * The sandbox core: partner setup, KS validation, one call (service + action + parameter tree)
 * and multirequests. Framework-free; the HTTP edge is http.ts.
 *
 * It follows the API description it is given (the console's: RECIPES_API, else the built-in one):
 * the hand-written services (session, uploadToken, media) answer their actions, the generic
 * services (generic/) every other operation whose shape they recognise, and any other operation of
 * the description answers SANDBOX_ACTION_NOT_SIMULATED. Names the description does not have are
 * SERVICE_DOES_NOT_EXISTS / ACTION_DOES_NOT_EXISTS, as on a real server.
 */
import { operationNamed } from '../description/operation-path';
import { randomBytes, randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getKalturaDescription } from '../description';
import { SYSTEM_PARTNER_NOTE, systemPartnerOnly } from '../description/kaltura/system-partners';
import type { ApiDescription } from '../description/types';
import { LoginBackoff } from './backoff';
import type { SandboxSettings } from './config';
import type { Action, CallContext, Session } from './context';
import { coerceArgs } from './coerce';
import { KalturaApiError, toApiError } from './errors';
import { KS_ERRORS, KsError, canonicalKs, ksFingerprint, parseKs, peekKsPartner } from './ks';
import { asTree, fromJson, paramText, type ParamTree, type RawValue } from './params';
import { recover } from './recovery';
import * as media from './services/media';
import { ENTRY_ACTIONS } from './services/entries';
import { BASE_ENTRY_ACTIONS, entryVisible } from './services/entry-space';
import * as session from './services/session';
import * as uploadToken from './services/uploadToken';
import type { EntryRow, ObjectRow, PartnerRow, SandboxStore, TokenRow } from './store';
import { openStore } from './storage';
import { UploadEngine } from './uploads';
import { Visitors } from './public';
import { GenericEngine, notSimulated } from './generic/engine';
import { extensions } from './services/extensions';
import { FileAnswer } from './services/content';
import type { EntryIdsOf } from './services/media';
import type { Operation } from '../description/types';

/**
 * SERVICE_FORBIDDEN for an operation Kaltura grants only to its own system partners: Kaltura's
 * message (its service id and action), then why, so that a reader knows an account will not help.
 */
export function systemPartnerForbidden(op: Operation): KalturaApiError {
  return new KalturaApiError(
    'SERVICE_FORBIDDEN',
    { SERVICE: serviceAction(op) },
    `The access to service [@SERVICE@] is forbidden. ${SYSTEM_PARTNER_NOTE}`,
  );
}

/** `caption_captionasset->add`: how Kaltura's SERVICE_FORBIDDEN names an operation (its URL service id). */
function serviceAction(op: Operation): string {
  return `${(op.serviceId ?? op.service).toLowerCase()}->${op.action}`;
}

/** In the data folder: where the running console answers (`{ serviceUrl, pid, at }`). */
export const CONSOLE_FILE = 'console.json';

/** The hand-written actions, by `service.action` as the description names them. */
export const ACTIONS: Record<string, Action> = {
  'system.ping': () => true,
  'session.start': session.start,
  'session.get': session.get,
  'session.end': session.end,
  'uploadToken.add': uploadToken.add,
  'uploadToken.get': uploadToken.get,
  'uploadToken.list': uploadToken.list,
  'uploadToken.delete': uploadToken.del,
  'uploadToken.upload': uploadToken.upload,
  'media.add': media.add,
  'media.addContent': media.addContent,
  'media.get': media.get,
  'media.list': media.list,
  'media.update': media.update,
  'media.delete': media.del,
  'baseEntry.addContent': media.addContent,
  'media.count': media.count,
  ...ENTRY_ACTIONS,
  ...BASE_ENTRY_ACTIONS,
};

/** Parameters that belong to the request, not to an action. */
const REQUEST_KEYS = new Set([
  'service',
  'action',
  'ks',
  'format',
  'partnerId',
  'clientTag',
  'apiVersion',
  'kalsig',
  'ignoreNull',
  'responseProfile',
  'language',
]);

export interface CallRequest {
  service: string;
  action: string;
  params: ParamTree;
  baseUrl: string;
  /** A sub-request of a multirequest (counted once, with its multirequest). */
  nested?: boolean;
}

export class SandboxCore {
  readonly store: SandboxStore;
  readonly uploads: UploadEngine;
  /** The API description the sandbox follows (see useDescription). */
  desc!: ApiDescription;
  generic!: GenericEngine;
  /** Entries a media.list filter's category fields select (set by the category extension). */
  entryIdsOf?: EntryIdsOf;
  /** An entry's default thumbnail asset, if it has one with content (services/thumbnails.ts). */
  defaultThumbnail?: (entryId: string) => Promise<ObjectRow | undefined>;
  /** Properties of an entry that other services keep (its categories, its default thumbnail). */
  entryExtras?: (ctx: CallContext, e: EntryRow) => Promise<Record<string, unknown>>;
  /** What goes with a deleted entry (its memberships, assets, cue points, metadata; services/entry-space.ts). */
  entryDeleted?: (ctx: CallContext, entryId: string) => Promise<void>;
  /** Public mode: visitor partners, quotas, expiry (public.ts); null otherwise. */
  readonly visitors: Visitors | null;
  /** Back-off of session.start after wrong secrets, per partner. */
  readonly loginBackoff = new LoginBackoff();
  partner!: PartnerRow;

  /** Use `SandboxCore.create`: the store must be open and the partner set up before any call. */
  private constructor(
    readonly settings: SandboxSettings,
    desc: ApiDescription,
    store: SandboxStore,
  ) {
    this.store = store;
    this.useDescription(desc);
    this.uploads = new UploadEngine(this.store, settings, (t) => this.tokenCompleted(t));
    this.visitors = settings.public ? new Visitors(this, settings.public) : null;
  }

  /** Opens the storage (SANDBOX_STORAGE), sets up the partner, repairs what a crash left (recovery.ts). */
  static async create(settings: SandboxSettings, desc: ApiDescription = getKalturaDescription()): Promise<SandboxCore> {
    const store = await openStore(settings);
    const core = new SandboxCore(settings, desc, store);
    try {
      await core.setupPartner();
      await recover(core);
      await media.recoverProbing(core);
    } catch (e) {
      await store.close().catch(() => undefined);
      throw e;
    }
    return core;
  }

  /** Closes the storage (the core answers nothing after it). */
  async close(): Promise<void> {
    this.visitors?.stop();
    await this.store.close();
  }

  /** Follows another API description from now on (the stored objects stay). */
  useDescription(desc: ApiDescription): void {
    if (this.desc === desc) return;
    this.desc = desc;
    this.generic = new GenericEngine(desc, extensions(this));
    this.generic.useStore(() => this.store);
    this.generic.entryExists = (ctx, id) => entryVisible(ctx, id);
    this.simulatedCache = new WeakMap();
  }

  private simulatedCache = new WeakMap<Operation, boolean>();

  /** Whether a stored object is deleted for the API (its class's DELETED status). */
  objectDeleted(row: ObjectRow): boolean {
    const m = this.generic.modelOfClass(row.object_type);
    return !!m && this.generic.isDeleted(m, row);
  }

  /** Whether the sandbox answers an operation of its description (hand-written or generic). */
  simulates(op: Operation): boolean {
    let v = this.simulatedCache.get(op);
    if (v === undefined) {
      v =
        !!ACTIONS[`${op.service}.${op.action}`] ||
        (!op.multirequest && (systemPartnerOnly(op, this.desc.document) || this.generic.simulates(op))) ||
        !!op.multirequest;
      this.simulatedCache.set(op, v);
    }
    return v;
  }

  /** Set at creation: the admin secret to print once (only when it was made up here). */
  private newSecret: string | undefined;
  private announced = false;

  private async setupPartner(): Promise<void> {
    // one instance at a time (several may start together on one PostgreSQL database)
    await this.store.withLock('sandbox:setup-partner', () => this.setupPartnerNow());
  }

  private async setupPartnerNow(): Promise<void> {
    const s = this.settings;
    const existing = await this.store.sandboxPartner(s.partnerId);
    if (existing) {
      if (s.adminSecret && existing.admin_secret !== s.adminSecret) existing.admin_secret = s.adminSecret;
      if (s.userSecret && existing.secret !== s.userSecret) existing.secret = s.userSecret;
      await this.store.putPartner(existing);
      this.partner = existing;
      return;
    }
    const p: PartnerRow = {
      id: s.partnerId ?? randomInt(100000, 1000000),
      admin_secret: s.adminSecret ?? randomBytes(16).toString('hex'),
      secret: s.userSecret ?? randomBytes(16).toString('hex'),
      name: 'Sandbox partner',
      created_at: Math.floor(Date.now() / 1000),
    };
    await this.store.putPartner(p);
    this.partner = p;
    if (!s.adminSecret) this.newSecret = p.admin_secret;
  }

  /**
   * Prints how to connect, once per process (at the first request, when the address is known).
   * The admin secret is printed only when the partner was just created with a made-up secret;
   * it is never logged otherwise.
   */
  announce(serviceUrl: string): void {
    if (this.announced) return;
    this.announced = true;
    const lines = [
      `[sandbox] Kaltura sandbox ready. Service URL: ${serviceUrl} (API under /api_v3/), partner ID: ${this.partner.id}, data: ${this.store.where}${this.visitors ? ' (public mode: each visitor gets a partner of its own)' : ''}`,
    ];
    if (this.newSecret) {
      lines.push(
        `[sandbox] Created the sandbox partner. Admin secret: ${this.newSecret} (printed only this once; "npm run sandbox:credentials" shows it again)`,
      );
      this.newSecret = undefined;
    }
    console.log(lines.join('\n'));
    // Where this console answers, for `npm run sandbox:credentials` (best effort; no secret in it).
    try {
      writeFileSync(
        join(this.settings.dataDir, CONSOLE_FILE),
        JSON.stringify({ serviceUrl, pid: process.pid, at: new Date().toISOString() }) + '\n',
      );
    } catch {
      /* a read-only data folder: the credentials command then says the default address */
    }
  }

  private async tokenCompleted(t: TokenRow): Promise<void> {
    for (const e of await this.store.entriesWaitingFor(t.id)) await media.attachContent(this, e.id, t);
  }

  /** KSs whose signature was already checked (expiry and ended sessions are checked on every call). */
  private readonly ksCache = new Map<string, { data: Omit<Session, 'ks'>; fingerprint: string }>();

  /** Checks a KS on every call: format, signature, partner, type, expiry, ended sessions. */
  async validateKs(ks: string): Promise<Session> {
    const fail = (reason: keyof typeof KS_ERRORS) =>
      new KalturaApiError('INVALID_KS', { KSID: ks.length > 400 ? ks.slice(0, 400) : ks, ERR_CODE: KS_ERRORS[reason], ERR_DESC: reason });
    // keyed on the canonical text: `+/`, `=` padding and the like name the same session
    const key = canonicalKs(ks);
    const cached = key === undefined ? undefined : this.ksCache.get(key);
    if (cached) {
      if (cached.data.expiry < Math.floor(Date.now() / 1000)) throw fail('EXPIRED');
      if (await this.store.isSessionEnded(cached.fingerprint)) throw fail('LOGOUT');
      if (this.visitors && !(await this.store.getPartner(cached.data.partnerId)))
        throw await this.visitors.goneError(cached.data.partnerId, ks);
      return { ...cached.data, ks };
    }
    const pid = peekKsPartner(ks);
    if (pid === undefined) throw fail('INVALID_STR');
    const partner = await this.store.getPartner(pid);
    if (!partner) {
      if (this.visitors) throw await this.visitors.goneError(pid, ks);
      throw fail('INVALID_PARTNER');
    }
    try {
      const data = parseKs(ks, partner.admin_secret, undefined, partner.secret);
      const fingerprint = ksFingerprint(ks);
      if (await this.store.isSessionEnded(fingerprint)) throw new KsError('LOGOUT');
      if (this.ksCache.size >= 1000) this.ksCache.delete(this.ksCache.keys().next().value!);
      if (key !== undefined) this.ksCache.set(key, { data, fingerprint });
      return { ...data, ks };
    } catch (e) {
      if (e instanceof KsError) throw fail(e.reason);
      throw fail('INVALID_STR');
    }
  }

  /** One API call; throws KalturaApiError. */
  call(req: CallRequest): Promise<unknown> {
    return this.dispatch(req, false);
  }

  /**
   * One call as Kaltura's own admin console makes it for the partner whose KS it carries: what
   * only Kaltura's system partners may call (a partner's REACH profile, its storage profile) is
   * made. For tests and for seeding a partner with what Kaltura's staff would set up; the HTTP
   * edge never calls it (every request from outside goes through `call`).
   */
  callAsKaltura(req: CallRequest): Promise<unknown> {
    return this.dispatch(req, true);
  }

  private async dispatch(req: CallRequest, asKaltura: boolean): Promise<unknown> {
    const service = req.service.trim();
    const action = req.action.trim();
    if (!service) throw new KalturaApiError('SERVICE_NOT_SPECIFIED');
    if (service.toLowerCase() === 'multirequest') return this.multirequest(req);
    if (!this.serviceKnown(service)) throw new KalturaApiError('SERVICE_DOES_NOT_EXISTS', { SRV_NAME: service.slice(0, 200) });
    if (!action) throw new KalturaApiError('ACTION_NOT_SPECIFIED');
    // the client name (`captionAsset`) or the URL name (`caption_captionasset`)
    const op = operationNamed(this.desc, service, action);
    if (!op || op.multirequest)
      throw new KalturaApiError('ACTION_DOES_NOT_EXISTS', { ACTION_NAME: action.slice(0, 200), SERVICE_NAME: service.slice(0, 200) });
    const handler: Action = ACTIONS[`${op.service}.${op.action}`] ?? ((ctx, args) => this.generic.run(ctx, op, args));

    const ctx: CallContext = { core: this, baseUrl: req.baseUrl };
    const ks = req.params.ks;
    if (typeof ks === 'string' && ks.trim() !== '') ctx.session = await this.validateKs(ks.trim());
    // as Kaltura answers every partner (the sandbox's partners are customer partners, none is Kaltura's own)
    if (!asKaltura && systemPartnerOnly(op, this.desc.document)) throw systemPartnerForbidden(op);
    if (op.requiresKs && !ctx.session) {
      throw new KalturaApiError('SERVICE_FORBIDDEN', { SERVICE: serviceAction(op) });
    }
    const pid = req.params.partnerId;
    if (typeof pid === 'string' || typeof pid === 'number') {
      const n = Number(pid);
      if (Number.isInteger(n) && n > 0) ctx.partnerId = n;
    }
    if (!this.simulates(op)) throw notSimulated(op);
    if (this.visitors && !req.nested) await this.visitors.countRequest(ctx.session?.partnerId ?? ctx.partnerId);
    const params: ParamTree = {};
    for (const [k, v] of Object.entries(req.params)) if (!REQUEST_KEYS.has(k) || op.params.some((p) => p.name === k)) params[k] = v;
    const args = coerceArgs(this.desc, op, params);
    return handler(ctx, args);
  }

  /** Service names of the description, client and URL spellings, lower case (built once per description). */
  private services?: { desc: ApiDescription; names: Set<string> };
  private serviceKnown(service: string): boolean {
    if (this.services?.desc !== this.desc) {
      const names = new Set<string>();
      for (const o of this.desc.operations()) {
        if (!o.action) continue;
        names.add(o.service.toLowerCase());
        if (o.serviceId) names.add(o.serviceId.toLowerCase());
      }
      this.services = { desc: this.desc, names };
    }
    return this.services.names.has(service.toLowerCase());
  }

  /** `service=multirequest`: sub-requests "1", "2", ... in order; `{N:result:path}` refers to earlier results. */
  private async multirequest(req: CallRequest): Promise<unknown[]> {
    if (this.visitors && !req.nested) {
      // one request of the partner its KS names (a KS that does not validate fails in the sub-requests)
      const ks = req.params.ks;
      const session = typeof ks === 'string' && ks.trim() ? await this.validateKs(ks.trim()).catch(() => undefined) : undefined;
      const pid = Number(req.params.partnerId);
      await this.visitors.countRequest(session?.partnerId ?? (Number.isInteger(pid) && pid > 0 ? pid : undefined));
    }
    const keys = Object.keys(req.params)
      .filter((k) => /^\d{1,4}$/.test(k) && asTree(req.params[k]))
      .sort((a, b) => Number(a) - Number(b))
      .slice(0, 200);
    const shared: ParamTree = {};
    for (const k of ['ks', 'partnerId', 'clientTag'] as const) if (req.params[k] !== undefined) shared[k] = req.params[k];
    const results: unknown[] = [];
    for (const k of keys) {
      const sub = resolveRefs(asTree(req.params[k])!, results) as ParamTree;
      const params: ParamTree = { ...shared, ...sub };
      try {
        if (typeof params.service === 'string' && params.service.toLowerCase() === 'multirequest')
          throw new KalturaApiError('SERVICE_DOES_NOT_EXISTS', { SRV_NAME: 'multirequest' });
        const r = await this.call({
          service: paramText(params.service),
          action: paramText(params.action),
          params,
          baseUrl: req.baseUrl,
          nested: true,
        });
        // a file answer (serve) is its URL inside a multirequest
        results.push(r instanceof FileAnswer ? (r.text ?? r.url) : r);
      } catch (e) {
        results.push(toApiError(e).toObject());
      }
    }
    return results;
  }
}

const REF = /\{(\d{1,4}):result((?::[^:{}]*)*)\}/g;

function lookup(results: unknown[], n: number, path: string): unknown {
  let v: unknown = results[n - 1];
  if (v === undefined) return undefined;
  if (typeof v === 'object' && v !== null && (v as { objectType?: string }).objectType === 'KalturaAPIException') return undefined;
  for (const part of path.split(':').filter(Boolean)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** Replaces `{N:result:path}` in string values; a value that is only a reference takes the referenced value. */
export function resolveRefs(v: RawValue, results: unknown[]): RawValue {
  if (typeof v === 'string') {
    const whole = /^\{(\d{1,4}):result((?::[^:{}]*)*)\}$/.exec(v);
    if (whole) {
      const r = lookup(results, Number(whole[1]), whole[2]!);
      if (r === undefined) return v;
      return fromJson(r);
    }
    return v.replace(REF, (m, n: string, path: string) => {
      const r = lookup(results, Number(n), path);
      return r === undefined || r === null || typeof r === 'object' ? m : String(r);
    });
  }
  if (Array.isArray(v)) return v.map((x) => resolveRefs(x, results));
  const t = asTree(v);
  if (t) {
    const out: ParamTree = {};
    for (const [k, x] of Object.entries(t)) out[k] = resolveRefs(x, results);
    return out;
  }
  return v;
}
