// Headless Chromium (Debian's /usr/bin/chromium through playwright-core) for tests against the
// built site, with a watcher that records everything a page must never do.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium, installed by .ci/run; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, offline-by-default headless Chromium that phones nowhere. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Host names resolve to nothing, so a page can reach only servers given by IP address (the
 * tests' own, on 127.0.0.1): for timing, where intercepting each request in the test process
 * (watchedContext) would add a round trip to it per request.
 */
export const OFFLINE_RESOLVER_ARG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

/** Launches headless Chromium (with `extraArgs` after the usual flags); fails with a hint when the browser is not installed. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium and fonts-wqy-microhei (.ci/run does this as root)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** One thing a page did that it must not do, with the page it happened on. */
export interface PageProblem {
  page: string;
  kind: 'dialog' | 'console-error' | 'page-error' | 'foreign-request' | 'http-error';
  detail: string;
}

/**
 * A browser context that only reaches `allowedOrigin`: any request elsewhere is recorded and
 * aborted (so a test never depends on, or leaks to, the network). Dialogs are recorded and dismissed.
 */
export async function watchedContext(browser: Browser, allowedOrigin: string): Promise<{ context: BrowserContext; problems: PageProblem[]; current: { url: string } }> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC', serviceWorkers: 'block' });
  const problems: PageProblem[] = [];
  const current = { url: '' };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(allowedOrigin + '/') || url === allowedOrigin) return route.continue();
    problems.push({ page: current.url, kind: 'foreign-request', detail: url });
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => watchPage(page, problems, current));
  return { context, problems, current };
}

function watchPage(page: Page, problems: PageProblem[], current: { url: string }): void {
  page.on('dialog', (d) => {
    problems.push({ page: current.url, kind: 'dialog', detail: `${d.type()}: ${d.message()}` });
    void d.dismiss().catch(() => {});
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push({ page: current.url, kind: 'console-error', detail: m.text() });
  });
  page.on('pageerror', (e) => problems.push({ page: current.url, kind: 'page-error', detail: String(e) }));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url() !== current.url) problems.push({ page: current.url, kind: 'http-error', detail: `${r.status()} ${r.url()}` });
  });
}

/**
 * Opens `url`, waits for it to load, scrolls to the end so `client:visible` islands hydrate,
 * and lets the network settle.
 */
export async function visit(page: Page, url: string, current?: { url: string }): Promise<void> {
  if (current) current.url = url;
  const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  if (!response) throw new Error(`no response for ${url}`);
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    window.scrollTo(0, document.body.scrollHeight);
  });
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
}

/** Readable list of problems for an assertion message. */
export function describeProblems(problems: PageProblem[]): string {
  return problems.map((p) => `${p.kind} on ${p.page}: ${p.detail}`).join('\n');
}
