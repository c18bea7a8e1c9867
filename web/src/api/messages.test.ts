import { describe, expect, it } from 'vitest';
import { ERROR_TABLE } from '../../../src/errors.ts';
import { ApiError } from './client.ts';
import { errorMessage, MESSAGES } from './messages.ts';

describe('problem codes in words', () => {
  it('has a Korean and an English message for every code the server can send', () => {
    const missing = Object.keys(ERROR_TABLE).filter((code) => !MESSAGES[code]?.ko || !MESSAGES[code]?.en);
    expect(missing).toEqual([]);
  });

  it('speaks the chosen language and falls back to the server detail for an unknown code', () => {
    const taken = new ApiError({ status: 409, code: 'SEATS_UNAVAILABLE' });
    expect(errorMessage(taken, 'ko')).toContain('좌석');
    expect(errorMessage(taken, 'en')).toContain('taken');
    const unknown = new ApiError({ status: 409, code: 'SOMETHING_NEW', detail: 'Something new happened' });
    expect(errorMessage(unknown, 'en')).toBe('Something new happened');
  });

  it('says how long a 429 asks to wait', () => {
    const soon = new ApiError({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    expect(errorMessage(soon, 'ko')).toContain('30초 후에 다시 시도할 수 있습니다');
    expect(errorMessage(soon, 'en')).toContain('Try again in 30 s');
    const later = new ApiError({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 600 });
    expect(errorMessage(later, 'ko')).toContain('10분 후');
    expect(errorMessage(new ApiError({ status: 429, code: 'RATE_LIMITED' }), 'ko')).toBe(
      MESSAGES.RATE_LIMITED!.ko,
    );
  });
});
