import { describe, expect, it } from 'vitest';
import { actionLabel, targetLabel } from './auditLabels.ts';

describe('작업 기록 in words', () => {
  it('names the action, never the route', () => {
    expect(actionLabel('PATCH /admin/performances/:id', 'ko')).toBe('공연 수정');
    expect(actionLabel('POST /admin/venues', 'ko')).toBe('공연장 등록');
    expect(actionLabel('PATCH /admin/venues/:id', 'en')).toBe('Venue edited');
    expect(actionLabel('PATCH /admin/showtimes/:id', 'ko')).toBe('회차 수정');
    expect(actionLabel('POST /admin/performances/:id/showtimes', 'ko')).toBe('회차 등록');
    expect(actionLabel('DELETE /admin/performances/:id', 'ko')).toBe('공연 삭제');
    expect(actionLabel('order.refund', 'ko')).toBe('관리자 부분 환불');
    expect(actionLabel('review.reply', 'ko')).toBe('관람후기 답글');
    // Something new reads as itself rather than as nothing.
    expect(actionLabel('POST /admin/something-new/:id/thing', 'ko')).toBe(
      'POST /admin/something-new/:id/thing',
    );
  });

  it('names the target by its kind and name, not its id', () => {
    const id = '0b6c1a52-7d1e-4a41-9a3c-2f0e4b1d9c11';
    expect(
      targetLabel(
        {
          target: { type: 'performances', id },
          before: { title: '레미제라블' },
          after: { body: { runningMinutes: 170 } },
        },
        'ko',
      ),
    ).toBe('공연 · 레미제라블');
    expect(
      targetLabel(
        {
          target: { type: 'venues', id },
          before: null,
          after: { body: { name: '블루스퀘어' }, response: { name: '블루스퀘어 신한카드홀' } },
        },
        'ko',
      ),
    ).toBe('공연장 · 블루스퀘어 신한카드홀');
    expect(
      targetLabel({ target: { type: 'reservation', id }, before: { status: 'CONFIRMED' }, after: {} }, 'ko'),
    ).toBe('주문');
    expect(targetLabel({ target: null, before: null, after: null }, 'ko')).toBe('—');
    expect(targetLabel({ target: { type: 'showtimes', id }, before: null, after: {} }, 'en')).not.toContain(
      id,
    );
  });
});
