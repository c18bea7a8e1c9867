import { describe, expect, it } from 'vitest';
import { safeNext, withNext } from './next.ts';

describe('the next path after signing in or up', () => {
  it('follows same-site paths only', () => {
    expect(safeNext('/performances/p1/showtimes/s1/seats')).toBe('/performances/p1/showtimes/s1/seats');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });

  it('carries the next path from login to signup and back', () => {
    expect(withNext('/signup', '/performances/p1')).toBe('/signup?next=%2Fperformances%2Fp1');
    expect(withNext('/signup', '//evil.example')).toBe('/signup');
    expect(withNext('/login', null)).toBe('/login');
  });
});
