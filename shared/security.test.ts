import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './security';

describe('content security policy', () => {
  it('is the same in renderer/index.html as in the header the app sends', () => {
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy());
  });

  it('allows no inline script and no remote origin outside development', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(contentSecurityPolicy(new URL('http://localhost:5173'))).toContain("script-src 'self' http://localhost:5173 'unsafe-inline'");
  });
});
