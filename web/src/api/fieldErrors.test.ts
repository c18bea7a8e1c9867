import { describe, expect, it } from 'vitest';
import { ApiError, missingIfBadPath } from './client.ts';
import { fieldErrors, fieldKey, invalidProps, onlyPathErrors, rowErrors } from './fieldErrors.ts';
import { errorMessage, isMissing } from './messages.ts';

const problem = (status: number, code: string, errors: unknown[], detail = 'English detail') =>
  new ApiError({ status, code, detail, errors });

describe('field errors in words', () => {
  it('maps server fields to form keys', () => {
    expect(fieldKey('body.title')).toBe('title');
    expect(fieldKey('body.prices.0.price')).toBe('prices');
    expect(fieldKey('body.queue.maxActive')).toBe('queue.maxActive');
    expect(fieldKey('params.id')).toBe('params.id');
    expect(fieldKey('body.ticketTypes.1.code')).toBe('ticketTypes');
  });

  it('puts each ticket type problem on its row', () => {
    const err = problem(400, 'VALIDATION_FAILED', [
      { field: 'body.ticketTypes.1.code', rule: 'unique', code: 'YOUTH', message: 'listed twice' },
      { field: 'body.ticketTypes.0.code', rule: 'reserved', message: 'ADULT is the list price' },
      { field: 'body.ticketTypes.2.discountPercent', rule: 'maximum', limit: 100, message: 'must be <= 100' },
      { field: 'body.prices.0.price', rule: 'minimum', limit: 1, message: 'must be >= 1' },
    ]);
    expect(rowErrors(err, 'ticketTypes', 'ko')).toEqual({
      'ticketTypes.1.code': 'YOUTH 코드가 두 번 들어 있습니다.',
      'ticketTypes.0.code': 'ADULT는 일반(정가) 권종이라 따로 넣을 수 없습니다.',
      'ticketTypes.2.discountPercent': '100 이하여야 합니다.',
    });
    expect(fieldErrors(err, 'ko').ticketTypes).toBe('YOUTH 코드가 두 번 들어 있습니다.');
  });

  it('gives each field a Korean message from its rule and bound, never the English or the path', () => {
    const err = problem(400, 'VALIDATION_FAILED', [
      { field: 'body.title', rule: 'minLength', limit: 1, message: 'must NOT have fewer than 1 characters' },
      { field: 'body.runningMinutes', rule: 'maximum', limit: 1440, message: 'must be <= 1440' },
      { field: 'body.venueId', rule: 'format', format: 'uuid', message: 'must match format "uuid"' },
      { field: 'body.prices.1.price', rule: 'minimum', limit: 1, message: 'must be >= 1' },
      { field: 'body.prices.2.grade', rule: 'pattern', message: 'must match pattern' },
    ]);
    const ko = fieldErrors(err, 'ko');
    expect(ko).toEqual({
      title: '입력해 주세요.',
      runningMinutes: '1440 이하여야 합니다.',
      venueId: '목록에서 골라 주세요.',
      prices: '1 이상이어야 합니다.',
    });
    for (const text of Object.values(ko)) expect(text).not.toMatch(/must|body\.|[a-z]{4,}/);
    expect(fieldErrors(err, 'en').runningMinutes).toBe('Must be at most 1440.');
  });

  it('words the service rules: date order, the run, sold seats, grades', () => {
    const dates = problem(400, 'INVALID_DATE_RANGE', [
      { field: 'body.endDate', rule: 'notBefore', other: 'startDate', message: 'is before startDate' },
    ]);
    expect(fieldErrors(dates, 'ko')).toEqual({ endDate: '시작일과 같거나 그 뒤여야 합니다.' });
    const run = problem(400, 'INVALID_DATE_RANGE', [
      { field: 'body.startsAt', rule: 'withinRun', from: '2026-12-01', to: '2026-12-31' },
    ]);
    expect(fieldErrors(run, 'ko').startsAt).toContain('2026-12-01 ~ 2026-12-31');
    const sold = problem(409, 'SHOWTIME_HAS_SALES', [{ field: 'body.startsAt', rule: 'fixedAfterSales' }]);
    expect(fieldErrors(sold, 'ko').startsAt).toBe('판매된 좌석이 있어 바꿀 수 없습니다.');
    const grades = problem(422, 'GRADE_PRICE_MISSING', [
      { field: 'body.prices', rule: 'allGrades', grades: ['VIP', 'R'] },
    ]);
    expect(fieldErrors(grades, 'ko').prices).toBe('VIP, R 등급의 가격이 빠져 있습니다.');
    // An unknown rule still reads as Korean.
    expect(fieldErrors(problem(400, 'VALIDATION_FAILED', [{ field: 'body.x', rule: 'new' }]), 'ko')).toEqual({
      x: '값을 확인해 주세요.',
    });
  });

  it('ties the input to its message', () => {
    const errors = { title: '입력해 주세요.' };
    expect(invalidProps(errors, 'title')).toEqual({ 'aria-invalid': true, 'aria-describedby': 'err-title' });
    expect(invalidProps(errors, 'prices', 'prices-hint')).toEqual({ 'aria-describedby': 'prices-hint' });
    expect(invalidProps({}, 'title')).toEqual({});
  });

  it('reads a malformed id in the URL as a missing thing, and never shows a 400 detail', () => {
    const badId = problem(400, 'VALIDATION_FAILED', [
      { field: 'params.id', rule: 'format', format: 'uuid', message: 'must match format "uuid"' },
    ]);
    expect(onlyPathErrors(badId)).toBe(true);
    expect(errorMessage(badId, 'ko')).toBe('입력한 내용을 확인해 주세요.');
    expect(isMissing(new ApiError({ status: 404, code: 'PERFORMANCE_NOT_FOUND' }))).toBe(true);
    expect(isMissing(badId)).toBe(false);
    const unknown400 = new ApiError({
      status: 400,
      code: 'SOMETHING_NEW',
      detail: 'params.id: must match format uuid',
    });
    expect(errorMessage(unknown400, 'ko')).toBe('입력한 내용을 확인해 주세요.');
    expect(errorMessage(unknown400, 'en')).not.toContain('params.id');
  });

  it('turns a malformed id in any page URL into that thing missing, with a link home', () => {
    const bad = (param = 'id') =>
      problem(400, 'VALIDATION_FAILED', [{ field: `params.${param}`, rule: 'format', format: 'uuid' }]);
    const codeOf = (route: string, err: unknown): string | undefined => {
      const out = missingIfBadPath(route, err);
      return out instanceof ApiError && isMissing(out) ? out.code : undefined;
    };
    expect(codeOf('/performances/{id}', bad())).toBe('PERFORMANCE_NOT_FOUND');
    expect(codeOf('/showtimes/{id}/seats', bad())).toBe('SHOWTIME_NOT_FOUND');
    expect(codeOf('/inquiries/{id}', bad())).toBe('INQUIRY_NOT_FOUND');
    expect(codeOf('/admin/orders/{id}', bad())).toBe('RESERVATION_NOT_FOUND');
    expect(codeOf('/reservations/{id}/refund-quote', bad())).toBe('RESERVATION_NOT_FOUND');
    expect(codeOf('/payments/{paymentId}/complete', bad('paymentId'))).toBe('PAYMENT_NOT_FOUND');
    const missing = missingIfBadPath('/admin/inquiries/{id}', bad());
    expect(errorMessage(missing, 'ko')).toBe('문의를 찾을 수 없습니다.');
    // A body error, or a mix with one, is the form's business: unchanged.
    const body = problem(400, 'VALIDATION_FAILED', [{ field: 'body.title', rule: 'required' }]);
    expect(missingIfBadPath('/admin/performances/{id}', body)).toBe(body);
    const notFound = new ApiError({ status: 404, code: 'PERFORMANCE_NOT_FOUND' });
    expect(missingIfBadPath('/performances/{id}', notFound)).toBe(notFound);
  });
});
