/**
 * The Content-Security-Policy of the renderer, in one place: the Electron session sends it as a
 * header, the browser harness sends the same, and renderer/index.html carries it as a meta tag
 * (a test keeps that copy equal). `dev` is the Vite dev server, whose inline preamble and socket
 * are allowed only while developing.
 */
export function contentSecurityPolicy(dev: URL | null = null): string {
  const devOrigin = dev ? dev.origin : '';
  const devSocket = dev ? `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}` : '';
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': dev ? ["'self'", devOrigin, "'unsafe-inline'"] : ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', 'shoebox-file:', ...(dev ? [devOrigin] : [])],
    'connect-src': ["'self'", ...(dev ? [devOrigin, devSocket] : [])],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}
