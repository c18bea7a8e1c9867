import { describe, expect, it } from 'vitest';
import { problemOf } from '../errors.ts';
import { problemJson } from './error-handler.ts';

describe('problemOf', () => {
  it('keeps the standard members when an extra has the same name, and every other extra', () => {
    const problem = problemOf('SEATS_UNAVAILABLE', 'Seats taken', {
      status: 200,
      code: 'OK',
      type: 'about:blank',
      seatIds: ['a'],
      limit: 4,
    });
    expect(problem).toEqual({
      type: 'https://culture-ticket.dev/problems/seats-unavailable',
      title: problemOf('SEATS_UNAVAILABLE').title,
      status: 409,
      detail: 'Seats taken',
      code: 'SEATS_UNAVAILABLE',
      seatIds: ['a'],
      limit: 4,
    });
    expect(Object.keys(problem)).toEqual(['type', 'title', 'status', 'detail', 'code', 'seatIds', 'limit']);
  });
});

describe('problemJson', () => {
  it('writes the standard members first, then the extras, exactly what JSON.parse gives back', () => {
    const problem = {
      ...problemOf('SEATS_UNAVAILABLE', undefined, { seatIds: ['a', 'b'] }),
      retryAfterSeconds: 3,
    };
    const text = problemJson(problem);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'type',
      'title',
      'status',
      'detail',
      'code',
      'seatIds',
      'retryAfterSeconds',
    ]);
    expect(JSON.parse(text)).toEqual(problem);
  });

  it('reuses the text of a title-only problem, but never across statuses, details or extras', () => {
    const plain = problemJson(problemOf('ADMISSION_REQUIRED'));
    expect(problemJson(problemOf('ADMISSION_REQUIRED'))).toBe(plain);
    expect(JSON.parse(plain)).toEqual(problemOf('ADMISSION_REQUIRED'));

    const sameTitleOtherStatus = { ...problemOf('VALIDATION_FAILED'), status: 422 };
    problemJson(problemOf('VALIDATION_FAILED'));
    expect(JSON.parse(problemJson(sameTitleOtherStatus)).status).toBe(422);
    expect(JSON.parse(problemJson(problemOf('VALIDATION_FAILED'))).status).toBe(400);

    expect(JSON.parse(problemJson(problemOf('ADMISSION_REQUIRED', 'Another detail'))).detail).toBe(
      'Another detail',
    );
    expect(JSON.parse(problemJson(problemOf('ADMISSION_REQUIRED', undefined, { x: 1 })))).toMatchObject({
      x: 1,
    });
    expect(problemJson(problemOf('ADMISSION_REQUIRED'))).toBe(plain);
  });
});
