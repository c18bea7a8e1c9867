import type { Lang } from '../i18n/dict.ts';
import { ApiError } from './client.ts';

/**
 * One failing field of a problem (`errors: [{ field, rule, … }]`, docs/CONVENTIONS.md "Errors"):
 * `field` is where (`body.title`, `body.prices.0.price`, `params.id`), `rule` what it broke (ajv's
 * keyword or a service rule), `limit`/`format`/`other`/`from`/`to` the bound. The server's English
 * `message` is never shown; the words come from here.
 */
export interface FieldProblem {
  field: string;
  rule?: string;
  limit?: number;
  format?: string;
  other?: string;
  from?: string;
  to?: string;
  grade?: string;
  grades?: string[];
  first?: string;
  last?: string;
  /** The ticket type code a `unique` rule names. */
  code?: string;
}

type Words = { ko: string; en: string };
type Wording = (e: FieldProblem) => Words;

/** Field names (the key a form uses) in words, for the sentences below and for the error summary. */
export const FIELD_LABELS: Record<string, Words> = {
  title: { ko: '공연명', en: 'Title' },
  description: { ko: '소개', en: 'Description' },
  categoryId: { ko: '장르', en: 'Genre' },
  venueId: { ko: '공연장', en: 'Venue' },
  startDate: { ko: '시작일', en: 'Start date' },
  endDate: { ko: '종료일', en: 'End date' },
  runningMinutes: { ko: '관람 시간', en: 'Running time' },
  ageRating: { ko: '관람 등급', en: 'Age rating' },
  cast: { ko: '출연진', en: 'Cast' },
  posterUrl: { ko: '포스터 URL', en: 'Poster URL' },
  prices: { ko: '등급별 가격', en: 'Prices' },
  status: { ko: '상태', en: 'Status' },
  startsAt: { ko: '공연 시작', en: 'Start' },
  salesOpenAt: { ko: '판매 시작', en: 'Sales open' },
  salesCloseAt: { ko: '판매 종료', en: 'Sales close' },
  maxTicketsPerUser: { ko: '1인 최대 매수', en: 'Tickets per person' },
  queue: { ko: '대기열', en: 'Waiting room' },
  'queue.admitPerSecond': { ko: '초당 입장', en: 'Admitted per second' },
  'queue.maxActive': { ko: '동시 구매자 최대', en: 'Most buyers at once' },
  'queue.sessionSeconds': { ko: '입장 후 제한 시간', en: 'Time after admission' },
  'queue.opensBeforeMinutes': { ko: '대기실 오픈', en: 'Waiting room opens' },
  'queue.powDifficulty': { ko: '입장 확인 난이도', en: 'Entry check difficulty' },
  name: { ko: '이름', en: 'Name' },
  address: { ko: '주소', en: 'Address' },
  sections: { ko: '구역', en: 'Sections' },
  parking: { ko: '주차 안내', en: 'Parking' },
  directions: { ko: '오시는 길', en: 'Directions' },
  latitude: { ko: '위도', en: 'Latitude' },
  longitude: { ko: '경도', en: 'Longitude' },
  email: { ko: '이메일', en: 'Email' },
  currentPassword: { ko: '현재 비밀번호', en: 'Current password' },
  newPassword: { ko: '새 비밀번호', en: 'New password' },
  nickname: { ko: '닉네임', en: 'Nickname' },
  phone: { ko: '전화번호', en: 'Phone' },
  birthDate: { ko: '생년월일', en: 'Date of birth' },
  language: { ko: '메일 언어', en: 'Email language' },
  discountValue: { ko: '할인 값', en: 'Discount' },
  maxDiscount: { ko: '최대 할인액', en: 'Largest discount' },
  minOrderAmount: { ko: '최소 주문액', en: 'Minimum order' },
  stock: { ko: '발행 수량', en: 'Stock' },
  issueStartsAt: { ko: '발급 시작', en: 'Issuing starts' },
  issueEndsAt: { ko: '발급 종료', en: 'Issuing ends' },
  validUntil: { ko: '사용 기한', en: 'Valid until' },
  password: { ko: '비밀번호', en: 'Password' },
  code: { ko: '코드', en: 'Code' },
  ticketTypes: { ko: '권종 할인', en: 'Ticket types' },
};

const label = (key: string | undefined, lang: Lang): string =>
  (key && FIELD_LABELS[key]?.[lang]) ?? (lang === 'ko' ? '다른 값' : 'the other value');

/** Rules in words; a rule not listed here reads as "check this value". */
const RULES: Record<string, Wording> = {
  required: () => ({ ko: '입력해 주세요.', en: 'Required.' }),
  minLength: (e) =>
    (e.limit ?? 1) <= 1
      ? { ko: '입력해 주세요.', en: 'Required.' }
      : { ko: `${e.limit}자 이상 입력해 주세요.`, en: `At least ${e.limit} characters.` },
  maxLength: (e) => ({ ko: `${e.limit}자 이하로 입력해 주세요.`, en: `At most ${e.limit} characters.` }),
  minimum: (e) => ({ ko: `${e.limit} 이상이어야 합니다.`, en: `Must be at least ${e.limit}.` }),
  exclusiveMinimum: (e) => ({ ko: `${e.limit}보다 커야 합니다.`, en: `Must be more than ${e.limit}.` }),
  maximum: (e) => ({ ko: `${e.limit} 이하여야 합니다.`, en: `Must be at most ${e.limit}.` }),
  exclusiveMaximum: (e) => ({ ko: `${e.limit}보다 작아야 합니다.`, en: `Must be less than ${e.limit}.` }),
  minItems: (e) =>
    (e.limit ?? 1) <= 1
      ? { ko: '하나 이상 입력해 주세요.', en: 'Add at least one.' }
      : { ko: `${e.limit}개 이상 입력해 주세요.`, en: `Add at least ${e.limit}.` },
  maxItems: (e) => ({ ko: `${e.limit}개까지 입력할 수 있습니다.`, en: `At most ${e.limit}.` }),
  type: () => ({ ko: '값의 형식이 올바르지 않습니다.', en: 'This value has the wrong type.' }),
  format: (e) =>
    e.format === 'uuid'
      ? { ko: '목록에서 골라 주세요.', en: 'Choose from the list.' }
      : e.format === 'date'
        ? { ko: '날짜를 골라 주세요.', en: 'Choose a date.' }
        : e.format === 'date-time'
          ? { ko: '날짜와 시각을 골라 주세요.', en: 'Choose a date and time.' }
          : e.format === 'email'
            ? { ko: '이메일 주소 형식이 아닙니다.', en: 'Not an email address.' }
            : { ko: '형식이 올바르지 않습니다.', en: 'The format is not valid.' },
  pattern: () => ({ ko: '형식이 올바르지 않습니다.', en: 'The format is not valid.' }),
  anyOf: () => ({ ko: '형식이 올바르지 않습니다.', en: 'The format is not valid.' }),
  const: () => ({ ko: '목록에서 골라 주세요.', en: 'Choose from the list.' }),
  enum: () => ({ ko: '목록에서 골라 주세요.', en: 'Choose from the list.' }),
  additionalProperties: () => ({ ko: '알 수 없는 항목입니다.', en: 'Unknown field.' }),
  // Service rules (src/modules/catalog/catalog.service.ts).
  notBefore: (e) => ({
    ko: `${label(e.other, 'ko')}과 같거나 그 뒤여야 합니다.`,
    en: `Must not be before ${label(e.other, 'en').toLowerCase()}.`,
  }),
  after: (e) => ({
    ko: `${label(e.other, 'ko')}보다 뒤여야 합니다.`,
    en: `Must be after ${label(e.other, 'en').toLowerCase()}.`,
  }),
  notAfter: (e) => ({
    ko: `${label(e.other, 'ko')}보다 늦을 수 없습니다.`,
    en: `Cannot be later than ${label(e.other, 'en').toLowerCase()}.`,
  }),
  withinRun: (e) => ({
    ko: `공연 기간(${e.from ?? ''} ~ ${e.to ?? ''}) 안의 날이어야 합니다.`,
    en: `Must fall within the run (${e.from ?? ''} – ${e.to ?? ''}).`,
  }),
  fixedAfterSales: () => ({
    ko: '판매된 좌석이 있어 바꿀 수 없습니다.',
    en: 'Seats are sold; this cannot change.',
  }),
  fixedAfterOpen: () => ({
    ko: '판매가 이미 시작되어 바꿀 수 없습니다.',
    en: 'Sales have opened; this cannot change.',
  }),
  letter: () => ({ ko: '문자를 하나 이상 넣어 주세요.', en: 'Include a letter.' }),
  digitOrSymbol: () => ({ ko: '숫자나 기호를 하나 이상 넣어 주세요.', en: 'Include a digit or a symbol.' }),
  notEmail: () => ({ ko: '이메일 주소를 넣을 수 없습니다.', en: 'Must not contain your email address.' }),
  notRepeated: () => ({ ko: '한 글자만 반복할 수 없습니다.', en: 'Must not be one repeated character.' }),
  coversShowtimes: (e) =>
    e.first
      ? {
          ko: `${e.first}에 시작하는 회차가 있어 그보다 늦출 수 없습니다.`,
          en: `A showtime starts on ${e.first}; the run cannot start later.`,
        }
      : {
          ko: `${e.last ?? ''}에 시작하는 회차가 있어 그보다 앞당길 수 없습니다.`,
          en: `A showtime starts on ${e.last ?? ''}; the run cannot end earlier.`,
        },
  future: () => ({ ko: '지금보다 뒤여야 합니다.', en: 'Must be in the future.' }),
  percentOnly: () => ({
    ko: '정률(%) 쿠폰에만 쓸 수 있습니다.',
    en: 'Applies to percentage coupons only.',
  }),
  fixedWithShowtimes: () => ({
    ko: '회차가 있는 공연은 공연장을 바꿀 수 없습니다.',
    en: 'A performance with showtimes keeps its venue.',
  }),
  unique: (e) =>
    e.grade
      ? { ko: `${e.grade} 등급이 두 번 들어 있습니다.`, en: `Grade ${e.grade} appears twice.` }
      : e.code
        ? { ko: `${e.code} 코드가 두 번 들어 있습니다.`, en: `Code ${e.code} appears twice.` }
        : { ko: '같은 이름이 두 번 들어 있습니다.', en: 'A name appears twice.' },
  reserved: () => ({
    ko: 'ADULT는 일반(정가) 권종이라 따로 넣을 수 없습니다.',
    en: 'ADULT is the list price and is always sold.',
  }),
  venueGrade: (e) => ({
    ko: `${e.grade ?? ''} 등급은 이 공연장에 없습니다.`,
    en: `The venue has no grade ${e.grade ?? ''}.`,
  }),
  allGrades: (e) => ({
    ko: `${(e.grades ?? []).join(', ')} 등급의 가격이 빠져 있습니다.`,
    en: `No price for grade ${(e.grades ?? []).join(', ')}.`,
  }),
  maxSeats: (e) => ({
    ko: `좌석은 모두 ${(e.limit ?? 0).toLocaleString('ko-KR')}석까지입니다.`,
    en: `At most ${(e.limit ?? 0).toLocaleString('en')} seats in all.`,
  }),
};

const FALLBACK: Words = { ko: '값을 확인해 주세요.', en: 'Check this value.' };

/**
 * The form key a problem's field belongs to: `body.` dropped, array positions and what follows them
 * dropped (`body.prices.0.price` → `prices`, `body.sections.1.rows` → `sections`), objects kept
 * (`body.queue.maxActive` → `queue.maxActive`). Path and query fields keep their prefix
 * (`params.id`), since no form shows them.
 */
export function fieldKey(field: string): string {
  if (!field.startsWith('body.') && field !== 'body') return field;
  const parts = bodyPath(field);
  const index = parts.findIndex((p) => /^\d+$/.test(p));
  return (index === -1 ? parts : parts.slice(0, index)).join('.');
}

/** A body field's path as parts: `body.ticketTypes.1.code` → ticketTypes, 1, code. */
const bodyPath = (field: string): string[] => field.replace(/^body\.?/, '').split('.');

/** The problem's field errors, or none (any problem may carry them: 400, 404 GRADE_PRICE_MISSING, 409). */
export function fieldProblems(err: unknown): FieldProblem[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.problem.errors)) return [];
  return (err.problem.errors as unknown[]).filter(
    (e): e is FieldProblem =>
      typeof e === 'object' && e !== null && typeof (e as FieldProblem).field === 'string',
  );
}

/** One field problem in words (never the server's English message, never the field path). */
export function fieldMessage(e: FieldProblem, lang: Lang): string {
  return (RULES[e.rule ?? '']?.(e) ?? FALLBACK)[lang];
}

/** `{ formKey: message }` for a form: the first message per field wins. */
export function fieldErrors(err: unknown, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fieldProblems(err)) {
    const key = fieldKey(e.field);
    out[key] ??= fieldMessage(e, lang);
  }
  return out;
}

/**
 * The messages about the rows of a list field, by row and property: `body.ticketTypes.1.code` →
 * `{ 'ticketTypes.1.code': message }`, so a form of rows can put each next to its input.
 */
export function rowErrors(err: unknown, list: string, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fieldProblems(err)) {
    if (!e.field.startsWith('body.')) continue;
    const [name, index, property] = bodyPath(e.field);
    if (name !== list || !index || !/^\d+$/.test(index)) continue;
    out[`${list}.${index}.${property ?? ''}`] ??= fieldMessage(e, lang);
  }
  return out;
}

/** A field's name in words for a summary line ("공연명: 입력해 주세요."), or none for ids in the path. */
export function fieldLabel(key: string, lang: Lang): string | undefined {
  return FIELD_LABELS[key]?.[lang] ?? FIELD_LABELS[key.split('.')[0]!]?.[lang];
}

/** True when every field error is about the path (a malformed id in the URL): the thing is not there. */
export function onlyPathErrors(err: unknown): boolean {
  const problems = fieldProblems(err);
  return problems.length > 0 && problems.every((e) => e.field.startsWith('params.'));
}

/**
 * The attributes that tie an input to its message: `aria-invalid` and `aria-describedby` naming the
 * message (and any hint the input already has).
 */
export function invalidProps(
  errors: Record<string, string>,
  key: string,
  hint?: string,
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const ids = [errors[key] ? errorId(key) : undefined, hint].filter(Boolean).join(' ');
  return {
    ...(errors[key] ? { 'aria-invalid': true as const } : {}),
    ...(ids ? { 'aria-describedby': ids } : {}),
  };
}

/** The id of a field's message element. */
export const errorId = (key: string): string => `err-${key.replace(/\W/g, '-')}`;
