/**
 * A live blog's page in the browser: new and changed posts arrive over the stream
 * (Server-Sent Events, /live/events) and appear without a reload. A reader near the top
 * sees them at once; one scrolled down gets a "N नए अपडेट" button instead, so the text
 * they are reading does not move. On `reset` (the stream could not say what was missed)
 * and when the server refuses the stream (its cap: 503), the page fetches itself again,
 * the cached copy, and swaps the list: the polling fallback, every 30 s while refused.
 * The page works without this script. DOM APIs only.
 */

const POLL_MS = 30_000;

interface PostEvent {
  readonly id: number;
  readonly html: string;
}

function start(section: HTMLElement): void {
  const streamUrl = section.dataset.liveStream;
  const list = section.querySelector<HTMLOListElement>('.live-posts');
  const bar = section.querySelector<HTMLElement>('.live-new');
  const button = section.querySelector<HTMLButtonElement>('.live-new-button');
  if (!streamUrl || !list || !bar || !button) return;
  const held: HTMLElement[] = [];

  const label = (n: number) => (n === 1 ? (section.dataset.newOne ?? '1') : (section.dataset.newMany ?? '{n}').replace('{n}', String(n)));
  const scrolledAway = () => list.getBoundingClientRect().top < 0;

  function parse(html: string): HTMLElement | null {
    const t = document.createElement('template');
    t.innerHTML = html;
    const el = t.content.firstElementChild;
    return el instanceof HTMLElement ? el : null;
  }

  function showHeld(): void {
    for (const el of held.splice(0)) list!.prepend(el);
    bar!.hidden = true;
  }

  function upsert(post: PostEvent): void {
    const el = parse(post.html);
    if (!el) return;
    const existing = document.getElementById(`post-${post.id}`);
    if (existing) {
      existing.replaceWith(el);
      return;
    }
    const waiting = held.findIndex((h) => h.id === el.id);
    if (waiting >= 0) {
      held[waiting] = el;
      return;
    }
    if (scrolledAway()) {
      held.unshift(el);
      button!.textContent = label(held.length);
      bar!.hidden = false;
    } else {
      list!.prepend(el);
      section.querySelector('.live-empty')?.remove();
    }
  }

  /** The page as the server has it now (the cached copy): swap the list, status and key events. */
  async function refresh(): Promise<void> {
    try {
      const res = await fetch(location.pathname, { credentials: 'same-origin' });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const fresh = doc.getElementById('live');
      if (!fresh) return;
      held.length = 0;
      bar!.hidden = true;
      for (const sel of ['.live-posts', '.live-key-events', '.live-status', '.live-paging']) {
        const mine = section.querySelector(sel);
        const theirs = fresh.querySelector(sel);
        if (mine && theirs) mine.replaceWith(document.importNode(theirs, true));
      }
    } catch {
      // Offline for a moment: the next event or poll tries again.
    }
  }

  button.addEventListener('click', showHeld);
  window.addEventListener('scroll', () => {
    if (held.length > 0 && !scrolledAway()) showHeld();
  }, { passive: true });

  const source = new EventSource(streamUrl);
  const data = (e: Event) => {
    try {
      return JSON.parse((e as MessageEvent<string>).data) as unknown;
    } catch {
      return null;
    }
  };
  source.addEventListener('post', (e) => {
    const p = data(e) as PostEvent | null;
    if (p && typeof p.id === 'number' && typeof p.html === 'string') upsert(p);
  });
  source.addEventListener('delete', (e) => {
    const p = data(e) as { id?: number } | null;
    if (p && typeof p.id === 'number') document.getElementById(`post-${p.id}`)?.remove();
  });
  source.addEventListener('reset', () => void refresh());
  source.addEventListener('end', () => {
    source.close();
    void refresh();
  });
  source.addEventListener('error', () => {
    // A refused stream (503 past the server's cap, or any non-200) is closed for good:
    // follow the cached page instead.
    if (source.readyState === EventSource.CLOSED) setInterval(() => void refresh(), POLL_MS);
  });
  section.classList.add('live-connected');
}

const section = document.getElementById('live');
if (section) start(section);
