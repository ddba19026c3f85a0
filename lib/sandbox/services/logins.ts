/**
 * Users who log in with a password, on top of the generic users: user.enableLogin (a login ID and
 * a password), disableLogin, getByLoginId, checkLoginDataExists, updateLoginData,
 * loginDataResetPassword, resetPassword (Kaltura emails a link: the sandbox only checks the login
 * exists), user.login / loginByLoginId (a USER KS of that user) and adminUser.login (an ADMIN KS of an
 * admin user), adminUser.updatePassword / resetPassword. A password given to user.add or
 * user.update enables the login too.
 *
 * The password is never stored or answered: only a salted scrypt hash is kept, in a property the
 * API never shows (`__login`, see the engine's present). Wrong passwords back off per login, as
 * session.start does per partner.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { LoginBackoff } from '../backoff';
import type { SandboxCore } from '../core';
import { KalturaApiError } from '../errors';
import type { ClassHooks, Data, Gen, Override } from '../generic/engine';
import { nowSec } from '../ids';
import { buildKs, parsePrivileges, SESSION_ADMIN, SESSION_USER } from '../ks';
import type { ObjectRow } from '../store';

interface Login {
  loginId: string;
  salt: string;
  hash: string;
}

const LOGIN = '__login';
/** The login ID as a property of its own, so that a login can be found with a filter. */
const LOGIN_ID = '__loginId';

function hashOf(password: string, salt: string): string {
  return scryptSync(password, Buffer.from(salt, 'hex'), 32).toString('hex');
}

function makeLogin(loginId: string, password: string): Login {
  const salt = randomBytes(16).toString('hex');
  return { loginId, salt, hash: hashOf(password, salt) };
}

function checkPassword(login: Login | undefined, password: unknown): boolean {
  if (!login || typeof password !== 'string') return false;
  const a = Buffer.from(hashOf(password, login.salt), 'hex');
  const b = Buffer.from(login.hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A stable number for a login (the back-off keys on numbers). */
function keyOf(partnerId: number, loginId: string): number {
  let h = partnerId | 0;
  for (const c of loginId.toLowerCase()) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

export function loginExtensions(core: SandboxCore): { hooks: Record<string, ClassHooks>; overrides: Record<string, Override> } {
  const backoff = new LoginBackoff();
  const users = () => core.generic.modelOfClass('KalturaUser');

  /** The user with this login ID (any partner when `partnerId` is undefined). */
  const byLoginId = async (loginId: string, partnerId?: number): Promise<ObjectRow | undefined> => {
    const m = users();
    if (!m) return undefined;
    const pids = partnerId !== undefined ? [partnerId] : [core.partner.id];
    for (const pid of pids) {
      const row = (
        await core.store.queryObjects({
          kind: m.kind,
          partnerId: pid,
          objectTypes: m.family,
          where: [{ field: LOGIN_ID, op: 'eq', value: loginId.toLowerCase() }],
          live: true,
          order: [],
          limit: 1,
          offset: 0,
        })
      )[0];
      if (row) return row;
    }
    return undefined;
  };
  const data = (row: ObjectRow) => JSON.parse(row.data) as Data;
  const save = (row: ObjectRow, d: Data) => core.store.updateObject(row.kind, row.id, { data: JSON.stringify(d), updated_at: nowSec() });
  const setLogin = (d: Data, loginId: string, password: string) => {
    d[LOGIN] = makeLogin(loginId, password);
    d[LOGIN_ID] = loginId.toLowerCase();
    d.loginEnabled = true;
  };
  const userOf = (g: Gen, userId: unknown): Promise<ObjectRow> =>
    g.engine.find({ ...g, model: users()!, args: { userId } }, { idParam: 'userId', props: [] });
  const notFound = (g: Gen, code: string, id = '') =>
    g.engine.error(g.op, g.op.errors?.some((e) => e.code === code) ? code : 'USER_NOT_FOUND', { ID: id, LOGIN_ID: id, USER_ID: id });

  /** A session for a user who gave the right password, with the back-off of wrong ones. */
  const login = async (g: Gen, row: ObjectRow | undefined, loginId: string, password: unknown, type: number): Promise<string> => {
    const pid = row?.partner_id ?? core.partner.id;
    const key = keyOf(pid, loginId);
    const wait = backoff.wait(key);
    if (wait > 0) throw g.engine.error(g.op, 'LOGIN_BLOCKED');
    const d = row ? data(row) : undefined;
    if (!row || !d || d.loginEnabled !== true || !checkPassword(d[LOGIN] as Login | undefined, password)) {
      backoff.failed(key);
      // the same answer for an unknown login and a wrong password: nothing to learn from it
      throw g.engine.error(
        g.op,
        g.op.errors?.some((e) => e.code === 'USER_WRONG_PASSWORD') ? 'USER_WRONG_PASSWORD' : 'ADMIN_KUSER_NOT_FOUND',
      );
    }
    backoff.succeeded(key);
    if (Number(d.status) === 0) throw g.engine.error(g.op, 'USER_IS_BLOCKED');
    const partner = (await core.store.getPartner(pid))!;
    const expiry = typeof g.args.expiry === 'number' && g.args.expiry > 0 ? Math.min(g.args.expiry, 86400 * 30) : 86400;
    const privileges = parsePrivileges([d.ksPrivileges, g.args.privileges].filter((x) => typeof x === 'string' && x).join(','));
    // the user's id (its stored key is the partner's and the id)
    const userId = String(d.id ?? row.id);
    return buildKs(partner.admin_secret, { partnerId: pid, type, userId, expiry: nowSec() + Math.floor(expiry), privileges });
  };

  const hooks: Record<string, ClassHooks> = {
    KalturaUser: {
      beforeAdd(_g, d) {
        if (typeof d.password === 'string' && d.password) setLogin(d, String(d.email ?? d.id), d.password);
        delete d.password;
      },
      beforeUpdate(_g, current, patch) {
        if (typeof patch.password === 'string' && patch.password) {
          const l = current[LOGIN] as Login | undefined;
          setLogin(patch, l?.loginId ?? String(current.email ?? current.id), patch.password);
        }
        delete patch.password;
      },
    },
  };

  const overrides: Record<string, Override> = {
    'user.enablelogin': async (g) => {
      const row = await userOf(g, g.args.userId);
      const d = data(row);
      if (d.loginEnabled === true) throw g.engine.error(g.op, 'USER_LOGIN_ALREADY_ENABLED');
      const loginId = String(g.args.loginId ?? '');
      const taken = await byLoginId(loginId, row.partner_id);
      if (taken && taken.id !== row.id) throw g.engine.error(g.op, 'LOGIN_ID_ALREADY_USED');
      if (typeof g.args.password !== 'string' || g.args.password.length < 1)
        throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: 'password' });
      setLogin(d, loginId, g.args.password);
      await save(row, d);
      return g.engine.present(g.ctx, users()!, (await core.store.getObject(row.kind, row.id))!);
    },
    'user.disablelogin': async (g) => {
      const row = g.args.userId ? await userOf(g, g.args.userId) : await byLoginId(String(g.args.loginId ?? ''), g.ctx.session!.partnerId);
      if (!row) throw notFound(g, 'USER_NOT_FOUND');
      const d = data(row);
      if (d.loginEnabled !== true) throw g.engine.error(g.op, 'USER_LOGIN_ALREADY_DISABLED');
      d.loginEnabled = false;
      delete d[LOGIN];
      delete d[LOGIN_ID];
      await save(row, d);
      return g.engine.present(g.ctx, users()!, (await core.store.getObject(row.kind, row.id))!);
    },
    'user.getbyloginid': async (g) => {
      const row = await byLoginId(String(g.args.loginId ?? ''), g.ctx.session!.partnerId);
      if (!row) throw notFound(g, 'LOGIN_DATA_NOT_FOUND', String(g.args.loginId ?? ''));
      return g.engine.present(g.ctx, users()!, row);
    },
    'user.checklogindataexists': async (g) => {
      const f = (g.args.filter ?? {}) as Data;
      const loginId = f.loginEmailEqual ?? f.loginIdEqual;
      return typeof loginId === 'string' && !!(await byLoginId(loginId, g.ctx.session?.partnerId ?? core.partner.id));
    },
    'user.login': async (g) => {
      const m = users();
      // the user of that partner: another partner's user of the same id is not this one (and says nothing about it)
      const row = m ? await g.engine.byApiId(m, Number(g.args.partnerId), String(g.args.userId ?? '')) : undefined;
      return await login(g, row, String(g.args.userId ?? ''), g.args.password, SESSION_USER);
    },
    'user.loginbyloginid': async (g) => {
      const loginId = String(g.args.loginId ?? '');
      return await login(
        g,
        await byLoginId(loginId, typeof g.args.partnerId === 'number' ? g.args.partnerId : undefined),
        loginId,
        g.args.password,
        SESSION_USER,
      );
    },
    'adminuser.login': async (g) => {
      const email = String(g.args.email ?? '');
      const row = await byLoginId(email, typeof g.args.partnerId === 'number' ? g.args.partnerId : undefined);
      if (row && data(row).isAdmin !== true) throw g.engine.error(g.op, 'ADMIN_KUSER_NOT_FOUND');
      return await login(g, row, email, g.args.password, SESSION_ADMIN);
    },
    'user.updatelogindata': async (g) => {
      const oldLoginId = String(g.args.oldLoginId ?? '');
      const row = await byLoginId(oldLoginId);
      await login(g, row, oldLoginId, g.args.password, SESSION_USER); // checks the password, with the back-off
      const d = data(row!);
      const newLoginId = typeof g.args.newLoginId === 'string' && g.args.newLoginId ? g.args.newLoginId : oldLoginId;
      if (newLoginId.toLowerCase() !== oldLoginId.toLowerCase() && (await byLoginId(newLoginId)))
        throw g.engine.error(g.op, 'LOGIN_ID_ALREADY_USED');
      setLogin(d, newLoginId, typeof g.args.newPassword === 'string' && g.args.newPassword ? g.args.newPassword : String(g.args.password));
      if (typeof g.args.newFirstName === 'string') d.firstName = g.args.newFirstName;
      if (typeof g.args.newLastName === 'string') d.lastName = g.args.newLastName;
      await save(row!, d);
      return null;
    },
    'adminuser.updatepassword': async (g) => {
      const email = String(g.args.email ?? '');
      const row = await byLoginId(email);
      await login(g, row, email, g.args.password, SESSION_ADMIN);
      const d = data(row!);
      const newEmail = typeof g.args.newEmail === 'string' && g.args.newEmail ? g.args.newEmail : email;
      setLogin(d, newEmail, typeof g.args.newPassword === 'string' && g.args.newPassword ? g.args.newPassword : String(g.args.password));
      await save(row!, d);
      return {
        ...(await g.engine.present(g.ctx, users()!, (await core.store.getObject(row!.kind, row!.id))!)),
        objectType: 'KalturaAdminUser',
      };
    },
    'user.logindataresetpassword': async (g) => {
      const row = await byLoginId(String(g.args.loginDataId ?? ''), g.ctx.session!.partnerId);
      if (!row) throw notFound(g, 'ADMIN_KUSER_NOT_FOUND');
      const d = data(row);
      setLogin(d, (d[LOGIN] as Login).loginId, String(g.args.newPassword ?? ''));
      await save(row, d);
      return g.engine.present(g.ctx, users()!, (await core.store.getObject(row.kind, row.id))!);
    },
    // Kaltura emails a link to set a new password; the sandbox sends no mail: it checks the login exists
    'user.resetpassword': async (g) => {
      if (!(await byLoginId(String(g.args.email ?? ''), g.ctx.session?.partnerId ?? core.partner.id)))
        throw g.engine.error(g.op, 'LOGIN_DATA_NOT_FOUND');
      return null;
    },
    'adminuser.resetpassword': async (g) => {
      if (!(await byLoginId(String(g.args.email ?? '')))) throw g.engine.error(g.op, 'ADMIN_KUSER_NOT_FOUND');
      return null;
    },
  };
  return { hooks, overrides };
}
