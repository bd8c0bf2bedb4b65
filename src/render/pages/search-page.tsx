import { type ArticleSummary, articlePath } from '../../domain/articles/article.ts';
import { toIsoWithOffset } from '../../lib/dates.ts';
import type { Chrome, Sidebar as SidebarData } from '../chrome.ts';
import { Sidebar } from '../components/sidebar.tsx';
import { renderPage } from '../layout.tsx';
import { digits, type ReaderLocale, readerDate, readerLocale } from '../reader-locale.ts';

/** A piece of text, marked when it matched the query. */
export interface MarkedText {
  readonly text: string;
  readonly mark: boolean;
}

export interface SearchPageHit {
  readonly article: ArticleSummary;
  readonly headline: readonly MarkedText[];
  readonly snippet: readonly MarkedText[];
  /** Query words matched in another script or through the lexicon, and the story's word. */
  readonly matchedAs?: readonly { readonly typed: string; readonly found: string }[];
}

/** What the reader asked for, as typed (the form shows it back). */
export interface SearchForm {
  readonly q: string;
  readonly section: string;
  readonly from: string;
  readonly to: string;
}

export interface SearchPageProps {
  chrome: Chrome;
  sidebar: SidebarData;
  form: SearchForm;
  /** Null when nothing was searched yet (no query, or no searchable word in it). */
  results: {
    readonly query: string;
    readonly items: readonly SearchPageHit[];
    readonly total: number;
    readonly totalCapped: boolean;
    readonly page: number;
    readonly pageCount: number;
    readonly didYouMean: string | null;
  } | null;
}

/** `/search?q=…&section=…&from=…&to=…&page=N`, keeping only what is set. */
export function searchHref(form: Partial<SearchForm>, page = 1): string {
  const params = new URLSearchParams();
  if (form.q) params.set('q', form.q);
  if (form.section) params.set('section', form.section);
  if (form.from) params.set('from', form.from);
  if (form.to) params.set('to', form.to);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}

function Marked({ parts }: { parts: readonly MarkedText[] }) {
  return <>{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

function Filters({ chrome, form, locale }: { chrome: Chrome; form: SearchForm; locale: ReaderLocale }) {
  const T = locale.t;
  return (
    <form class="search-form" role="search" action="/search" method="get">
      <div class="search-main">
        <label class="visually-hidden" for="search-q">
          {T.search.label}
        </label>
        <input id="search-q" type="search" name="q" value={form.q} maxLength={200} placeholder={T.search.placeholder} autoComplete="off" data-suggest="" />
        <button type="submit">{T.search.submit}</button>
      </div>
      <fieldset class="search-filters">
        <legend class="visually-hidden">{T.search.filters}</legend>
        <label>
          {T.search.section}
          <select name="section">
            <option value="">{T.search.allSections}</option>
            {chrome.sections.map((s) => (
              <option key={s.id} value={s.slug} selected={s.slug === form.section}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {T.search.from}
          <input type="date" name="from" value={form.from} />
        </label>
        <label>
          {T.search.to}
          <input type="date" name="to" value={form.to} />
        </label>
      </fieldset>
    </form>
  );
}

function Hit({ hit, locale }: { hit: SearchPageHit; locale: ReaderLocale }) {
  const { article } = hit;
  return (
    <article class="search-hit">
      <a class="kicker" href={`/${article.section.slug}`}>
        {article.section.name}
      </a>
      <h2 class="card-title">
        <a href={articlePath(article)}>
          <Marked parts={hit.headline} />
        </a>
      </h2>
      {hit.snippet.length > 0 && (
        <p class="search-snippet">
          <Marked parts={hit.snippet} />
        </p>
      )}
      {hit.matchedAs && hit.matchedAs.length > 0 && (
        <p class="search-why muted">
          {locale.t.search.matchedAs}{' '}
          {hit.matchedAs.map((m, i) => (
            <span key={i}>
              {i > 0 ? ', ' : ''}
              {m.typed} → <mark>{m.found}</mark>
            </span>
          ))}
        </p>
      )}
      {article.publishedAt && (
        <time class="card-time" dateTime={toIsoWithOffset(article.publishedAt)}>
          {readerDate(locale, article.publishedAt)}
        </time>
      )}
    </article>
  );
}

function Pager({ form, page, pageCount, locale }: { form: SearchForm; page: number; pageCount: number; locale: ReaderLocale }) {
  if (pageCount <= 1 && page <= 1) return null;
  const T = locale.t;
  return (
    <nav class="pagination" aria-label={T.pagination}>
      {page > 1 ? (
        <a rel="prev" href={searchHref(form, Math.min(page - 1, pageCount))}>
          ← {T.previous}
        </a>
      ) : (
        <span />
      )}
      <span class="page-of">
        {digits(locale, `${T.page(page)} / ${pageCount}`)}
      </span>
      {page < pageCount ? (
        <a rel="next" href={searchHref(form, page + 1)}>
          {T.next} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The search page: the form with filters, then results with marked words, or advice. */
export function renderSearchPage({ chrome, sidebar, form, results }: SearchPageProps): string {
  const locale = readerLocale(chrome.settings);
  const T = locale.t;
  const filtered = Boolean(form.section || form.from || form.to);
  const title = results ? T.search.resultsFor(results.query) : T.search.title;
  const content = (
    <div class="with-sidebar">
      <div class="search-page">
        <header class="list-header">
          <h1>{results && results.page > 1 ? `${title} — ${digits(locale, T.page(results.page))}` : title}</h1>
        </header>
        <Filters chrome={chrome} form={form} locale={locale} />
        {results === null ? (
          <p class="muted">{T.search.empty}</p>
        ) : (
          <section aria-label={T.search.results}>
            {results.didYouMean && (
              <p class="did-you-mean">
                {T.search.didYouMean} <a href={searchHref({ ...form, q: results.didYouMean })}>{results.didYouMean}</a>
              </p>
            )}
            {results.total === 0 ? (
              <div class="no-results">
                <p>{filtered ? T.search.noResultsFiltered : T.search.noResults(results.query)}</p>
                <p class="muted">{T.search.tips}</p>
              </div>
            ) : (
              <p class="muted search-count">{digits(locale, T.search.count(results.total, results.totalCapped))}</p>
            )}
            {results.total > 0 && results.items.length === 0 && (
              <p>
                {T.search.pastEnd} <a href={searchHref(form)}>{T.search.firstPage}</a>
              </p>
            )}
            <div class="story-list">
              {results.items.map((hit) => (
                <Hit key={hit.article.id} hit={hit} locale={locale} />
              ))}
            </div>
            <Pager form={form} page={results.page} pageCount={results.pageCount} locale={locale} />
          </section>
        )}
      </div>
      <Sidebar data={sidebar} locale={locale} />
      {/* Suggestions as the reader types in the search boxes; both work without it. */}
      <script type="module" src="/search/suggest.js" />
    </div>
  );
  return renderPage(chrome, { title, noindex: true, canonicalPath: searchHref(form, results?.page ?? 1) }, content);
}
