import type { CatalogueEntry } from '../../errors.ts';
import type { Chrome } from '../chrome.ts';
import { renderPage } from '../layout.tsx';
import { readerLocale } from '../reader-locale.ts';

/**
 * A Hindi error page (404, 400, 414, 503 …): what happened and a way back. With the
 * reference page's English labels it repeats the message in English; a Hindi site stays Hindi.
 */
export function renderErrorPage({ chrome, entry }: { chrome: Chrome; entry: CatalogueEntry }): string {
  const locale = readerLocale(chrome.settings);
  const content = (
    <section class="error-page" aria-labelledby="error-title">
      <p class="error-code" aria-hidden="true">
        {entry.status}
      </p>
      <h1 id="error-title">{entry.title.hi}</h1>
      <p>{entry.message.hi}</p>
      {locale.lang === 'en' && (
        <p lang="en" class="muted">
          {entry.message.en}
        </p>
      )}
      <p>
        <a class="button" href="/">
          {locale.t.goHome}
        </a>
      </p>
    </section>
  );
  return renderPage(chrome, { title: entry.title.hi, noindex: true }, content);
}
