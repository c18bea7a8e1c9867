import type { Page } from 'playwright-core';
import type { Api } from './api.ts';

/** Steps journeys share: signing in through the login page, and an on-sale show made by an admin. */

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill(password);
  await page.locator('form').getByRole('button', { name: '로그인' }).click();
  await page.getByRole('button', { name: '로그아웃' }).waitFor();
}

const DAY = 86400_000;

export interface OnSaleShowInput {
  venue: {
    name: string;
    address: string;
    sections: { name: string; grade: string; rows: number; seatsPerRow: number }[];
  };
  title: string;
  description: string;
  prices: { grade: string; price: number }[];
  ticketTypes?: {
    code: string;
    name: string;
    discountPercent: number;
    proofRequired?: boolean;
    proofNote?: string;
  }[];
  /** The showtime starts this many days from now (default 10). */
  startsInDays?: number;
  runningMinutes?: number;
}

/**
 * A venue, a performance running from today for 30 days and one showtime on sale now without a
 * waiting room (limit 4 per person), made through the admin API as an operator would.
 */
export async function createOnSaleShow(
  admin: Api,
  input: OnSaleShowInput,
): Promise<{ performanceId: string; showtimeId: string; venueId: string }> {
  const categories = await admin.call<Array<{ id: string }>>('GET', '/categories');
  const venue = await admin.call<{ id: string }>('POST', '/admin/venues', input.venue);
  const day = (offset: number): string => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
  const performance = await admin.call<{ id: string }>('POST', '/admin/performances', {
    title: input.title,
    description: input.description,
    categoryId: categories[0]!.id,
    venueId: venue.id,
    startDate: day(0),
    endDate: day(30),
    runningMinutes: input.runningMinutes ?? 120,
    ageRating: 8,
    prices: input.prices,
    ...(input.ticketTypes ? { ticketTypes: input.ticketTypes } : {}),
  });
  const startsAt = Date.now() + (input.startsInDays ?? 10) * DAY;
  const showtime = await admin.call<{ id: string }>(
    'POST',
    `/admin/performances/${performance.id}/showtimes`,
    {
      startsAt: new Date(startsAt).toISOString(),
      salesOpenAt: new Date(Date.now() - 60_000).toISOString(),
      salesCloseAt: new Date(startsAt - 3600_000).toISOString(),
      maxTicketsPerUser: 4,
    },
  );
  return { performanceId: performance.id, showtimeId: showtime.id, venueId: venue.id };
}
