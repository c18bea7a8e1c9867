import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import { hold, reserve, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';

describe('reserve: a hold made here is read in one Redis round trip', () => {
  let h: CheckoutHarness;
  let monitor: Redis;
  beforeAll(async () => {
    h = await setupCheckout();
  });
  afterAll(async () => {
    monitor?.disconnect();
    await h.close();
  });

  /** The commands Redis ran on the hold's `holdref:` key while `run` ran. */
  async function holdrefCommands(holdId: string, run: () => Promise<unknown>): Promise<string[]> {
    monitor = await new Redis(h.env.config().REDIS_URL).monitor();
    const seen: string[] = [];
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args.some((a) => a.endsWith(`holdref:${holdId}`))) seen.push(args[0]!.toLowerCase());
    });
    await run();
    await new Promise((r) => setTimeout(r, 100));
    monitor.disconnect();
    return seen;
  }

  it('on the instance that made the hold, no holdref read; on another, one', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const here = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    const hereId = here.json().id as string;
    const readHere = await holdrefCommands(hereId, async () =>
      expect((await reserve(h.app, user, hereId)).statusCode).toBe(201),
    );
    // The reservation moves the holdref's expiry (pexpireat), but never reads it.
    expect(readHere).not.toContain('get');
    expect(readHere).toContain('pexpireat');

    const other = await h.another();
    const there = await hold(h.app, user, st.showtimeId, [st.seats[1]!.id]);
    const thereId = there.json().id as string;
    const readThere = await holdrefCommands(thereId, async () =>
      expect((await reserve(other.app, user, thereId)).statusCode).toBe(201),
    );
    expect(readThere).toContain('get');
  });
});
