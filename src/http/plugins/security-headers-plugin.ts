/**
 * Headers every response carries. The CSP allows nothing from another host and no
 * inline script: the reader site needs neither, and a stored XSS that slipped past
 * the block allowlist would still not run.
 */
import fp from 'fastify-plugin';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * HSTS for a site served over https (SITE_URL): browsers then refuse plain http to it for a
 * year (at least the 180 days audits ask for), so a network in between cannot strip TLS. Not
 * `includeSubDomains`: a news site's other hosts (a printed edition's archive, an ad server,
 * a mail host) are often not Samachar's and not all https; the owner can add it at the proxy
 * once they all are. Never over http: a header there would be ignored, or pin a test host.
 */
export const HSTS = 'max-age=31536000';

export interface SecurityHeadersOptions {
  /** The site's public address is https. */
  https: boolean;
  /**
   * An origin images may also come from: MEDIA_PUBLIC_URL's, the operator's CDN for photos.
   * Only by that explicit setting; unset, pages load nothing from another host.
   */
  mediaOrigin?: string | null;
}

/** The policy with `origin` also allowed for images (the media CDN). */
export function policyWithMediaOrigin(origin: string | null | undefined): string {
  return origin ? CONTENT_SECURITY_POLICY.replace("img-src 'self' data:", `img-src 'self' data: ${origin}`) : CONTENT_SECURITY_POLICY;
}

export const securityHeadersPlugin = fp<SecurityHeadersOptions>(async (app, { https, mediaOrigin }) => {
  const policy = policyWithMediaOrigin(mediaOrigin);
  app.addHook('onSend', async (_request, reply, payload) => {
    if (https) reply.header('strict-transport-security', HSTS);
    reply.header('content-security-policy', policy);
    reply.header('x-content-type-options', 'nosniff');
    // A page whose address holds a secret (a preview or reset link) sets `no-referrer` itself.
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'SAMEORIGIN');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    reply.header('cross-origin-opener-policy', 'same-origin');
    return payload;
  });
});
