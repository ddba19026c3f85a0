/**
 * appToken.startSession as an application calls it (lib/sandbox/services/appTokens.ts): with the
 * anonymous widget session of its partner, or any session of that partner, the hash of that very
 * KS and the token proving it knows the token; never with another partner's session.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKs, SESSION_USER } from '@/lib/sandbox/ks';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const PARTNER = 4339;
const sb = publishedSandbox('app tokens (appTokens.ts) over the published description', PARTNER);
const { present, call } = sb;
const hash = (ks: string, token: string) =>
  createHash('sha256')
    .update(ks + token, 'utf8')
    .digest('hex');

describe.skipIf(!present)('appToken.startSession', () => {
  it("with the partner's widget session (the application's flow), a USER session, not another partner's", async () => {
    const t = ok(
      await call('appToken', 'add', {
        appToken: { objectType: 'KalturaAppToken', sessionType: 0, sessionUserId: 'app-user', sessionPrivileges: 'sview:*' },
      }),
      'appToken.add',
    );
    const widget = ok(await call('session', 'startWidgetSession', { widgetId: `_${PARTNER}` }, null), 'widget session');
    const start = (ks: string, tokenHash = hash(ks, t.token)) => call('appToken', 'startSession', { id: t.id, tokenHash }, ks);
    const session = ok(await start(widget.ks), 'startSession with the widget KS');
    expect(session).toMatchObject({ objectType: 'KalturaSessionInfo', partnerId: PARTNER, userId: 'app-user', sessionType: 0 });
    expect(parseKs(session.ks, sb.secret)).toMatchObject({ partnerId: PARTNER, userId: 'app-user' });
    // a USER session of the partner, not the token's maker, may use it too
    ok(await start(sb.ks(SESSION_USER, 'someone')), 'startSession with a USER KS');
    // the hash must be of this very KS and the token
    const wrong = await start(widget.ks, hash(widget.ks, 'not-the-token'));
    expect(isError(wrong) && wrong.code).toBe('INVALID_APP_TOKEN_HASH');
    // another partner's session does not find the token
    const other = await sb.otherPartner(4398);
    const refused: Json = await start(other);
    expect(isError(refused) && refused.code).toBe('APP_TOKEN_ID_NOT_FOUND');
  });
});
