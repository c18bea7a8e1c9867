import assert from 'node:assert/strict';
import pg from 'pg';
import { Api, buyOneSeat, createDoorFixture } from './api.ts';
import type { Journey } from './harness.ts';
import { signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Buyer-pass-2345';
const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

/** "12월 5일 (금) 19:30": the day, weekday and time in Korea, as every page writes them. */
function koreanDayTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 9 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}월 ${d.getUTCDate()}일 (${WEEKDAYS[d.getUTCDay()]}) ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A show that has happened: the journey's own showtime moved to yesterday, as time would. */
async function moveToYesterday(databaseUrl: string, showtimeId: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `UPDATE showtimes SET sales_open_at = now() - interval '3 days',
              sales_close_at = now() - interval '2 days', starts_at = now() - interval '1 day'
        WHERE id = $1`,
      [showtimeId],
    );
  } finally {
    await client.end();
  }
}

export function ticketJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'ticket-cards',
      name: '예매 내역: upcoming before past; a ticket card per seat with booking number, weekday date, venue and seat; the code folded, nothing wider than the screen',
      run: async (page, _context, run) => {
        const admin = new Api(stack.baseUrl);
        await admin.login(ADMIN.email, ADMIN.password);
        const label = `${suffix}-cards-${run.viewport}`;
        const fixture = await createDoorFixture(admin, label);
        const email = `cards-${run.viewport}-${suffix}@e2e.test`;
        const api = new Api(stack.baseUrl);
        await api.signup(email, PASSWORD, stack.waitForCode);
        await api.login(email, PASSWORD);
        type Detail = {
          id: string;
          bookingNumber: string;
          showtime: { startsAt: string };
          seats: Array<{ section: string; row: string; number: number; grade: string }>;
        };
        const bought = async (showtimeId: string): Promise<Detail> => {
          const { reservationId } = await buyOneSeat(api, stack.gatewayUrl, showtimeId);
          return api.call<Detail>('GET', `/reservations/${reservationId}`);
        };
        const upcoming = await bought(fixture.tomorrowId);
        const tonight = await bought(fixture.tonightId);
        await moveToYesterday(stack.databaseUrl, fixture.tonightId);
        const past = await api.call<Detail>('GET', `/reservations/${tonight.id}`);

        await signIn(page, email, PASSWORD);
        await page.goto('/me/reservations');
        const ahead = page.getByTestId('upcoming');
        const card = ahead.locator('[data-testid=reservation]', { hasText: upcoming.bookingNumber });
        const ticket = card.getByTestId('ticket');
        // Issued by the worker within seconds; the page keeps looking until it is there.
        await ticket.locator('img').waitFor({ timeout: 45_000 });
        assert.equal(await ticket.count(), 1);
        assert.equal(await ticket.getByTestId('ticket-booking-number').innerText(), upcoming.bookingNumber);
        const when = await ticket.getByTestId('ticket-when').innerText();
        assert.ok(
          when.includes(koreanDayTime(upcoming.showtime.startsAt)),
          `"${when}" is not ${koreanDayTime(upcoming.showtime.startsAt)}`,
        );
        const venue = await ticket.getByTestId('ticket-venue').innerText();
        assert.match(venue, new RegExp(`E2E 입구홀 ${label}`));
        assert.match(venue, /서울시 마포구 1/);
        const seat = upcoming.seats[0]!;
        const seatText = await ticket.getByTestId('ticket-seat').innerText();
        assert.ok(seatText.includes(`${seat.section} ${seat.row}열 ${seat.number}번`), seatText);
        assert.ok(seatText.includes(`${seat.grade}석`), seatText);

        // The signed code is folded; opened, it wraps inside the card instead of widening the page.
        const code = ticket.getByTestId('ticket-code');
        assert.equal(await code.isVisible(), false);
        await ticket.getByText('코드 보기').click();
        await code.waitFor();
        assert.ok((await code.innerText()).length >= 60);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);

        // Yesterday's show is not among the upcoming ones: it waits, folded, under 지난 공연.
        assert.equal(await ahead.getByText(past.bookingNumber).count(), 0);
        const behind = page.getByTestId('past');
        const pastCard = behind.locator('[data-testid=reservation]', { hasText: past.bookingNumber });
        assert.equal(await pastCard.isVisible(), false);
        await behind.getByRole('heading', { name: /지난 공연/ }).click();
        await pastCard.waitFor();
        await pastCard.getByText(koreanDayTime(past.showtime.startsAt)).first().waitFor();
        const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(wider <= 0, `the page is ${wider} px wider than the screen`);
      },
    },
  ];
}
