import { createHmac } from 'node:crypto';
import { SignJWT, jwtVerify, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signHs256, verifyHs256 } from './hs256.ts';

const key = new TextEncoder().encode('k'.repeat(40));
const other = new TextEncoder().encode('o'.repeat(40));
const AUD = 'culture-ticket:access';
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

const joseToken = (edit: (j: SignJWT) => SignJWT = (j) => j) =>
  edit(
    new SignJWT({ role: 'USER' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('u1')
      .setAudience(AUD)
      .setIssuedAt()
      .setExpirationTime(inAnHour()),
  ).sign(key);

describe('HS256 tokens with node:crypto', () => {
  it('reads what jose signs, and jose reads what it signs', async () => {
    expect(verifyHs256(await joseToken(), key, AUD)).toMatchObject({ sub: 'u1', role: 'USER', aud: AUD });
    const ours = signHs256({ sub: 'u2', aud: AUD, exp: inAnHour() }, key);
    const { payload } = await jwtVerify(ours, key, { algorithms: ['HS256'], audience: AUD });
    expect(payload).toMatchObject({ sub: 'u2', aud: AUD });
    expect(typeof payload.iat).toBe('number');
  });

  it('refuses another key, a changed payload or signature, and malformed strings', async () => {
    const token = await joseToken();
    expect(verifyHs256(token, other, AUD)).toBeNull();
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', aud: AUD, exp: inAnHour() })).toString(
      'base64url',
    );
    expect(verifyHs256(`${h}.${forged}.${s}`, key, AUD)).toBeNull();
    expect(verifyHs256(`${h}.${p}.${s!.slice(0, -2)}AA`, key, AUD)).toBeNull();
    for (const bad of ['', 'a', 'a.b', `${h}.${p}`, `${h}.${p}.${s}.x`, `.${p}.${s}`, `${h}..${s}`]) {
      expect(verifyHs256(bad, key, AUD)).toBeNull();
    }
    // Bytes base64url would skip are not silently accepted.
    expect(verifyHs256(`${h}.${p}!.${s}`, key, AUD)).toBeNull();
  });

  it('accepts HS256 only: no "none", no other algorithm, nothing critical', async () => {
    const none = new UnsecuredJWT({ sub: 'u1' }).setAudience(AUD).setExpirationTime(inAnHour()).encode();
    expect(verifyHs256(none, key, AUD)).toBeNull();
    const hs512 = await new SignJWT({ sub: 'u1' })
      .setProtectedHeader({ alg: 'HS512' })
      .setAudience(AUD)
      .setExpirationTime(inAnHour())
      .sign(key);
    expect(verifyHs256(hs512, key, AUD)).toBeNull();
    // A header asking for an extension we do not know, correctly signed, is still refused.
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const signed = `${b64({ alg: 'HS256', crit: ['x'], x: 1 })}.${b64({ sub: 'u1', aud: AUD, exp: inAnHour() })}`;
    const critical = `${signed}.${createHmac('sha256', key).update(signed).digest('base64url')}`;
    expect(verifyHs256(critical, key, AUD)).toBeNull();
    const plain = `${b64({ alg: 'HS256' })}.${b64({ sub: 'u1', aud: AUD, exp: inAnHour() })}`;
    expect(
      verifyHs256(`${plain}.${createHmac('sha256', key).update(plain).digest('base64url')}`, key, AUD),
    ).not.toBeNull();
  });

  it('checks the audience, the expiry and not-before', async () => {
    expect(verifyHs256(await joseToken(), key, 'culture-ticket:admission')).toBeNull();
    expect(verifyHs256(await joseToken((j) => j.setAudience([AUD, 'x'])), key, AUD)).not.toBeNull();
    const now = Date.now();
    const exp = Math.floor(now / 1000) + 10;
    const token = signHs256({ sub: 'u1', aud: AUD, exp }, key, now);
    expect(verifyHs256(token, key, AUD, now)).not.toBeNull();
    expect(verifyHs256(token, key, AUD, exp * 1000 - 1)).not.toBeNull();
    expect(verifyHs256(token, key, AUD, exp * 1000)).toBeNull();
    expect(verifyHs256(signHs256({ sub: 'u1', aud: AUD }, key), key, AUD)).toBeNull();
    const later = signHs256({ sub: 'u1', aud: AUD, exp, nbf: Math.floor(now / 1000) + 5 }, key, now);
    expect(verifyHs256(later, key, AUD, now)).toBeNull();
    expect(verifyHs256(later, key, AUD, now + 6000)).not.toBeNull();
  });
});
