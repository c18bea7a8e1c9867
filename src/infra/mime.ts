import { randomUUID } from 'node:crypto';

/**
 * A MIME message built in one pass into one string: headers, then a text part and (when given) an
 * HTML alternative, both UTF-8 in base64. Notification fan-outs send hundreds of mails a second;
 * composing each through nodemailer's streams cost more CPU than the sending (many small socket
 * writes per mail), so the pooled transport is handed this finished message instead.
 */
export interface MimeInput {
  /** `Name <address>` or a bare address; the name may be Korean. */
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** The Date header (tests pin it). */
  date?: Date;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Bytes of UTF-8 per encoded word: 45 bytes → 60 base64 characters, under RFC 2047's 75 per word. */
const WORD_BYTES = 45;
const LINE = 76;

/** RFC 2047 encoded words (UTF-8, base64) for a header value that is not plain ASCII. */
export function encodeHeaderValue(value: string): string {
  if (PRINTABLE_ASCII.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  for (const ch of value) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > WORD_BYTES) {
      words.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += ch;
    bytes += size;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

/** `Name <address>` → its address; a bare address as it is. */
export function addressOf(mailbox: string): string {
  return /<([^<>]+)>\s*$/.exec(mailbox)?.[1]?.trim() ?? mailbox.trim();
}

function encodeMailbox(mailbox: string): string {
  const match = /^(.*?)\s*<([^<>]+)>\s*$/.exec(mailbox);
  if (!match || !match[1]) return addressOf(mailbox);
  const name = match[1].replace(/^"(.*)"$/, '$1');
  const shown = PRINTABLE_ASCII.test(name)
    ? `"${name.replace(/(["\\])/g, '\\$1')}"`
    : encodeHeaderValue(name);
  return `${shown} <${match[2]!.trim()}>`;
}

function base64Lines(content: string): string {
  const b64 = Buffer.from(content, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < b64.length; at += LINE) lines.push(b64.slice(at, at + LINE));
  return lines.join('\r\n');
}

function part(type: 'plain' | 'html', content: string): string {
  return (
    `Content-Type: text/${type}; charset=utf-8\r\n` +
    'Content-Transfer-Encoding: base64\r\n\r\n' +
    base64Lines(content)
  );
}

/** Header names we write ourselves; extra headers may not replace them. */
const OWN = new Set(['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'content-type']);

export function buildMime(mail: MimeInput): string {
  const domain = addressOf(mail.from).split('@')[1] ?? 'localhost';
  const head = [
    `From: ${encodeMailbox(mail.from)}`,
    `To: ${addressOf(mail.to)}`,
    `Subject: ${encodeHeaderValue(mail.subject)}`,
    `Date: ${(mail.date ?? new Date()).toUTCString()}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
  ];
  for (const [name, value] of Object.entries(mail.headers ?? {})) {
    if (OWN.has(name.toLowerCase()) || /[\r\n]/.test(name + value)) continue;
    head.push(`${name}: ${encodeHeaderValue(value)}`);
  }
  if (mail.html === undefined) {
    return `${head.join('\r\n')}\r\n${part('plain', mail.text)}\r\n`;
  }
  const boundary = `--ct-${randomUUID()}`;
  head.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
  return (
    `${head.join('\r\n')}\r\n\r\n` +
    `--${boundary}\r\n${part('plain', mail.text)}\r\n` +
    `--${boundary}\r\n${part('html', mail.html)}\r\n` +
    `--${boundary}--\r\n`
  );
}
