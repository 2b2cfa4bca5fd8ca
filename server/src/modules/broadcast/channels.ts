import { createHmac } from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import nodemailer from 'nodemailer';
import { E } from './errors.ts';
import { CHANNELS, type Channel } from './schema.ts';

/** The documented host of each robot's webhook. */
export const ROBOT_HOSTS: Partial<Record<Channel, readonly string[]>> = {
  wecom: ['qyapi.weixin.qq.com'],
  dingtalk: ['oapi.dingtalk.com'],
  feishu: ['open.feishu.cn', 'open.larksuite.com'],
};
export const isRobot = (c: Channel): boolean => ROBOT_HOSTS[c] !== undefined;

function privateAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal')) return true;
  if (isIP(h) === 4) {
    const [a, b] = h.split('.').map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || a >= 224 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (isIP(h) === 6) return h === '::1' || h === '::' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith('::ffff:');
  return false;
}

/**
 * A robot's webhook address, refused unless https, on a public host, and at
 * the documented host of its kind; `anywhere` (an administrator's setting
 * for tests) lets any address through.
 */
export function checkWebhook(channel: Channel, target: string, anywhere: boolean): string {
  if (!URL.canParse(target)) throw E.webhook_invalid();
  const url = new URL(target);
  if (anywhere) return url.href;
  if (url.protocol !== 'https:') throw E.webhook_not_https();
  if (privateAddress(url.hostname)) throw E.webhook_private();
  const hosts = ROBOT_HOSTS[channel]!;
  if (!hosts.includes(url.hostname.toLowerCase()) || url.port || url.username) throw E.webhook_wrong_host({ channel: CHANNELS.term(channel), host: hosts.join(' / ') });
  return url.href;
}

/** 钉钉's signed mode: HMAC-SHA256 of "timestamp\nsecret" keyed by the secret, base64, as query parameters. */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

/** 飞书's signature: HMAC-SHA256 keyed by "timestamp\nsecret" over nothing, base64, in the body. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** The request a robot takes: each kind's documented text message. */
export function robotRequest(channel: Channel, address: string, secret: string | null, text: string, now: Date): { url: string; body: unknown } {
  switch (channel) {
    case 'wecom':
      return { url: address, body: { msgtype: 'text', text: { content: text } } };
    case 'dingtalk': {
      if (!secret) return { url: address, body: { msgtype: 'text', text: { content: text } } };
      const url = new URL(address);
      const timestamp = now.getTime();
      url.searchParams.set('timestamp', String(timestamp));
      url.searchParams.set('sign', dingtalkSign(secret, timestamp));
      return { url: url.href, body: { msgtype: 'text', text: { content: text } } };
    }
    case 'feishu': {
      const body: Record<string, unknown> = { msg_type: 'text', content: { text } };
      if (secret) {
        const ts = Math.floor(now.getTime() / 1000);
        Object.assign(body, { timestamp: String(ts), sign: feishuSign(secret, ts) });
      }
      return { url: address, body };
    }
    default:
      throw new Error(`${channel} is not a robot`);
  }
}

/**
 * A resolver that refuses a host whose addresses include this machine or a
 * private network. The address checked is the one connected to, so a name
 * that resolved to a public address when the robot was added and to an
 * internal one now (DNS rebinding, a poisoned resolver) reaches nothing.
 */
export function publicOnly(lookup: LookupFunction = dns.lookup as LookupFunction): LookupFunction {
  return (hostname, options, callback) =>
    lookup(hostname, options, (err, address, family) => {
      if (err) return callback(err, address, family);
      const found = Array.isArray(address) ? address.map((a) => a.address) : [address];
      const inside = found.find(privateAddress);
      if (inside) return callback(Object.assign(new Error(`${hostname} resolves to a private address (${inside})`), { code: 'EPRIVATEADDRESS' }), address, family);
      callback(null, address, family);
    });
}

/** A JSON POST that follows no redirect, through the given resolver, with its answer's status (`ok` for a 2xx) and text. */
export function postJson(url: string, body: unknown, lookup?: LookupFunction, headers: Record<string, string> = {}): Promise<{ ok: boolean; status: number; text: string }> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, timeout: 10_000, ...(lookup ? { lookup } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        resolve({ ok: status >= 200 && status < 300, status, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${target.host} did not answer within 10 s`)));
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/**
 * Posts to a robot; throws with the robot's own answer when it refuses (each
 * answers errcode/code 0 when it took the message). Unless webhooks may point
 * anywhere, the address is checked again as when it was added (the setting may
 * have changed since) and the host's addresses as they resolve now.
 */
export async function postToRobot(channel: Channel, address: string, secret: string | null, text: string, now: Date, anywhere: boolean, lookup?: LookupFunction): Promise<void> {
  if (!anywhere) checkWebhook(channel, address, false);
  const { url, body } = robotRequest(channel, address, secret, text, now);
  const res = await postJson(url, body, anywhere ? lookup : publicOnly(lookup));
  const answer = res.text;
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${answer.slice(0, 200)}`);
  let parsed: { errcode?: number; code?: number; StatusCode?: number; errmsg?: string; msg?: string } = {};
  try {
    parsed = JSON.parse(answer) as typeof parsed;
  } catch {
    throw new Error(`not a robot's answer: ${answer.slice(0, 200)}`);
  }
  const code = parsed.errcode ?? parsed.code ?? parsed.StatusCode ?? 0;
  if (code !== 0) throw new Error(`robot refused (${code}): ${parsed.errmsg ?? parsed.msg ?? ''}`.slice(0, 300));
}

/** Sends email; none unless the server is given an SMTP server (SMTP_URL, smtpMailer). */
export interface Mailer {
  send(to: string, subject: string, text: string): Promise<void>;
}

/**
 * Email through an SMTP server named by a URL (`smtps://user:pass@smtp.example.cn:465`,
 * or `smtp://…:587`, which upgrades with STARTTLS where the server offers it),
 * sent as plain text from `from`. A refusal throws, so the delivery is retried.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    send: async (to, subject, text) => {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}
/** Sends text messages through a provider (configured by environment; none by default). */
export interface SmsProvider {
  send(phone: string, text: string): Promise<void>;
}

/**
 * Text messages through an SMS gateway (SMS_URL, SMS_TOKEN): the city's
 * government SMS platform or a relay in front of a commercial provider, which
 * holds the provider's signature and templates. Each message is one JSON POST
 * `{ "to": "138…", "text": "…" }` with `Authorization: Bearer <token>`; any
 * 2xx is taken as accepted, anything else throws, so the delivery is retried.
 * The gateway is the administrator's own, so it may sit on a private network.
 */
export function smsGateway(url: string, token: string | null): SmsProvider {
  return {
    send: async (phone, text) => {
      const res = await postJson(url, { to: phone, text }, undefined, token ? { authorization: `Bearer ${token}` } : {});
      if (!res.ok) throw new Error(`SMS gateway HTTP ${res.status}: ${res.text.slice(0, 200)}`);
    },
  };
}
const providers: { mailer: Mailer | null; sms: SmsProvider | null } = { mailer: null, sms: null };
export function useMailer(m: Mailer | null): void {
  providers.mailer = m;
}
export function useSmsProvider(p: SmsProvider | null): void {
  providers.sms = p;
}
export const mailer = () => providers.mailer;
export const smsProvider = () => providers.sms;

/**
 * What a message may not carry, whatever a title holds: identity numbers,
 * phone numbers and house addresses are blotted out before anything leaves.
 */
export function scrub(text: string): string {
  return text
    .replace(/\d{17}[\dXx]|\d{15}/g, '＊')
    .replace(/(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}/g, '＊')
    .replace(/\d{3,4}-\d{7,8}/g, '＊')
    .replace(/[\d一二三四五六七八九十]+(?:号楼|栋|幢|单元|室|号院|弄|号)/g, '＊')
    .replace(/\d{5,}/g, '＊');
}
