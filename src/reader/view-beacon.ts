/// <reference lib="dom" />
/**
 * Most read (decision 029): tells the site, once per page load, that a person is reading
 * this story. Same origin only (`navigator.sendBeacon`, no cookie sent, nothing third-party).
 * The token is random and kept per tab and story in sessionStorage (not a cookie: it never
 * leaves with other requests and dies with the tab), so a reload sends the same token
 * and the server counts it once. A prerendered page waits until it is actually shown.
 */

function token(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function tokenFor(articleId: string): string {
  const key = `samachar-view:${articleId}`;
  try {
    const kept = sessionStorage.getItem(key);
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
    const made = token();
    sessionStorage.setItem(key, made);
    return made;
  } catch {
    // Storage refused (private mode, full): this load still counts once.
    return token();
  }
}

function send(): void {
  const script = document.querySelector<HTMLScriptElement>('script[data-view-article]');
  const articleId = script?.dataset.viewArticle ?? '';
  if (!/^[1-9][0-9]{0,9}$/.test(articleId)) return;
  const url = `/_view?a=${articleId}&t=${tokenFor(articleId)}`;
  try {
    if (navigator.sendBeacon?.(url)) return;
  } catch {
    // Fall through to fetch.
  }
  fetch(url, { method: 'POST', keepalive: true, credentials: 'omit' }).catch(() => {});
}

const doc = document as Document & { prerendering?: boolean };
if (doc.prerendering) doc.addEventListener('prerenderingchange', send, { once: true });
else send();
