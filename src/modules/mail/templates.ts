export type MailLang = 'ko' | 'en';

/** What each template needs, by name: the queue stores it as JSON and the worker renders it. */
export interface MailTemplateData {
  'email-verification': { code: string; minutes: number };
  'password-reset': { link: string; minutes: number };
  'password-changed': { changedAt: string };
  'find-email-hint': { maskedEmail: string; signedUpAt: string };
  // Notification mail (notifications module). Links are absolute; times are ISO instants.
  'booking-confirmed': {
    bookingNumber: string;
    performanceTitle: string;
    startsAt: string;
    venueName: string;
    seats: string[];
    total: number;
    ticketsLink: string;
  };
  'booking-cancelled': {
    bookingNumber: string;
    performanceTitle: string;
    startsAt: string;
    refundAmount: number;
    link: string;
  };
  'show-reminder': {
    performanceTitle: string;
    startsAt: string;
    venueName: string;
    venueAddress: string | null;
    seats: string[];
    proofRequired: boolean;
    ticketsLink: string;
  };
  'onsale-alert': { phase: 'SOON' | 'OPEN'; performanceTitle: string; salesOpenAt: string; link: string };
  'keyword-match': { keyword: string; performanceTitle: string; salesOpenAt: string | null; link: string };
  'review-invitation': { performanceTitle: string; startsAt: string; link: string };
  'inquiry-answered': { inquiryTitle: string; answer: string; link: string };
  /** Any other notification: its title, body and link as the app shows them. */
  notice: { title: string; body: string; link: string | null };
}
export type MailTemplate = keyof MailTemplateData;
type AccountTemplate = 'email-verification' | 'password-reset' | 'password-changed' | 'find-email-hint';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** One template in one language: a subject, paragraphs (HTML-escaped here), an optional button. */
interface MailCopy {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** Shown large after the paragraphs, e.g. a code. */
  highlight?: string;
  /** Paragraphs after the highlight. */
  after?: string[];
  button?: { label: string; href: string };
  footer: string;
  /** The unsubscribe link of non-transactional notification mail, under the footer. */
  unsubscribe?: { label: string; href: string };
}

const SEOUL = 'Asia/Seoul';
/** One formatter per language and style: building an Intl.DateTimeFormat costs more than a mail's fill. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const formatDateNow = (iso: string, lang: MailLang, withTime: boolean): string => {
  const key = `${lang}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
      dateStyle: 'long',
      ...(withTime && { timeStyle: 'short' }),
      timeZone: SEOUL,
    });
    dateFormats.set(key, format);
  }
  return format.format(new Date(iso));
};
/** A date as the mail shows it; on a placeholder (the render cache) a placeholder for the formatted value. */
const formatDate = (iso: string, lang: MailLang, withTime: boolean): string =>
  derived(iso, (v) => formatDateNow(v, lang, withTime)) ?? formatDateNow(iso, lang, withTime);

const FOOTER: Record<MailLang, string> = {
  ko: '이 메일은 발신 전용이에요. 컬처티켓 계정 관련 안내로 보내 드렸어요.',
  en: 'This mailbox is not monitored. You received this notice about your Culture Ticket account.',
};

const ACCOUNT_COPY: { [T in AccountTemplate]: (data: MailTemplateData[T], lang: MailLang) => MailCopy } = {
  'email-verification': ({ code, minutes }, lang) =>
    lang === 'ko'
      ? {
          subject: '[컬처티켓] 이메일 인증 코드',
          heading: '이메일 인증 코드',
          paragraphs: [`아래 인증 코드를 ${minutes}분 안에 입력해 주세요.`],
          highlight: code,
          footer: `인증 코드는 ${code}예요. 요청하지 않았다면 이 메일을 무시하셔도 돼요. ${FOOTER.ko}`,
        }
      : {
          subject: 'Your Culture Ticket verification code',
          heading: 'Your verification code',
          paragraphs: [`Your verification code is ${code}. It is valid for ${minutes} minutes.`],
          highlight: code,
          footer: `If you did not ask for it, ignore this mail. ${FOOTER.en}`,
        },
  'password-reset': ({ link, minutes }, lang) =>
    lang === 'ko'
      ? {
          subject: '[컬처티켓] 비밀번호 재설정 안내',
          heading: '비밀번호를 다시 설정해 주세요',
          paragraphs: [
            `아래 링크에서 새 비밀번호를 설정해 주세요. 링크는 ${minutes}분 동안 한 번만 쓸 수 있어요.`,
            '요청하지 않았다면 이 메일을 무시하셔도 돼요. 비밀번호는 바뀌지 않아요.',
          ],
          button: { label: '비밀번호 재설정', href: link },
          footer: FOOTER.ko,
        }
      : {
          subject: 'Reset your Culture Ticket password',
          heading: 'Reset your password',
          paragraphs: [
            `Choose a new password with the link below. It works once, for ${minutes} minutes.`,
            'If you did not ask for it, ignore this mail: your password stays as it is.',
          ],
          button: { label: 'Reset password', href: link },
          footer: FOOTER.en,
        },
  'password-changed': ({ changedAt }, lang) =>
    lang === 'ko'
      ? {
          subject: '[컬처티켓] 비밀번호가 변경되었어요',
          heading: '비밀번호가 변경되었어요',
          paragraphs: [
            `${formatDate(changedAt, 'ko', true)}에 계정 비밀번호가 바뀌었고, 모든 기기에서 로그아웃되었어요.`,
            '직접 바꾸지 않았다면 바로 비밀번호 찾기로 다시 설정하고 고객센터에 알려 주세요.',
          ],
          footer: FOOTER.ko,
        }
      : {
          subject: 'Your Culture Ticket password was changed',
          heading: 'Your password was changed',
          paragraphs: [
            `Your password was changed on ${formatDate(changedAt, 'en', true)} (Korea time) and every device was signed out.`,
            'If this was not you, reset your password now and tell our support team.',
          ],
          footer: FOOTER.en,
        },
  'find-email-hint': ({ maskedEmail, signedUpAt }, lang) =>
    lang === 'ko'
      ? {
          subject: '[컬처티켓] 가입하신 이메일 안내',
          heading: '가입하신 이메일을 알려 드려요',
          paragraphs: ['이메일 찾기 요청에 따라 이 주소로 가입된 계정을 안내해 드려요.'],
          after: [`${formatDate(signedUpAt, 'ko', false)}에 가입하셨어요.`],
          highlight: maskedEmail,
          footer: `요청하지 않았다면 이 메일을 무시하셔도 돼요. ${FOOTER.ko}`,
        }
      : {
          subject: 'Your Culture Ticket sign-in email',
          heading: 'The email you signed up with',
          paragraphs: ['Someone asked which email an account uses; this is the account at this address.'],
          after: [`Signed up on ${formatDate(signedUpAt, 'en', false)}.`],
          highlight: maskedEmail,
          footer: `If you did not ask for it, ignore this mail. ${FOOTER.en}`,
        },
};

const NUMBERS: Record<MailLang, Intl.NumberFormat> = {
  ko: new Intl.NumberFormat('ko-KR'),
  en: new Intl.NumberFormat('en-GB'),
};
const wonNow = (amount: number, lang: MailLang): string =>
  lang === 'ko' ? `${NUMBERS.ko.format(amount)}원` : `KRW ${NUMBERS.en.format(amount)}`;
const won = (amount: number, lang: MailLang): string =>
  derived(amount, (v) => wonNow(Number(v), lang)) ?? wonNow(amount, lang);

const NOTICE_FOOTER: Record<MailLang, string> = {
  ko: '이 메일은 발신 전용이에요. 알림 설정은 컬처티켓 내 정보 > 알림 설정에서 바꿀 수 있어요.',
  en: 'This mailbox is not monitored. Change which mail you get under My page > Notification settings.',
};

const NOTIFICATION_COPY: {
  [T in Exclude<MailTemplate, AccountTemplate>]: (data: MailTemplateData[T], lang: MailLang) => MailCopy;
} = {
  'booking-confirmed': (d, lang) =>
    lang === 'ko'
      ? {
          subject: `[컬처티켓] 예매가 완료되었어요 (${d.bookingNumber})`,
          heading: '예매가 완료되었어요',
          paragraphs: [
            `${d.performanceTitle} · ${formatDate(d.startsAt, 'ko', true)} · ${d.venueName}`,
            `좌석: ${d.seats.join(', ')}`,
            `결제 금액: ${won(d.total, 'ko')}`,
          ],
          highlight: d.bookingNumber,
          button: { label: '모바일 티켓 보기', href: d.ticketsLink },
          footer: NOTICE_FOOTER.ko,
        }
      : {
          subject: `Your booking is confirmed (${d.bookingNumber})`,
          heading: 'Your booking is confirmed',
          paragraphs: [
            `${d.performanceTitle} · ${formatDate(d.startsAt, 'en', true)} · ${d.venueName}`,
            `Seats: ${d.seats.join(', ')}`,
            `Paid: ${won(d.total, 'en')}`,
          ],
          highlight: d.bookingNumber,
          button: { label: 'See your tickets', href: d.ticketsLink },
          footer: NOTICE_FOOTER.en,
        },
  'booking-cancelled': (d, lang) =>
    lang === 'ko'
      ? {
          subject: `[컬처티켓] 예매가 취소되었어요 (${d.bookingNumber})`,
          heading: '예매가 취소되었어요',
          paragraphs: [
            `${d.performanceTitle} · ${formatDate(d.startsAt, 'ko', true)}`,
            `환불 금액: ${won(d.refundAmount, 'ko')} (결제 수단으로 돌려드려요)`,
          ],
          button: { label: '예매 내역 보기', href: d.link },
          footer: NOTICE_FOOTER.ko,
        }
      : {
          subject: `Your booking was cancelled (${d.bookingNumber})`,
          heading: 'Your booking was cancelled',
          paragraphs: [
            `${d.performanceTitle} · ${formatDate(d.startsAt, 'en', true)}`,
            `Refund: ${won(d.refundAmount, 'en')} (back to how you paid)`,
          ],
          button: { label: 'See your bookings', href: d.link },
          footer: NOTICE_FOOTER.en,
        },
  'show-reminder': (d, lang) =>
    lang === 'ko'
      ? {
          subject: `[컬처티켓] 내일 공연이에요: ${d.performanceTitle}`,
          heading: '내일 공연을 잊지 마세요',
          paragraphs: [
            `${d.performanceTitle} · ${formatDate(d.startsAt, 'ko', true)}`,
            `장소: ${d.venueName}${d.venueAddress ? ` (${d.venueAddress})` : ''}`,
            `좌석: ${d.seats.join(', ')}`,
            `챙길 것: 모바일 티켓(QR)${d.proofRequired ? ', 할인 증빙(신분증·복지카드 등)' : ''}`,
          ],
          button: { label: '모바일 티켓 보기', href: d.ticketsLink },
          footer: NOTICE_FOOTER.ko,
        }
      : {
          subject: `Your show is tomorrow: ${d.performanceTitle}`,
          heading: 'Your show is tomorrow',
          paragraphs: [
            `${d.performanceTitle} · ${formatDate(d.startsAt, 'en', true)} (Korea time)`,
            `Venue: ${d.venueName}${d.venueAddress ? ` (${d.venueAddress})` : ''}`,
            `Seats: ${d.seats.join(', ')}`,
            `Bring: your mobile ticket (QR)${d.proofRequired ? ' and proof for your discount' : ''}`,
          ],
          button: { label: 'See your tickets', href: d.ticketsLink },
          footer: NOTICE_FOOTER.en,
        },
  'onsale-alert': (d, lang) =>
    lang === 'ko'
      ? {
          subject:
            d.phase === 'SOON'
              ? `[컬처티켓] 10분 뒤 티켓 오픈: ${d.performanceTitle}`
              : `[컬처티켓] 지금 티켓 오픈: ${d.performanceTitle}`,
          heading: d.phase === 'SOON' ? '곧 티켓이 열려요' : '티켓이 열렸어요',
          paragraphs: [`${d.performanceTitle} · 오픈 ${formatDate(d.salesOpenAt, 'ko', true)}`],
          button: { label: '예매하러 가기', href: d.link },
          footer: NOTICE_FOOTER.ko,
        }
      : {
          subject:
            d.phase === 'SOON'
              ? `Tickets open in 10 minutes: ${d.performanceTitle}`
              : `Tickets are open: ${d.performanceTitle}`,
          heading: d.phase === 'SOON' ? 'Tickets open soon' : 'Tickets are open',
          paragraphs: [`${d.performanceTitle} · opens ${formatDate(d.salesOpenAt, 'en', true)} (Korea time)`],
          button: { label: 'Book now', href: d.link },
          footer: NOTICE_FOOTER.en,
        },
  'keyword-match': (d, lang) =>
    lang === 'ko'
      ? {
          subject: `[컬처티켓] '${d.keyword}' 새 공연: ${d.performanceTitle}`,
          heading: `'${d.keyword}' 키워드 공연이 올라왔어요`,
          paragraphs: [
            d.performanceTitle,
            d.salesOpenAt ? `티켓 오픈 ${formatDate(d.salesOpenAt, 'ko', true)}` : '지금 예매할 수 있어요.',
          ],
          button: { label: '공연 보기', href: d.link },
          footer: NOTICE_FOOTER.ko,
        }
      : {
          subject: `New show for '${d.keyword}': ${d.performanceTitle}`,
          heading: `A show matching '${d.keyword}'`,
          paragraphs: [
            d.performanceTitle,
            d.salesOpenAt
              ? `Tickets open ${formatDate(d.salesOpenAt, 'en', true)} (Korea time)`
              : 'Tickets are on sale now.',
          ],
          button: { label: 'See the show', href: d.link },
          footer: NOTICE_FOOTER.en,
        },
  'review-invitation': (d, lang) =>
    lang === 'ko'
      ? {
          subject: `[컬처티켓] 관람은 어떠셨어요? ${d.performanceTitle}`,
          heading: '관람 후기를 남겨 주세요',
          paragraphs: [`${formatDate(d.startsAt, 'ko', true)}에 ${d.performanceTitle}을(를) 관람하셨어요.`],
          button: { label: '후기 쓰기', href: d.link },
          footer: NOTICE_FOOTER.ko,
        }
      : {
          subject: `How was ${d.performanceTitle}?`,
          heading: 'Tell others how it was',
          paragraphs: [`You saw ${d.performanceTitle} on ${formatDate(d.startsAt, 'en', true)}.`],
          button: { label: 'Write a review', href: d.link },
          footer: NOTICE_FOOTER.en,
        },
  'inquiry-answered': (d, lang) =>
    lang === 'ko'
      ? {
          subject: `[컬처티켓] 1:1 문의에 답변이 달렸어요: ${d.inquiryTitle}`,
          heading: '문의하신 내용에 답변드렸어요',
          paragraphs: [`문의 제목: ${d.inquiryTitle}`, d.answer],
          after: ['답변 전문과 이전 대화는 아래 버튼을 눌러 확인해 주세요.'],
          button: { label: '답변 확인하기', href: d.link },
          footer: NOTICE_FOOTER.ko,
        }
      : {
          subject: `Your inquiry was answered: ${d.inquiryTitle}`,
          heading: 'We answered your inquiry',
          paragraphs: [`Inquiry: ${d.inquiryTitle}`, d.answer],
          after: ['See the whole answer and the conversation with the button below.'],
          button: { label: 'Read the answer', href: d.link },
          footer: NOTICE_FOOTER.en,
        },
  notice: (d, lang) => ({
    subject: lang === 'ko' ? `[컬처티켓] ${d.title}` : d.title,
    heading: d.title,
    paragraphs: [d.body],
    ...(d.link && { button: { label: lang === 'ko' ? '자세히 보기' : 'Open', href: d.link } }),
    footer: NOTICE_FOOTER[lang],
  }),
};

const COPY = { ...ACCOUNT_COPY, ...NOTIFICATION_COPY } as {
  [T in MailTemplate]: (data: MailTemplateData[T], lang: MailLang) => MailCopy;
};

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Per-mail extras the sender adds at send time (not stored in the queue row's data). */
export interface RenderOptions {
  /** Non-transactional notification mail: the signed page that turns the category's mail off. */
  unsubscribeUrl?: string;
}

const UNSUBSCRIBE_LABEL: Record<MailLang, string> = {
  ko: '이 종류의 알림 메일 그만 받기',
  en: 'Stop these notification mails',
};

function mjmlOf(copy: MailCopy, lang: MailLang): string {
  const text = (lines: string[] = []) =>
    lines.map((p) => `<mj-text font-size="15px" line-height="1.6">${escapeHtml(p)}</mj-text>`).join('');
  const highlight = copy.highlight
    ? `<mj-text font-size="26px" font-weight="700" align="center" letter-spacing="2px">${escapeHtml(copy.highlight)}</mj-text>`
    : '';
  const button = copy.button
    ? `<mj-button background-color="#d6336c" border-radius="8px" font-size="16px" href="${escapeHtml(copy.button.href)}">${escapeHtml(copy.button.label)}</mj-button>` +
      `<mj-text font-size="12px" line-height="1.5" color="#666666">${escapeHtml(copy.button.href)}</mj-text>`
    : '';
  const unsubscribe = copy.unsubscribe
    ? `<mj-text font-size="12px" line-height="1.5" color="#888888"><a href="${escapeHtml(copy.unsubscribe.href)}" style="color:#888888">${escapeHtml(copy.unsubscribe.label)}</a></mj-text>`
    : '';
  return `<mjml lang="${lang}">
  <mj-head><mj-title>${escapeHtml(copy.subject)}</mj-title>
    <mj-attributes><mj-all font-family="'Apple SD Gothic Neo','Malgun Gothic',Arial,sans-serif" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f6">
    <mj-section><mj-column>
      <mj-text font-size="18px" font-weight="700" color="#d6336c">Culture Ticket</mj-text>
    </mj-column></mj-section>
    <mj-section background-color="#ffffff" border-radius="12px"><mj-column>
      <mj-text font-size="20px" font-weight="700">${escapeHtml(copy.heading)}</mj-text>
      ${text(copy.paragraphs)}${highlight}${text(copy.after)}${button}
    </mj-column></mj-section>
    <mj-section><mj-column>
      <mj-text font-size="12px" line-height="1.5" color="#888888">${escapeHtml(copy.footer)}</mj-text>${unsubscribe}
    </mj-column></mj-section>
  </mj-body>
</mjml>`;
}

function textOf(copy: MailCopy): string {
  const lines = [copy.heading, ...copy.paragraphs.flatMap((p) => ['', p])];
  if (copy.highlight) lines.push('', copy.highlight);
  for (const p of copy.after ?? []) lines.push('', p);
  if (copy.button) lines.push('', `${copy.button.label}: ${copy.button.href}`);
  lines.push('', '--', copy.footer);
  if (copy.unsubscribe) lines.push(`${copy.unsubscribe.label}: ${copy.unsubscribe.href}`);
  return lines.join('\n');
}

function copyOf<T extends MailTemplate>(
  template: T,
  lang: MailLang,
  data: MailTemplateData[T],
  opts: RenderOptions,
): MailCopy {
  const copy = COPY[template](data, lang);
  if (opts.unsubscribeUrl) copy.unsubscribe = { label: UNSUBSCRIBE_LABEL[lang], href: opts.unsubscribeUrl };
  return copy;
}

async function mjmlToHtml(template: string, mjml: string): Promise<string> {
  // Loaded on first use: MJML takes about half a second to import, which processes that never render
  // mail (the gateway, the CLI) should not pay at start.
  const { default: mjml2html } = await import('mjml');
  const { html, errors } = await mjml2html(mjml, { validationLevel: 'strict' });
  if (errors.length > 0)
    throw new Error(`mail template ${template} is not valid MJML: ${errors[0]!.message}`);
  return html;
}

/** Renders a template straight through MJML (about 10 ms); `renderMail` gives the same from its cache. */
export async function renderMailDirect<T extends MailTemplate>(
  template: T,
  lang: MailLang,
  data: MailTemplateData[T],
  opts: RenderOptions = {},
): Promise<RenderedMail> {
  const copy = copyOf(template, lang, data, opts);
  return { subject: copy.subject, html: await mjmlToHtml(template, mjmlOf(copy, lang)), text: textOf(copy) };
}

// --- the render cache ------------------------------------------------------------------------------
//
// A template is rendered through MJML once per language and "shape" with a placeholder in place of
// every per-person value, then filled per mail: the HTML with the value escaped exactly as the direct
// render escapes it (escapeHtml works character by character, so escaping the pieces equals escaping
// the whole), the subject and text with the value as it is. Values the copy branches on are not
// placeholders but part of the shape: falsy values (null, '', 0, false), every boolean, and the
// fields named in BRANCH_FIELDS. Dates and amounts go through formatDate/won, which on a placeholder
// return a placeholder for the formatted value; lists become one string (joined with ', ').

/** Fields a copy compares against a value (not just for truthiness): part of the cache key. */
const BRANCH_FIELDS = new Set(['phase']);
const UNSUBSCRIBE_FIELD = '$unsubscribe';

interface Slot {
  field: string;
  format: (raw: unknown) => string;
}
/** A compiled string: literal pieces at even indexes, slot numbers at odd ones (String.split with a group). */
type Pieces = string[];
interface CompiledMail {
  subject: Pieces;
  html: Pieces;
  text: Pieces;
  slots: Slot[];
}

function fillPieces(pieces: Pieces, values: string[]): string {
  let out = pieces[0]!;
  for (let i = 1; i < pieces.length; i += 2) out += values[Number(pieces[i])]! + pieces[i + 1]!;
  return out;
}

const TOKEN = /\uE000(\d+)\uE001/;
const tokenOf = (i: number): string => `\uE000${i}\uE001`;
/** Slots of the template being compiled; set only during the synchronous copy call. */
let compiling: Slot[] | undefined;

const asText = (raw: unknown): string => (Array.isArray(raw) ? raw.join(', ') : String(raw));

/** On a placeholder while compiling: a new placeholder whose value is `format` of the field's value. */
function derived(value: unknown, format: (raw: never) => string): string | undefined {
  if (!compiling || typeof value !== 'string') return undefined;
  const match = /^\uE000(\d+)\uE001$/.exec(value);
  if (!match) return undefined;
  const base = compiling[Number(match[1])]!;
  compiling.push({ field: base.field, format: format as (raw: unknown) => string });
  return tokenOf(compiling.length - 1);
}

const isPlaceholder = (value: unknown): boolean =>
  Boolean(value) && typeof value !== 'boolean' && (typeof value !== 'object' || Array.isArray(value));

function shapeOf(fields: Record<string, unknown>): string {
  return Object.keys(fields)
    .sort()
    .map((key) =>
      isPlaceholder(fields[key]) && !BRANCH_FIELDS.has(key) ? key : `${key}=${JSON.stringify(fields[key])}`,
    )
    .join('&');
}

async function compile(template: MailTemplate, lang: MailLang, fields: Record<string, unknown>) {
  const slots: Slot[] = [];
  const placeholders: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!isPlaceholder(value) || BRANCH_FIELDS.has(key)) {
      placeholders[key] = value;
      continue;
    }
    slots.push({ field: key, format: asText });
    const token = tokenOf(slots.length - 1);
    placeholders[key] = Array.isArray(value) ? [token] : token;
  }
  const { [UNSUBSCRIBE_FIELD]: unsubscribeUrl, ...data } = placeholders;
  let copy: MailCopy;
  compiling = slots;
  try {
    copy = copyOf(template, lang, data as never, { unsubscribeUrl: unsubscribeUrl as string | undefined });
  } finally {
    compiling = undefined;
  }
  const compiled: CompiledMail = {
    subject: copy.subject.split(TOKEN),
    html: (await mjmlToHtml(template, mjmlOf(copy, lang))).split(TOKEN),
    text: textOf(copy).split(TOKEN),
    slots,
  };
  return compiled;
}

/** Compiled templates by template, language and shape; a few dozen in practice. */
const cache = new Map<string, Promise<CompiledMail>>();
const CACHE_MAX = 500;

/** How many compiled templates the cache holds (tests, metrics). */
export const renderCacheSize = (): number => cache.size;

/**
 * Renders a template to a subject, an HTML part (MJML) and a plain-text part: MJML runs once per
 * template, language and shape, each mail after that is a string fill (microseconds).
 */
export async function renderMail<T extends MailTemplate>(
  template: T,
  lang: MailLang,
  data: MailTemplateData[T],
  opts: RenderOptions = {},
): Promise<RenderedMail> {
  if (!Object.hasOwn(COPY, template)) throw new Error(`unknown mail template ${template}`);
  const fields: Record<string, unknown> = { ...(data as object) };
  if (opts.unsubscribeUrl) fields[UNSUBSCRIBE_FIELD] = opts.unsubscribeUrl;
  const key = `${template}|${lang}|${shapeOf(fields)}`;
  let compiled = cache.get(key);
  if (!compiled) {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    compiled = compile(template, lang, fields);
    cache.set(key, compiled);
    compiled.catch(() => cache.delete(key));
  }
  const { subject, html, text, slots } = await compiled;
  const values = slots.map((slot) => slot.format(fields[slot.field] as never));
  return {
    subject: fillPieces(subject, values),
    html: fillPieces(html, values.map(escapeHtml)),
    text: fillPieces(text, values),
  };
}

export const MAIL_TEMPLATES = Object.keys(COPY) as MailTemplate[];

/** Example data for previews and tests. */
export const SAMPLE_DATA: MailTemplateData = {
  'email-verification': { code: '482913', minutes: 5 },
  'password-reset': { link: 'http://localhost:3000/reset-password?token=sample-token', minutes: 30 },
  'password-changed': { changedAt: '2026-11-30T19:40:00.000Z' },
  'find-email-hint': { maskedEmail: 'ki***@example.com', signedUpAt: '2025-03-14T02:00:00.000Z' },
  'booking-confirmed': {
    bookingNumber: 'CT2612-48K3QX',
    performanceTitle: '뮤지컬 〈레미제라블〉',
    startsAt: '2026-12-24T10:00:00.000Z',
    venueName: '블루스퀘어 신한카드홀',
    seats: ['VIP석 1층 A열 12번', 'VIP석 1층 A열 13번'],
    total: 308_000,
    ticketsLink: 'http://localhost:3000/me/reservations',
  },
  'booking-cancelled': {
    bookingNumber: 'CT2612-48K3QX',
    performanceTitle: '뮤지컬 〈레미제라블〉',
    startsAt: '2026-12-24T10:00:00.000Z',
    refundAmount: 277_200,
    link: 'http://localhost:3000/me/reservations',
  },
  'show-reminder': {
    performanceTitle: '뮤지컬 〈레미제라블〉',
    startsAt: '2026-12-24T10:00:00.000Z',
    venueName: '블루스퀘어 신한카드홀',
    venueAddress: '서울 용산구 이태원로 294',
    seats: ['VIP석 1층 A열 12번'],
    proofRequired: true,
    ticketsLink: 'http://localhost:3000/me/reservations',
  },
  'onsale-alert': {
    phase: 'SOON',
    performanceTitle: '뮤지컬 〈레미제라블〉',
    salesOpenAt: '2026-12-01T05:00:00.000Z',
    link: 'http://localhost:3000/performances/sample',
  },
  'keyword-match': {
    keyword: '레미제라블',
    performanceTitle: '뮤지컬 〈레미제라블〉',
    salesOpenAt: '2026-12-01T05:00:00.000Z',
    link: 'http://localhost:3000/performances/sample',
  },
  'review-invitation': {
    performanceTitle: '뮤지컬 〈레미제라블〉',
    startsAt: '2026-11-29T10:00:00.000Z',
    link: 'http://localhost:3000/performances/sample',
  },
  'inquiry-answered': {
    inquiryTitle: '예매 취소 수수료 문의',
    answer: '안녕하세요, 고객님. 관람일 10일 전까지는 취소 수수료 없이 취소하실 수 있어요.',
    link: 'http://localhost:3000/me/inquiries/sample',
  },
  notice: {
    title: '문의에 답변이 달렸어요',
    body: '예매 취소 문의에 답변을 드렸어요.',
    link: 'http://localhost:3000/me',
  },
};

/** The language of mail for a request: Korean unless the client prefers English over Korean. */
export function mailLangOf(acceptLanguage: string | undefined): MailLang {
  if (!acceptLanguage) return 'ko';
  const ranked = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => (r.lang === 'ko' || r.lang === 'en') && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === 'en' ? 'en' : 'ko';
}
