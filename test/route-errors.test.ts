import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../src/http/access.ts';
import { setupTestApp, type TestApp } from './context.ts';

/**
 * Every route documents the errors it can answer with, as the shared `Problem` (src/http/schemas.ts):
 * a client generated from the OpenAPI document then knows them, and the fuzz suite checks the bodies.
 * The floor is derived from what the route declares: a body, params or query can be invalid (400),
 * a route behind sign-in can be refused (401), a staff or admin route can be forbidden (403).
 */

interface ResponseSchema {
  properties?: Record<string, unknown>;
  required?: string[];
}

function documentedRoutes(t: TestApp): RouteAccess[] {
  // Routes without a schema are the documentation UI and the web app's files, not the API.
  return t.app.accessRules.filter((r) => r.schema && !r.url.startsWith('/docs'));
}

function expectedStatuses(r: RouteAccess): number[] {
  const s = r.schema as Record<string, unknown>;
  const out: number[] = [];
  if (s.body || s.params || s.querystring) out.push(400);
  if (r.access !== 'public') out.push(401);
  if (r.access === 'staff' || r.access === 'admin') out.push(403);
  return out;
}

function isProblem(schema: ResponseSchema | undefined): boolean {
  return Boolean(
    schema?.properties && ['type', 'title', 'status', 'code'].every((k) => k in schema.properties!),
  );
}

describe('every route declares its error responses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(async () => t?.close());

  it('lists 400, 401 and 403 where the route can answer them, each as a Problem', () => {
    const missing: string[] = [];
    const routes = documentedRoutes(t);
    expect(routes.length).toBeGreaterThan(40);
    for (const r of routes) {
      const response = ((r.schema as Record<string, unknown>).response ?? {}) as Record<
        string,
        ResponseSchema
      >;
      const errorStatuses = Object.keys(response).filter((k) => Number(k) >= 400);
      for (const status of expectedStatuses(r)) {
        if (!response[status]) missing.push(`${r.method} ${r.url}: ${status} not declared`);
      }
      // Readiness answers 503 with its own report of each store (probes read it), not a Problem.
      if (r.url.startsWith('/health/')) continue;
      for (const status of errorStatuses) {
        if (!isProblem(response[status])) missing.push(`${r.method} ${r.url}: ${status} is not a Problem`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('one Problem schema', () => {
  it('is defined only in src/http/schemas.ts', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && path !== join('src', 'http', 'schemas.ts')) {
          if (/\bconst Problem\s*=/.test(readFileSync(path, 'utf8'))) offenders.push(path);
        }
      }
    };
    walk('src');
    expect(offenders).toEqual([]);
  });
});
