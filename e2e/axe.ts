/**
 * The accessibility gate of the journeys: axe-core runs inside every page a journey shows (each
 * document and each client-side route, once the page has settled), and a journey fails on any
 * violation of impact "serious" or "critical", listed by rule id and element. The same check also
 * reports a page wider than the screen (rule `page-wider-than-screen`): at 390 px nothing may
 * scroll sideways.
 *
 * How: an init script puts axe into every top-level document of the browser context, watches the
 * DOM, and after each quiet spell (no mutation for QUIET_MS) runs axe and reports through a
 * binding. The harness runs one last check when the journey ends. `E2E_AXE=warn` prints the
 * violations without failing; `E2E_AXE=off` skips the gate; `E2E_AXE_VERBOSE=1` lists the pages
 * checked and every finding, minor and moderate ones included.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

export type AxeMode = 'fail' | 'warn' | 'off';

export function axeMode(): AxeMode {
  const mode = process.env.E2E_AXE ?? 'fail';
  if (mode === 'fail' || mode === 'warn' || mode === 'off') return mode;
  throw new Error(`E2E_AXE must be fail, warn or off, not "${mode}"`);
}

/** Impacts that fail a journey. */
const BLOCKING = new Set(['serious', 'critical']);
/** How long the DOM must stay still before a page counts as shown. */
const QUIET_MS = 400;
/** A page that keeps changing (a countdown) is checked this many times per route, not forever. */
const MAX_RUNS_PER_ROUTE = 4;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  target: string;
  /** Where it was seen first: origin-relative path, or the full URL for another origin. */
  where: string;
}

interface Report {
  url: string;
  violations: Array<{ id: string; impact: string | null; help: string; targets: string[] }>;
}

/**
 * In the page (plain JavaScript: a transpiled function could name the transpiler's helpers): run
 * axe after each quiet spell, at most MAX_RUNS_PER_ROUTE times per route; `__axeCheck()` runs it now.
 */
const WATCHER = `(() => {
  if (window.top !== window) return;
  const runs = new Map();
  let running = null;
  let timer;
  const name = (el) =>
    el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    [...el.classList].slice(0, 3).map((c) => '.' + c).join('');
  // Elements that push the page wider than the screen: the outermost ones past the right edge,
  // outside any container that clips or scrolls them.
  const overflow = () => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return [];
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= width + 1) continue;
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > width + 1) continue;
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
      if (!clipped) out.push(name(el) + ' (right edge ' + Math.round(rect.right) + ' px of ' + width + ')');
      if (out.length >= 5) break;
    }
    return out.length > 0 ? out : ['html (scrollWidth ' + document.documentElement.scrollWidth + ' px of ' + width + ')'];
  };
  const seen = new Set();
  // The document has no element yet when this runs: look it up each time.
  const root = () => document.documentElement;
  // A route not checked yet raises this flag; the harness checks it before the journey's next action.
  const markIfNew = () => {
    if (!seen.has(location.pathname) && !root().hasAttribute('data-axe-pending'))
      root().setAttribute('data-axe-pending', '');
  };
  const check = async (force) => {
    if (!window.axe || !window.__axeReport || !document.body) return;
    while (running) await running;
    root().removeAttribute('data-axe-pending');
    seen.add(location.pathname);
    const route = location.pathname;
    const n = runs.get(route) ?? 0;
    if (!force && n >= ${MAX_RUNS_PER_ROUTE}) return;
    runs.set(route, n + 1);
    running = (async () => {
      try {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        const violations = result.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          targets: v.nodes.map((node) => node.target.map(String).join(' ')),
        }));
        const wide = overflow();
        if (wide.length > 0)
          violations.push({
            id: 'page-wider-than-screen',
            impact: 'serious',
            help: 'The page scrolls sideways at this width (not an axe rule: the harness checks it)',
            targets: wide,
          });
        await window.__axeReport({ url: location.href, violations });
      } catch {
        // The page went away mid-run; the next page gets its own.
      }
    })();
    await running;
    running = null;
  };
  window.__axeCheck = () => check(true);
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(false), ${QUIET_MS});
  };
  const start = () => {
    markIfNew();
    new MutationObserver((records) => {
      if (records.every((r) => r.attributeName === 'data-axe-pending')) return;
      markIfNew();
      schedule();
    }).observe(document.documentElement, {
      subtree: true, childList: true, attributes: true, characterData: true,
    });
    schedule();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();`;

/** Installs axe in every page of the context; read the findings with `findings()` and `finish()`. */
export async function installAxe(context: BrowserContext, baseUrl: string) {
  const found = new Map<string, AxeFinding>();
  const where = (url: string): string => {
    const u = new URL(url);
    return u.origin === new URL(baseUrl).origin ? `${u.pathname}${u.search}` : u.href;
  };
  const checked = new Set<string>();
  await context.exposeBinding('__axeReport', (_source, report: Report) => {
    // The blank page a new tab starts on is nobody's page.
    if (!/^https?:/.test(report.url)) return;
    checked.add(where(report.url).split('?')[0]!);
    for (const v of report.violations) {
      for (const target of v.targets) {
        const key = `${v.id}|${target}|${where(report.url).split('?')[0]}`;
        if (!found.has(key))
          found.set(key, {
            rule: v.id,
            impact: v.impact ?? 'unknown',
            help: v.help,
            target,
            where: where(report.url),
          });
      }
    }
  });
  await context.addInitScript({
    content: `${AXE_SOURCE}\n;${WATCHER}`,
  });
  const checkNow = async (page: Page): Promise<void> => {
    await page
      .evaluate(() => (window as unknown as { __axeCheck?: () => Promise<void> }).__axeCheck?.())
      .catch(() => undefined); // the page navigated meanwhile
  };
  return {
    /**
     * Makes sure no page goes unchecked: before the journey's next action on a route not checked
     * yet (a Playwright locator handler on the flag the page raises), and before goto/reload leave
     * it. Pages that settle are also checked on their own, by the watcher.
     */
    async attach(page: Page): Promise<void> {
      await page.addLocatorHandler(page.locator('html[data-axe-pending]'), () => checkNow(page), {
        noWaitAfter: true,
      });
      for (const method of ['goto', 'reload'] as const) {
        const original = page[method].bind(page) as (...args: unknown[]) => Promise<unknown>;
        (page as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
          if (page.url().startsWith('http')) await checkNow(page);
          return original(...args);
        };
      }
    },
    /** One last check of the page the journey ended on. */
    finish: checkNow,
    blocking(): AxeFinding[] {
      return [...found.values()].filter((f) => BLOCKING.has(f.impact));
    },
    all(): AxeFinding[] {
      return [...found.values()];
    },
    /** The pages checked (paths, or URLs of another origin). */
    pages(): string[] {
      return [...checked];
    },
  };
}

export function describeFindings(findings: AxeFinding[]): string {
  return findings.map((f) => `[${f.impact}] ${f.rule} at ${f.where}: ${f.target} (${f.help})`).join('\n');
}
