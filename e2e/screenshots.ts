/**
 * Screenshots of the main pages for the README (docs/screenshots/). The built web app is served by
 * the real serving plugin; the API answers with sample data typed by the generated OpenAPI types
 * (web/src/api/types.ts), so the pictures can be made without a database. `npm run docs:screenshots` (after build:web).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { Page, Route } from 'playwright-core';
import { registerErrorHandling } from '../src/http/error-handler.ts';
import { webApp, webAppBuilt } from '../src/http/web.ts';
import { launchBrowser } from './harness.ts';
import { ROOT } from './stack.ts';
import type { CouponQuote, Hold, Reservation, Ticket } from '../web/src/api/types.ts';

const OUT = join(ROOT, 'docs', 'screenshots');
const TITLES = [
  '레미제라블',
  '오페라의 유령',
  '햄릿',
  '베토벤 교향곡의 밤',
  '지킬 앤 하이드',
  '백조의 호수',
  '아이유 콘서트',
  '시카고',
];
const perf = (i: number) => ({
  id: `p${i}`,
  title: TITLES[i % TITLES.length]!,
  posterUrl: null,
  category: { id: 'c1', name: i % 2 ? '뮤지컬' : '연극', slug: 'musical' },
  venue: { id: 'v1', name: '대학로 아트홀' },
  startDate: '2026-12-01',
  endDate: '2027-01-31',
  status: 'ON_SALE',
  minPrice: 50000 + i * 10000,
});
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

function seats() {
  const out = [];
  const sections = [
    { section: 'A', grade: 'VIP', price: 150000, rows: 3 },
    { section: 'B', grade: 'R', price: 120000, rows: 4 },
    { section: 'C', grade: 'S', price: 90000, rows: 3 },
  ];
  let n = 0;
  for (const s of sections) {
    for (let row = 1; row <= s.rows; row++) {
      for (let number = 1; number <= 12; number++) {
        n++;
        const status = n % 7 === 0 ? 'SOLD' : n % 11 === 0 ? 'HELD' : 'AVAILABLE';
        out.push({
          id: `seat-${n}`,
          section: s.section,
          row,
          number,
          grade: s.grade,
          price: s.price,
          status,
        });
      }
    }
  }
  return out;
}

/** A QR-looking sample picture (the real one comes from GET /tickets/{id}/qr.svg). */
function sampleQr(): string {
  let cells = '';
  for (let y = 0; y < 25; y++)
    for (let x = 0; x < 25; x++) {
      const finder = (x < 7 && y < 7) || (x > 17 && y < 7) || (x < 7 && y > 17);
      const on = finder
        ? x % 6 === 0 || y % 6 === 0 || (x % 6 > 1 && x % 6 < 5 && y % 6 > 1 && y % 6 < 5)
        : (x * 7 + y * 13 + x * y) % 3 === 0;
      if (on) cells += `<rect x="${x}" y="${y}" width="1" height="1"/>`;
    }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 29 29"><rect x="-2" y="-2" width="29" height="29" fill="#fff"/>${cells}</svg>`;
}

/** The held order of the checkout picture: two VIP seats, priced with three coupons by the "server". */
const sampleHold: Hold = {
  id: 'h1',
  showtimeId: 's1',
  seatIds: ['seat-5', 'seat-6'],
  amount: 300000,
  expiresAt: at(7 * 60_000),
};
const couponQuotes: CouponQuote[] = [
  {
    userCouponId: 'uc1',
    couponName: '오픈 기념 10% 할인 (최대 2만원)',
    applicable: true,
    discount: 20000,
    total: 280000,
    minOrderAmount: 50000,
  },
  {
    userCouponId: 'uc2',
    couponName: '첫 예매 5천원 할인',
    applicable: true,
    discount: 5000,
    total: 295000,
    minOrderAmount: 0,
  },
  {
    userCouponId: 'uc3',
    couponName: 'VIP 50만원 이상 5만원 할인',
    applicable: false,
    discount: 0,
    total: 300000,
    minOrderAmount: 500000,
    reason: 'MIN_ORDER_NOT_MET',
  },
  {
    userCouponId: 'uc4',
    couponName: '주말 3천원 할인',
    applicable: false,
    discount: 0,
    total: 300000,
    minOrderAmount: 0,
    reason: 'RESERVED',
  },
];

const user = { id: 'u1', email: 'demo@culture-ticket.local', nickname: '관객', role: 'ADMIN' };
const series = Array.from({ length: 40 }, (_, i) => ({
  t: new Date(Date.now() - (40 - i) * 5000).toISOString(),
  waiting: Math.round(180000 * Math.exp(-i / 12)),
  sold: Math.min(2400, i * 75),
  revenue: Math.min(2400, i * 75) * 118000,
}));

const doorShowtimes = [
  { id: 's1', title: TITLES[0]!, hours: 2, venue: '대학로 아트홀', ticketsIssued: 1180, checkedIn: 412 },
  { id: 's2', title: TITLES[0]!, hours: 26, venue: '대학로 아트홀', ticketsIssued: 960, checkedIn: 0 },
  { id: 's3', title: TITLES[4]!, hours: 50, venue: '샤롯데씨어터', ticketsIssued: 1204, checkedIn: 0 },
].map(({ hours, ...s }) => ({ ...s, performanceId: 'p0', startsAt: at(hours * 3600_000) }));

/** The door's answers: the code typed decides which (OK, USED, OTHER, REVOKED). */
function doorAnswer(code: string): { status?: number; body: unknown } {
  const [st, other] = [doorShowtimes[0]!, doorShowtimes[1]!];
  const ticket = (s: typeof st, usedAt: string | null) => ({
    ticketId: 't2',
    showtimeId: s.id,
    seat: { section: 'B', row: '7', number: 12, grade: 'R' },
    ticketType: { code: 'YOUTH', name: '청소년', proofRequired: true },
    usedAt,
    show: { showtimeId: s.id, performanceId: 'p0', title: s.title, startsAt: s.startsAt, venue: s.venue },
    holder: { nickname: '관객', email: 'ki***@example.com' },
  });
  const problem = (code: string, extra: object) => ({
    status: 409,
    body: { type: 'about:blank', title: code, status: 409, detail: code, code, ...extra },
  });
  if (code === 'USED') return problem('TICKET_ALREADY_USED', ticket(st, at(-25 * 60_000)));
  if (code === 'OTHER') return problem('WRONG_SHOWTIME', ticket(other, null));
  if (code === 'REVOKED') return problem('TICKET_REVOKED', ticket(st, null));
  return { body: { ...ticket(st, at(0)), status: 'USED' } };
}

function answer(
  path: string,
  method: string,
  body: { code?: string } = {},
): { status?: number; body: unknown; type?: string } {
  const json = (body: unknown) => ({ body });
  if (path === '/admin/check-ins/showtimes') return json(doorShowtimes);
  if (path === '/admin/check-ins' && method === 'POST') return doorAnswer(body.code ?? '');
  if (path === '/auth/refresh')
    return json({ accessToken: 'sample', tokenType: 'Bearer', expiresIn: 900, user });
  if (path === '/users/me') return json(user);
  if (path === '/refund-policy')
    return json({
      rules: [
        { daysBefore: 10, percent: 100 },
        { daysBefore: 7, percent: 90 },
        { daysBefore: 3, percent: 80 },
        { daysBefore: 1, percent: 70 },
      ],
      cancelDeadlineHoursBefore: 24,
    });
  if (path === '/categories')
    return json(
      ['뮤지컬', '콘서트', '연극', '클래식', '무용', '전시'].map((name, i) => ({
        id: `c${i}`,
        name,
        slug: `c${i}`,
      })),
    );
  if (path === '/rankings/performances')
    return json([0, 1, 2, 3, 4].map((i) => ({ rank: i + 1, score: 1000 - i, performance: perf(i) })));
  if (path === '/performances')
    return json({ items: [0, 1, 2, 3, 4, 5, 6, 7].map(perf), page: 1, size: 8, total: 8 });
  if (/^\/performances\/[^/]+$/.test(path))
    return json({
      ...perf(0),
      description: '19세기 프랑스를 배경으로 한 대작 뮤지컬.',
      runningMinutes: 170,
      ageRating: 8,
      cast: ['홍길동', '김영희'],
      prices: [
        { grade: 'VIP', price: 150000 },
        { grade: 'R', price: 120000 },
        { grade: 'S', price: 90000 },
      ],
      ticketTypes: [
        { code: 'ADULT', name: '일반', discountPercent: 0, proofRequired: false, proofNote: null },
        {
          code: 'YOUTH',
          name: '청소년',
          discountPercent: 20,
          proofRequired: true,
          proofNote: '청소년증·학생증',
        },
      ].map((type) => ({
        ...type,
        prices: [150000, 120000, 90000].map((p, i) => ({
          grade: ['VIP', 'R', 'S'][i]!,
          price: Math.round((p * (100 - type.discountPercent)) / 10000) * 100,
        })),
      })),
      viewCount: 1234,
    });
  if (/\/showtimes$/.test(path))
    return json([
      {
        id: 's1',
        startsAt: at(7 * 86400_000),
        salesOpenAt: at(-3600_000),
        salesCloseAt: at(6 * 86400_000),
        status: 'ON_SALE',
        queueEnabled: false,
        availableSeats: 98,
        totalSeats: 120,
        maxTicketsPerUser: 4,
      },
      {
        id: 's2',
        startsAt: at(8 * 86400_000),
        salesOpenAt: at(5400_000),
        salesCloseAt: at(7 * 86400_000),
        status: 'SCHEDULED',
        queueEnabled: true,
        availableSeats: 120,
        totalSeats: 120,
        maxTicketsPerUser: 4,
      },
    ]);
  if (/\/seats$/.test(path)) return json({ showtimeId: 's1', seats: seats() });
  if (/\/queue\/stream$/.test(path))
    return {
      body: 'event: position\ndata: {"position":1234,"ahead":1233,"estimatedWaitSeconds":95}\n\n',
      type: 'text/event-stream',
    };
  if (/\/queue$/.test(path))
    return json({ status: 'WAITING', position: 1234, ahead: 1233, estimatedWaitSeconds: 95 });
  if (path === '/reservations') {
    const reservation: Reservation = {
      id: 'r1',
      bookingNumber: 'CT261130K7Q2XM',
      status: 'CONFIRMED',
      showtime: {
        id: 's1',
        performanceId: 'p0',
        title: TITLES[0]!,
        startsAt: at(7 * 86400_000),
        venue: { name: '블루스퀘어 신한카드홀', address: '서울 용산구 이태원로 294' },
      },
      seats: [2, 3].map((n) => ({
        id: `seat-${n}`,
        section: 'A',
        row: '1',
        number: n,
        grade: 'VIP',
        price: n === 3 ? 120000 : 150000,
        ticketType:
          n === 3
            ? { code: 'YOUTH', name: '청소년', proofRequired: true }
            : { code: 'ADULT', name: '일반', proofRequired: false },
      })),
      booker: { name: '김관객', phone: '01012345678' },
      amount: 270000,
      discount: 10000,
      total: 260000,
      refundAmount: null,
      failureCode: null,
      expiresAt: at(600_000),
      createdAt: at(-3600_000),
      payment: { id: 'pay1', status: 'PAID' },
      tickets: [],
    };
    return json({ items: [reservation], page: 1, size: 20, total: 1 });
  }
  if (path === '/tickets')
    return json(
      [2, 3].map((n): Ticket => ({
        id: `t${n}`,
        reservationId: 'r1',
        bookingNumber: 'CT261130K7Q2XM',
        showtimeId: 's1',
        performanceId: 'p0',
        seat: { seatId: `seat-${n}`, section: 'A', row: '1', number: n, grade: 'VIP' },
        ticketType:
          n === 2
            ? { code: 'ADULT', name: '일반', proofRequired: false }
            : { code: 'YOUTH', name: '청소년', proofRequired: true },
        price: 150000,
        status: 'ISSUED',
        // As long as a real signed code (about 90 characters), so the shot shows it folded.
        code: `k1.${String(n).repeat(4)}`.padEnd(90, 'Qx7_-9aB'),
        issuedAt: at(0),
        usedAt: null,
      })),
    );
  if (/^\/holds\/[^/]+\/coupon-quotes$/.test(path)) return json(couponQuotes);
  if (/\/qr\.svg$/.test(path)) return { body: sampleQr(), type: 'image/svg+xml' };
  if (/\/live$/.test(path))
    return json({
      waiting: series.at(-1)!.waiting,
      admittedPerSecond: 50,
      active: 480,
      held: 212,
      sold: 2400,
      revenue: 2400 * 118000,
      series,
    });
  if (path === '/users/me/coupons' || path === '/coupons') return json([]);
  return { status: 404, body: { status: 404, code: 'NOT_FOUND', title: `sample has no ${method} ${path}` } };
}

async function stubApi(route: Route): Promise<void> {
  const url = new URL(route.request().url());
  const request = route.request();
  const {
    status = 200,
    body,
    type,
  } = answer(
    url.pathname.replace('/api/v1', ''),
    request.method(),
    (request.postDataJSON() as { code?: string } | null) ?? {},
  );
  await route.fulfill({
    status,
    contentType: type ?? (status >= 400 ? 'application/problem+json' : 'application/json'),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function shot(
  page: Page,
  path: string,
  name: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<void> {
  await page.goto(path);
  await ready(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  if (!webAppBuilt()) throw new Error('build the web app first: npm run build:web');
  await mkdir(OUT, { recursive: true });
  const server = Fastify();
  registerErrorHandling(server);
  await server.register(webApp);
  const base = await server.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  try {
    const phone = await browser.newContext({
      baseURL: base,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      timezoneId: 'Asia/Seoul',
    });
    const desktop = await browser.newContext({
      baseURL: base,
      viewport: { width: 1280, height: 800 },
      timezoneId: 'Asia/Seoul',
    });
    for (const ctx of [phone, desktop]) await ctx.route('**/api/v1/**', stubApi);
    const p = await phone.newPage();
    const d = await desktop.newPage();
    await shot(p, '/performances/p0/showtimes/s1/seats', 'seat-map', async (pg) => {
      // A phone shows the sections first: open the first one.
      const zones = pg.getByTestId('zones');
      await zones.or(pg.locator('[data-seat-id="seat-5"]')).first().waitFor();
      if (await zones.isVisible()) await zones.locator('button.zone').first().click();
      await pg.locator('[data-seat-id="seat-5"]').click();
      await pg.locator('[data-seat-id="seat-6"]').click();
    });
    await shot(p, '/performances/p0/showtimes/s2/queue', 'waiting-room', (pg) =>
      pg.getByTestId('queue-position').waitFor(),
    );
    await shot(p, '/checkout', 'checkout', async (pg) => {
      await pg.evaluate((pending) => sessionStorage.setItem('ct.hold', JSON.stringify(pending)), {
        hold: sampleHold,
        performanceId: 'p0',
        performanceTitle: TITLES[0]!,
        seatLabels: ['A 1열 5번 (VIP)', 'A 1열 6번 (VIP)'],
        seats: [
          { id: 'seat-5', label: 'A 1열 5번 (VIP)', grade: 'VIP' },
          { id: 'seat-6', label: 'A 1열 6번 (VIP)', grade: 'VIP' },
        ],
        idempotencyKey: 'sample',
      });
      await pg.reload();
      await pg.getByTestId('ticket-type-select').nth(1).selectOption('YOUTH');
      await pg.getByTestId('coupon-quote').first().click();
    });
    await shot(p, '/me/reservations', 'ticket', (pg) =>
      pg.getByTestId('ticket').locator('img').first().waitFor(),
    );
    await shot(d, '/me/reservations', 'tickets-desktop', (pg) =>
      pg.getByTestId('ticket').locator('img').first().waitFor(),
    );
    await shot(d, '/admin?performance=p0&showtime=s1', 'admin-dashboard', (pg) =>
      pg.locator('.chart svg').first().waitFor(),
    );
    // The door: the showtime picker, then a green and two red answers, on a phone and a desk.
    const scan = (code: string) => async (pg: Page) => {
      await pg.evaluate(() => localStorage.setItem('ct.door.showtime', 's1'));
      await pg.reload();
      await pg.getByLabel('티켓 코드').fill(code);
      await pg.getByRole('button', { name: '입장 처리' }).click();
      await pg.locator('[data-testid=door-answer]:not([data-result=idle])').waitFor();
    };
    await shot(p, '/door', 'door-picker', (pg) => pg.getByTestId('door-showtime').first().waitFor());
    await shot(p, '/door', 'door-admitted', scan('OK'));
    await shot(p, '/door', 'door-wrong-showtime', scan('OTHER'));
    await shot(d, '/door', 'door-already-used', scan('USED'));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
