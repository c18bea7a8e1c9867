import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkFile,
  declaredTables,
  referencedTables,
  scanModules,
  tableOwners,
  type Offence,
} from './boundaries.ts';

const modulesDir = fileURLToPath(new URL('../src/modules', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

const list = (offences: Offence[]) => offences.map((o) => `${o.rule}: ${o.file} → ${o.detail}`);

describe('module boundaries (docs/architecture.md)', () => {
  it('no module touches another module’s tables; services, sagas, routes and index files hold no SQL; services read the injected clock', () => {
    expect(list(scanModules(modulesDir, root))).toEqual([]);
  });

  it('reads ownership from every module’s *.tables.ts', () => {
    const owners = tableOwners(modulesDir);
    expect(owners.get('seats')).toBe('catalog');
    expect(owners.get('showtimes')).toBe('catalog');
    expect(owners.get('reservations')).toBe('booking');
    expect(owners.get('queue_draws')).toBe('waiting-room');
    // Declared in the second Database block of auth.tables.ts.
    expect(owners.get('user_identities')).toBe('auth');
    // Every module with tables is found (a parser that found none would pass everything).
    expect(new Set(owners.values()).size).toBeGreaterThanOrEqual(6);
  });
});

describe('docs/architecture.md draws every module and every table', () => {
  const doc = readFileSync(new URL('../docs/architecture.md', import.meta.url), 'utf8');
  const named = (word: string) => new RegExp(`(^|[^a-z_-])${word}([^a-z_-]|$)`, 'm').test(doc);

  it('names every module folder', () => {
    expect(readdirSync(modulesDir).filter((m) => !named(m))).toEqual([]);
  });

  it('names every table a module owns', () => {
    expect([...tableOwners(modulesDir)].filter(([table]) => !named(table))).toEqual([]);
  });
});

describe('the boundary scanner can fail', () => {
  const owners = new Map([
    ['seats', 'catalog'],
    ['showtimes', 'catalog'],
    ['performances', 'catalog'],
    ['reservations', 'booking'],
  ]);

  it('parses the Database interface of a tables file', () => {
    const source = `declare module '../../infra/db.ts' {
      interface Database {
        reservations: ReservationsTable;
        reservation_seats: ReservationSeatsTable;
      }
    }`;
    expect(declaredTables(source)).toEqual(['reservations', 'reservation_seats']);
  });

  it('reads every Database block of a tables file, not only the first', () => {
    const source = `declare module '../../infra/db.ts' {
      interface Database { users: UsersTable; }
    }
    export interface UserIdentitiesTable { id: string }
    declare module '../../infra/db.ts' {
      interface Database {
        user_identities: UserIdentitiesTable;
      }
    }`;
    expect(declaredTables(source)).toEqual(['users', 'user_identities']);
  });

  it('finds tables in Kysely calls, aliases and lists included', () => {
    const source = `
      db.selectFrom('seats as s').innerJoin('performances as p', 'p.id', 's.performance_id');
      db.updateTable("showtimes").set({});
      db.selectFrom(['reservations', 'outbox as o']);
      tx.leftJoin(\`venues\`, 'v.id', 'p.venue_id');`;
    expect([...referencedTables(source)].sort()).toEqual([
      'outbox',
      'performances',
      'reservations',
      'seats',
      'showtimes',
      'venues',
    ]);
  });

  it('finds tables in raw sql`` text, interpolations skipped', () => {
    const source =
      'await sql<{ n: number }>`SELECT s.id FROM seats s JOIN performances p ON p.id = ${`x`}\n' +
      '  WHERE s.showtime_id = ${id}`.execute(db);\n' +
      'await sql`UPDATE showtimes SET seat_count = 1`.execute(tx);\n' +
      'await sql`INSERT INTO reservations (id) VALUES (${id})`.execute(tx);';
    expect([...referencedTables(source)].sort()).toEqual([
      'performances',
      'reservations',
      'seats',
      'showtimes',
    ]);
  });

  it('finds every table of a comma list after FROM or USING', () => {
    const source =
      'await sql`SELECT 1 FROM reservations r, seats s, public.showtimes AS st WHERE s.id = r.id`.execute(db);\n' +
      'await sql`DELETE FROM reservations r USING performances p WHERE p.id = r.id`.execute(tx);\n' +
      'await sql`SELECT a, b FROM reservations ORDER BY a, b`.execute(db);';
    expect([...referencedTables(source)].sort()).toEqual([
      'performances',
      'reservations',
      'seats',
      'showtimes',
    ]);
  });

  it('reports a booking repository that updates the catalogue’s seats', () => {
    const source = "await sql`UPDATE seats SET status = 'SOLD' WHERE id = ANY(${ids})`.execute(tx);";
    expect(checkFile('src/modules/booking/booking.repository.ts', 'booking', source, owners)).toEqual([
      {
        file: 'src/modules/booking/booking.repository.ts',
        module: 'booking',
        rule: 'foreign-table',
        detail: 'seats (owned by catalog)',
      },
    ]);
    // The owner may.
    expect(checkFile('src/modules/catalog/inventory.repository.ts', 'catalog', source, owners)).toEqual([]);
  });

  it('reports SQL in a service, a saga, a routes or an index file, and a route importing a repository', () => {
    const query = "await tx.updateTable('reservations').set({ step: 'X' }).execute();";
    for (const file of ['x.service.ts', 'checkout-saga.ts', 'x.routes.ts', 'index.ts']) {
      expect(checkFile(`src/modules/booking/${file}`, 'booking', query, owners).map((o) => o.rule)).toEqual([
        'sql-outside-repository',
      ]);
    }
    expect(
      checkFile('src/modules/booking/x.service.ts', 'booking', 'await sql`SELECT 1`.execute(db);', owners),
    ).toHaveLength(1);
    expect(checkFile('src/modules/booking/x.repository.ts', 'booking', query, owners)).toEqual([]);
    const route = "import { BookingRepository } from './booking.repository.ts';";
    expect(checkFile('src/modules/booking/booking.routes.ts', 'booking', route, owners)).toMatchObject([
      { rule: 'route-imports-repository', detail: './booking.repository.ts' },
    ]);
  });
  it('reports the wall clock in a service, a saga or a job, not where a store’s time or a timeout is meant', () => {
    for (const source of ['const now = Date.now();', 'const at = new Date();', 'new Date( )']) {
      for (const file of ['x.service.ts', 'checkout-saga.ts', 'recovery.job.ts']) {
        expect(
          checkFile(`src/modules/booking/${file}`, 'booking', source, owners).map((o) => o.rule),
        ).toEqual(['wall-clock']);
      }
    }
    const fine = 'const at = new Date(row.created_at); const now = this.clock.now();';
    expect(checkFile('src/modules/booking/x.service.ts', 'booking', fine, owners)).toEqual([]);
    expect(checkFile('src/modules/booking/x.repository.ts', 'booking', 'Date.now()', owners)).toEqual([]);
  });

  it('reports an event written to the outbox without its type check', () => {
    const source = `import { appendOutbox } from '../../infra/outbox.ts';
      await appendOutbox(tx, { eventType: 'reservation.confirmed', payload: {} });`;
    expect(
      checkFile('src/modules/booking/x.service.ts', 'booking', source, owners).map((o) => o.rule),
    ).toEqual(['untyped-event']);
    expect(checkFile('src/modules/events/outbox.ts', 'events', source, owners)).toEqual([]);
  });
});
