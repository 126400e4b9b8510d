import { existsSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { CONTENT_SECURITY_POLICY, startHarness } from '../../harness/server';
import { expect, test } from '../fixtures';

/** A raw request: fetch would normalise the path and refuse some headers. */
function http(base: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((done, fail) => {
    const req = request(new URL(base), { path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

const invoke = (base: string, body: string, headers: Record<string, string> = {}) =>
  http(base, '/__shoebox/invoke', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

test.describe('the harness server', () => {
  test('serves the built renderer under the app CSP, and nothing outside it', async ({ harness }) => {
    const index = await http(harness.url, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

    const script = /src="\.?(\/assets\/[^"]+\.js)"/.exec(index.body)?.[1];
    expect(script).toBeDefined();
    expect((await http(harness.url, script!)).headers['content-type']).toBe('text/javascript; charset=utf-8');

    for (const path of ['/missing.js', '/assets', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/__shoebox/bridge.js']) {
      expect((await http(harness.url, path)).status, path).toBe(404);
    }
  });

  test('answers invoke with the envelope of invokeSafely', async ({ harness }) => {
    const ok = await invoke(harness.url, JSON.stringify({ name: 'settings.get', input: {} }));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, data: { defaultCurrency: 'CHF' } });

    const invalid = await invoke(harness.url, JSON.stringify({ name: 'categories.create', input: { name: '' } }));
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'name' }] } } });

    expect(JSON.parse((await invoke(harness.url, '{"name":"nope"}')).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    expect((await invoke(harness.url, 'name=settings.get')).status).toBe(400);
    expect((await http(harness.url, '/__shoebox/invoke')).status).toBe(405);
  });

  test('refuses requests from other origins, as the IPC adapter refuses other senders', async ({ harness }) => {
    const body = JSON.stringify({ name: 'categories.create', input: { name: 'Planted' } });
    const foreign = await invoke(harness.url, body, { origin: 'https://example.com' });
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const rebound = await invoke(harness.url, body, { host: 'attacker.example:80' });
    expect(JSON.parse(rebound.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const names = (await harness.services.handlers['categories.list']({})).map((c) => c.name);
    expect(names).not.toContain('Planted');
  });

  test('close() ends open event streams, stops listening and removes its own ledger', async () => {
    const harness = await startHarness();
    const stream = await fetch(new URL('/__shoebox/events', harness.url));
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    await harness.close();
    expect(existsSync(harness.services.dataDir)).toBe(false);
    await expect(fetch(harness.url)).rejects.toThrow();
  });
});

test.describe('window.shoebox in the page', () => {
  test('has the shape of the preload, read-only and frozen as contextBridge makes it', async ({ page }) => {
    const shape = await page.evaluate(() => {
      const property = Object.getOwnPropertyDescriptor(window, 'shoebox');
      return {
        keys: Object.keys(window.shoebox).sort(),
        frozen: Object.isFrozen(window.shoebox),
        writable: property?.writable,
        configurable: property?.configurable,
      };
    });
    expect(shape).toEqual({ keys: ['invoke', 'on'], frozen: true, writable: false, configurable: false });
  });

  test('answers failures as data and refuses malformed subscriptions, like the preload', async ({ page }) => {
    const answers = await page.evaluate(async () => ({
      unknown: await window.shoebox.invoke('no.such.procedure', {}),
      invalid: await window.shoebox.invoke('expenses.get', { id: '' }),
      notAName: await window.shoebox.invoke(42 as unknown as string, {}),
      badListener: (() => {
        try {
          window.shoebox.on('ledger.changed', 'not a function' as unknown as () => void);
          return 'subscribed';
        } catch (err) {
          return String(err);
        }
      })(),
    }));
    expect(answers.unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    expect(answers.invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(answers.notAName).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    expect(answers.badListener).toBe('TypeError: An event listener must be a function');
  });

  test('delivers service events to listeners until they unsubscribe', async ({ page, shoebox }) => {
    type Seen = { first: unknown[]; second: unknown[]; off: () => void };
    await page.evaluate(() => {
      const seen = { first: [] as unknown[], second: [] as unknown[], off: () => {} };
      seen.off = window.shoebox.on('ledger.changed', (payload) => seen.first.push(payload));
      window.shoebox.on('ledger.changed', (payload) => seen.second.push(payload));
      (window as unknown as { seen: Seen }).seen = seen;
    });
    const seen = (key: 'first' | 'second') => page.evaluate((k) => (window as unknown as { seen: Seen }).seen[k], key);

    const gifts = await shoebox.invoke('categories.create', { name: 'Gifts' });
    await expect.poll(() => seen('first')).toEqual([{ entities: ['categories'], ids: [gifts.id] }]);

    await page.evaluate(() => (window as unknown as { seen: Seen }).seen.off());
    await shoebox.invoke('categories.create', { name: 'Donations' });
    await expect.poll(() => seen('second')).toHaveLength(2);
    expect(await seen('first')).toHaveLength(1);
  });

  test.describe('with CSP violations allowed', () => {
    test.use({ allowedPageErrors: [/Content Security Policy/] });

    test('the CSP refuses an inline script and the violation is reported', async ({ page, pageErrors }) => {
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineScriptRan = true';
        document.head.append(script);
        return 'inlineScriptRan' in window;
      });
      expect(ran).toBe(false);
      await expect.poll(() => pageErrors.join('\n')).toMatch(/violates the following Content Security Policy directive 'script-src 'self''/);
    });
  });

  test('is served into index.html for plain browsers when asked (npm run harness)', async ({ browser }) => {
    const harness = await startHarness({ injectBridge: true });
    const page = await browser.newPage();
    try {
      await page.goto(harness.url);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      expect(await page.evaluate(() => window.shoebox.invoke('settings.get', {}))).toMatchObject({ ok: true, data: { defaultCurrency: 'CHF' } });
    } finally {
      await page.close();
      await harness.close();
    }
  });
});
