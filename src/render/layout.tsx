import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { Chrome } from './chrome.ts';
import { BreakingBanner } from './components/breaking-banner.tsx';
import { readerDate, readerLocale } from './reader-locale.ts';
import { type JsonLd, logoImage, serialiseJsonLd } from './seo/json-ld.ts';
import { ogLocale, type SocialArticle, type SocialImage, socialMeta } from './seo/social-meta.ts';

export interface HeadMeta {
  title: string;
  description?: string;
  /** Path of the canonical URL (the origin comes from the chrome). */
  canonicalPath?: string;
  /** Absolute path of a share image on this site. */
  imagePath?: string;
  type?: 'website' | 'article';
  /** Ask search engines not to index (error pages). */
  noindex?: boolean;
  /** The share image and a story's `article:*` facts (render/seo/social-meta.ts); without an image, the site's logo. */
  social?: { image?: SocialImage; article?: SocialArticle; type?: 'profile' };
  /** Structured data (render/seo/json-ld.ts), written with its escaping serialiser. */
  jsonLd?: readonly JsonLd[];
  /** Links for paginated lists. */
  prevPath?: string | undefined;
  nextPath?: string | undefined;
  /** The same page in other languages, this page included (`hreflang`; the first is x-default). */
  alternates?: readonly { readonly hreflang: string; readonly path: string }[] | undefined;
  /** The content's language, when not Hindi (an English story). */
  lang?: string | undefined;
}

function Header({ chrome }: { chrome: Chrome }) {
  const { settings, sections, currentSection } = chrome;
  const locale = readerLocale(settings);
  const T = locale.t;
  return (
    <header class="site-header">
      <div class="wrap header-top">
        <a class="brand" href="/" aria-label={`${settings.siteName} — ${T.home}`}>
          <span class="brand-mark" aria-hidden="true">
            स
          </span>
          <span class="brand-name">{settings.siteName}</span>
        </a>
        <form class="header-search" role="search" action="/search" method="get">
          <label class="visually-hidden" for="site-search">
            {T.search.label}
          </label>
          <input id="site-search" type="search" name="q" maxLength={200} placeholder={T.search.placeholder} autoComplete="off" data-suggest="" />
          <button type="submit">{T.search.submit}</button>
        </form>
        <p class="header-date" {...(locale.lang === 'en' ? { lang: 'en' } : {})}>
          {readerDate(locale, chrome.now)}
        </p>
      </div>
      <nav class="site-nav" aria-label={T.sections}>
        <ul class="wrap">
          <li>
            <a href="/" {...(currentSection === '' ? { 'aria-current': 'page' } : {})}>
              {T.home}
            </a>
          </li>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`/${s.slug}`} {...(currentSection === s.slug ? { 'aria-current': 'page' } : {})}>
                {s.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function Footer({ chrome }: { chrome: Chrome }) {
  const T = readerLocale(chrome.settings).t;
  return (
    <footer class="site-footer">
      <div class="wrap">
        <ul class="footer-sections">
          {chrome.sections.map((s) => (
            <li key={s.id}>
              <a href={`/${s.slug}`}>{s.name}</a>
            </li>
          ))}
        </ul>
        <p>
          {chrome.settings.siteName} — {chrome.settings.tagline}
        </p>
        <p class="muted">{T.footerNote}</p>
      </div>
    </footer>
  );
}

function Document({ chrome, meta, children }: { chrome: Chrome; meta: HeadMeta; children: ComponentChildren }) {
  const origin = chrome.siteUrl.replace(/\/$/, '');
  const title = meta.title === chrome.settings.siteName ? meta.title : `${meta.title} | ${chrome.settings.siteName}`;
  // RSS: the site's feed on every page; the section's too on its pages and its stories.
  const feedSection = chrome.currentSection ? chrome.sections.find((s) => s.slug === chrome.currentSection) : undefined;
  const T = readerLocale(chrome.settings).t;
  return (
    <html lang={meta.lang ?? 'hi'} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        {meta.canonicalPath && <link rel="canonical" href={`${origin}${meta.canonicalPath}`} />}
        {meta.alternates?.map((a) => <link key={a.hreflang} rel="alternate" hreflang={a.hreflang} href={`${origin}${a.path}`} />)}
        {meta.alternates?.[0] && <link rel="alternate" hreflang="x-default" href={`${origin}${meta.alternates[0].path}`} />}
        <link rel="alternate" type="application/rss+xml" title={chrome.settings.siteName} href="/feed" />
        {feedSection && <link rel="alternate" type="application/rss+xml" title={`${feedSection.name} | ${chrome.settings.siteName}`} href={`/${feedSection.slug}/feed`} />}
        {/* The same feeds as Atom and JSON Feed (http/site/feed-routes.ts). */}
        <link rel="alternate" type="application/atom+xml" title={chrome.settings.siteName} href="/feed/atom" />
        <link rel="alternate" type="application/feed+json" title={chrome.settings.siteName} href="/feed.json" />
        {feedSection && <link rel="alternate" type="application/atom+xml" title={`${feedSection.name} | ${chrome.settings.siteName}`} href={`/${feedSection.slug}/feed/atom`} />}
        {feedSection && <link rel="alternate" type="application/feed+json" title={`${feedSection.name} | ${chrome.settings.siteName}`} href={`/${feedSection.slug}/feed.json`} />}
        {meta.prevPath && <link rel="prev" href={meta.prevPath} />}
        {meta.nextPath && <link rel="next" href={meta.nextPath} />}
        {chrome.assets.preloadFonts.map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="anonymous" />
        ))}
        <link rel="stylesheet" href={chrome.assets.css} />
        <link rel="icon" href={chrome.assets.favicon} type="image/svg+xml" />
        {socialMeta({
          siteName: chrome.settings.siteName,
          title: meta.title,
          description: meta.description,
          url: meta.canonicalPath ? `${origin}${meta.canonicalPath}` : undefined,
          type: meta.social?.type ?? meta.type ?? 'website',
          // Every page has a share image: the story's, or the site's logo.
          image: meta.social?.image ?? { ...logoImage({ origin, settings: chrome.settings }), alt: chrome.settings.siteName },
          locale: ogLocale(meta.lang),
          article: meta.social?.article,
        }).map((m) => (m.attr === 'property' ? <meta key={`${m.key}=${m.content}`} property={m.key} content={m.content} /> : <meta key={`${m.key}=${m.content}`} name={m.key} content={m.content} />))}
        {meta.jsonLd && meta.jsonLd.length > 0 && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serialiseJsonLd(meta.jsonLd) }} />}
        <meta name="theme-color" content="#b3121b" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {T.skipToContent}
        </a>
        <Header chrome={chrome} />
        {chrome.breaking && <BreakingBanner news={chrome.breaking} locale={readerLocale(chrome.settings)} />}
        <main id="main" class="wrap">
          {children}
        </main>
        <Footer chrome={chrome} />
        {chrome.viewBeacon && <script type="module" src={chrome.viewBeacon.scriptUrl} data-view-article={String(chrome.viewBeacon.articleId)} />}
      </body>
    </html>
  );
}

/** A whole HTML page as a string. Pure: the same input gives the same bytes. */
export function renderPage(chrome: Chrome, meta: HeadMeta, content: ComponentChildren): string {
  return `<!doctype html>${render(
    <Document chrome={chrome} meta={meta}>
      {content}
    </Document>,
  )}`;
}
