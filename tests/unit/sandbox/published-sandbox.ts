/**
 * What the table-driven tests over Kaltura's published description share: the description
 * (../shared/reference; `present` is false and the tests skip loudly without it), an in-process
 * sandbox following it (SandboxCore.call) on a temporary data folder made before the file's tests
 * and removed after them, sessions of its partner, and `call`, which answers an API error as its
 * KalturaAPIException object rather than throwing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createDescription, type ApiDescription } from '@/lib/description';
import { readSettings } from '@/lib/sandbox/config';
import { SandboxCore } from '@/lib/sandbox/core';
import { toApiError } from '@/lib/sandbox/errors';
import { buildKs, SESSION_ADMIN } from '@/lib/sandbox/ks';
import { FileArg, type ParamTree } from '@/lib/sandbox/params';
import { REFERENCE_REL, sharedFile } from '../../helpers/shared';

type Json = any;

/** Whether an answer is a KalturaAPIException. */
export const isError = (v: Json): boolean => !!v && v.objectType === 'KalturaAPIException';

/** The answer, or a thrown error naming `what` and the API error. */
export const ok = (v: Json, what: string): Json => {
  if (isError(v)) throw new Error(`${what}: ${v.code} ${v.message}`);
  return v;
};

export interface PublishedSandbox {
  present: boolean;
  desc: ApiDescription | undefined;
  /** The sandbox's admin secret (to check the sessions it hands out). */
  secret: string;
  /** A session of the partner: its type (SESSION_ADMIN, SESSION_USER) and user. */
  ks(type: number, userId: string): string;
  /** An ADMIN session of user `admin`. */
  admin: string;
  /** The call with `ks` (default: `admin`; null: none); an error comes back as its exception object. */
  call(service: string, action: string, params?: Json, ks?: string | null): Promise<Json>;
  /**
   * The call as Kaltura's admin console makes it for the partner (SandboxCore.callAsKaltura): what
   * only Kaltura's system partners may call, such as a partner's REACH or storage profile.
   */
  asKaltura(service: string, action: string, params?: Json, ks?: string | null): Promise<Json>;
  /**
   * A complete upload of `bytes` as `fileName` (uploadToken.add, then upload), by `ks` (default:
   * `admin`): the token's id. With `complete` false the token is made and left empty.
   */
  upload(fileName: string, bytes: string, ks?: string, complete?: boolean): Promise<string>;
  /**
   * Another partner of the same sandbox (another visitor, in public mode), made the first time it
   * is asked for: a session of it, of `type` (default ADMIN) and user (default `admin`).
   */
  otherPartner(id: number, type?: number, userId?: string): Promise<string>;
  /** The admin secret of `otherPartner(id)` (to check that an answer never holds it). */
  otherSecret(id: number): string;
  /** The sandbox (once the file's tests run). */
  readonly core: SandboxCore;
}

/** `what` names the tests in the skip message; `partnerId` is the sandbox's partner. */
export function publishedSandbox(what: string, partnerId: number): PublishedSandbox {
  const { path, present } = sharedFile(REFERENCE_REL, what);
  const desc = present ? createDescription(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
  const secret = `published-${partnerId}-secret`;
  const ks = (type: number, userId: string) =>
    buildKs(secret, { partnerId, type, userId, expiry: Math.floor(Date.now() / 1000) + 3600, privileges: new Map() });
  const admin = ks(SESSION_ADMIN, 'admin');
  let core: SandboxCore | undefined;
  let dir: string | undefined;
  const made = (): SandboxCore => {
    if (!core) throw new Error('the published sandbox is made before the tests run (and only with ../shared/reference)');
    return core;
  };

  beforeAll(async () => {
    if (!desc) return;
    dir = mkdtempSync(join(tmpdir(), `published-${partnerId}-`));
    const log = console.log;
    console.log = () => undefined;
    try {
      core = await SandboxCore.create(
        readSettings({ NODE_ENV: 'test', SANDBOX_DATA_DIR: dir, SANDBOX_ADMIN_SECRET: secret, SANDBOX_PARTNER_ID: String(partnerId) }),
        desc,
      );
    } finally {
      console.log = log;
    }
  });
  afterAll(async () => {
    await core?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  return {
    present,
    desc,
    secret,
    ks,
    admin,
    get core(): SandboxCore {
      return made();
    },
    async upload(fileName, bytes, session = admin, complete = true) {
      const t = ok(
        await this.call('uploadToken', 'add', { uploadToken: { objectType: 'KalturaUploadToken', fileName } }, session),
        'uploadToken.add',
      );
      if (complete) {
        const fileData = new FileArg(fileName, 'application/octet-stream', Readable.from([Buffer.from(bytes)]));
        ok(await this.call('uploadToken', 'upload', { uploadTokenId: t.id, fileData }, session), 'uploadToken.upload');
      }
      return t.id as string;
    },
    otherSecret: (id) => `other-partner-${id}-secret`,
    async otherPartner(id, type = SESSION_ADMIN, userId = 'admin') {
      const secretOf = `other-partner-${id}-secret`;
      if (!(await made().store.getPartner(id)))
        await made().store.putPartner({
          id,
          admin_secret: secretOf,
          secret: `other-partner-${id}-user-secret`,
          name: `Another visitor ${id}`,
          created_at: Math.floor(Date.now() / 1000),
        });
      return buildKs(secretOf, { partnerId: id, type, userId, expiry: Math.floor(Date.now() / 1000) + 3600, privileges: new Map() });
    },
    call(service, action, params = {}, session = admin) {
      return send(false, service, action, params, session);
    },
    asKaltura(service, action, params = {}, session = admin) {
      return send(true, service, action, params, session);
    },
  };

  async function send(asKaltura: boolean, service: string, action: string, params: Json, session: string | null): Promise<Json> {
    const req = {
      service,
      action,
      params: { ...params, ...(session ? { ks: session } : {}) } as ParamTree,
      baseUrl: 'http://sandbox.test',
    };
    try {
      return await (asKaltura ? made().callAsKaltura(req) : made().call(req));
    } catch (e) {
      return toApiError(e).toObject();
    }
  }
}
