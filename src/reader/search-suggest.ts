/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Suggestions as the reader types in a search box (`input[data-suggest]`): headlines from
 * `/api/search/suggest`, shown as a list of links under the box (ARIA combobox; arrow keys,
 * Enter and Escape work). Without this script the box is a plain GET form to /search.
 */

interface Suggestion {
  headline: string;
  path: string;
}

const DELAY_MS = 150;
const MIN_CHARS = 2;

function attach(input: HTMLInputElement, index: number): void {
  const form = input.form;
  if (!form) return;
  const list = document.createElement('ul');
  list.className = 'search-suggestions';
  list.id = `search-suggestions-${index}`;
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  form.style.position = form.style.position || 'relative';
  form.append(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  let active = -1;

  const items = () => [...list.querySelectorAll<HTMLLIElement>('li')];
  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const select = (n: number) => {
    const all = items();
    all.forEach((li, i) => li.setAttribute('aria-selected', String(i === n)));
    active = n;
    const li = all[n];
    if (li) input.setAttribute('aria-activedescendant', li.id);
    else input.removeAttribute('aria-activedescendant');
  };
  const show = (found: Suggestion[], spelling: string | null) => {
    list.replaceChildren();
    // A romanized query's Devanagari spelling comes first, as a search for it.
    const suggestions = spelling ? [{ headline: spelling, path: `/search?q=${encodeURIComponent(spelling)}` }, ...found] : found;
    suggestions.forEach((s, i) => {
      const li = document.createElement('li');
      li.id = `${list.id}-${i}`;
      li.setAttribute('role', 'option');
      const a = document.createElement('a');
      a.href = s.path;
      a.textContent = s.headline;
      a.tabIndex = -1;
      if (spelling && i === 0) {
        li.className = 'search-spelling';
        a.lang = 'hi';
      }
      li.append(a);
      list.append(li);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', String(suggestions.length > 0));
    active = -1;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value;
    if (q.trim().length < MIN_CHARS) return close();
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const res = await fetch(`/api/search/suggest?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { accept: 'application/json' } });
        if (!res.ok) return close();
        const body = (await res.json()) as { suggestions?: Suggestion[]; spelling?: string | null };
        if (input.value === q) show(body.suggestions ?? [], typeof body.spelling === 'string' ? body.spelling : null);
      } catch {
        // Aborted by newer typing, or offline: the form still works.
      }
    }, DELAY_MS);
  });

  input.addEventListener('keydown', (event) => {
    const count = items().length;
    if (list.hidden || count === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      select((active + 1) % count);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      select((active - 1 + count) % count);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      items()[active]?.querySelector('a')?.click();
    } else if (event.key === 'Escape') {
      close();
    }
  });

  input.addEventListener('blur', () => setTimeout(close, 150));
}

document.querySelectorAll<HTMLInputElement>('input[data-suggest]').forEach(attach);
