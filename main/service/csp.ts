// The Content-Security-Policy of the renderer, in one place: the renderer's index.html gets it as
// a <meta> tag at build time (electron.vite.config.ts), Electron's session and `leakline serve`
// send it as a header too.

export interface CspOptions {
  /** Vite dev server: React Refresh injects an inline preamble and HMR talks over ws://localhost. */
  dev: boolean;
  /** Header form may carry directives that a <meta> tag ignores (and warns about). */
  form: 'meta' | 'header';
}

export function contentSecurityPolicy(opts: CspOptions): string {
  const d: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'", ...(opts.dev ? ["'unsafe-inline'"] : [])],
    ['style-src', "'self'", ...(opts.dev ? ["'unsafe-inline'"] : [])],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    // 'self' covers ws:// to the same host:port in CSP Level 3 (browser-mode bridge).
    ['connect-src', "'self'", ...(opts.dev ? ['ws://localhost:*', 'ws://127.0.0.1:*'] : [])],
    ['worker-src', "'self'", 'blob:'],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['object-src', "'none'"],
  ];
  if (opts.form === 'header') d.push(['frame-ancestors', "'none'"]);
  return d.map((parts) => parts.join(' ')).join('; ');
}
