/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The comment form, with JavaScript: fetches a signed form token from an uncached
 * endpoint (so cached pages never hold a stale one), posts without a reload, shows each
 * error next to its field, keeps what the reader typed, inserts the published comment in
 * place, and moves the form under a comment to reply. Without this script the same form
 * posts normally and the server answers with a redirect or the page with its errors.
 */

interface PostAnswer {
  ok?: boolean;
  status?: 'published' | 'held';
  message?: string;
  id?: number;
  html?: string;
  parentId?: number | null;
  errors?: Record<string, string>;
  error?: { message?: string; messageHi?: string };
}

const FIELDS = ['comment', 'author', 'email', 'url', 'parent'] as const;

function start(doc: Document, form: HTMLFormElement): void {
  const articleId = form.dataset.articleId ?? '';
  const lang = form.dataset.lang === 'hi' ? 'hi' : 'en';
  const status = doc.getElementById('comment-form-status');
  const tokenInput = form.elements.namedItem('token') as HTMLInputElement | null;
  const parentInput = form.elements.namedItem('parent') as HTMLInputElement | null;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const respond = doc.getElementById('respond');
  const title = doc.getElementById('reply-title');
  const cancel = doc.getElementById('cancel-reply');
  const home = respond?.parentElement ?? null;
  const homeNext = respond?.nextSibling ?? null;
  let tokenAt = 0;
  let minSeconds = 0;
  let busy = false;

  const fetchToken = async (): Promise<void> => {
    try {
      const res = await fetch(`/api/comments/token?article=${encodeURIComponent(articleId)}`, {
        cache: 'no-store',
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      if (!res.ok) return;
      const data = (await res.json()) as { token?: unknown; minSeconds?: unknown };
      if (typeof data.token === 'string' && tokenInput) {
        tokenInput.value = data.token;
        tokenAt = Date.now();
        minSeconds = typeof data.minSeconds === 'number' ? data.minSeconds : 0;
      }
    } catch {
      // No token: the comment is still accepted, and held back by the other defences.
    }
  };
  let tokenReady = fetchToken();
  // After any failed post, a new token: the server may have used the old one up (an answer
  // lost on the way back), and a used token marks the next post as spam. Until the new one
  // arrives (or if it cannot be fetched) the old one stays in the form.
  const renewToken = () => {
    tokenReady = fetchToken();
  };

  const showStatus = (text: string, kind: 'error' | 'ok') => {
    if (!status) return;
    status.textContent = text;
    status.hidden = text === '';
    status.className = `form-status form-status-${kind}`;
  };

  const clearErrors = () => {
    for (const name of FIELDS) {
      const span = doc.getElementById(`${name}-error`);
      if (span) {
        span.textContent = '';
        span.hidden = true;
      }
      const input = form.elements.namedItem(name);
      if (input instanceof HTMLElement) {
        input.removeAttribute('aria-invalid');
        input.closest('.field')?.classList.remove('has-error');
      }
    }
    showStatus('', 'ok');
  };

  const showErrors = (errors: Record<string, string>) => {
    let first: HTMLElement | null = null;
    for (const [name, message] of Object.entries(errors)) {
      const span = doc.getElementById(`${name}-error`);
      if (span) {
        span.textContent = message;
        span.hidden = false;
      }
      const input = form.elements.namedItem(name);
      if (input instanceof HTMLElement && input.getAttribute('type') !== 'hidden') {
        input.setAttribute('aria-invalid', 'true');
        input.closest('.field')?.classList.add('has-error');
        first ??= input;
      }
    }
    first?.focus();
  };

  const setReplyTo = (id: string, name: string, under: Element | null) => {
    if (!respond || !parentInput) return;
    parentInput.value = id;
    if (title) title.textContent = name ? (title.dataset.replyTemplate ?? '{name}').replace('{name}', name) : (title.dataset.default ?? '');
    if (cancel?.parentElement) cancel.parentElement.hidden = id === '';
    if (under) under.after(respond);
    else if (home) home.insertBefore(respond, homeNext);
  };

  doc.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest<HTMLAnchorElement>('a.comment-reply');
    if (link) {
      event.preventDefault();
      setReplyTo(link.dataset.replyTo ?? '', link.dataset.author ?? '', link.closest('.comment-card'));
      (form.elements.namedItem('comment') as HTMLElement | null)?.focus();
      return;
    }
    if (target?.closest('#cancel-reply')) {
      event.preventDefault();
      setReplyTo('', '', null);
    }
  });

  const insertComment = (html: string, id: number, parentId: number | null) => {
    const list = doc.getElementById('comment-list');
    if (!list) return;
    const template = doc.createElement('template');
    template.innerHTML = html; // The server's own rendering: text escaped, links checked.
    const item = template.content.firstElementChild;
    if (!item) return;
    const parent = parentId === null ? null : doc.getElementById(`comment-${parentId}`);
    const root = parent?.closest('#comment-list > li') ?? null;
    if (root) {
      let replies = root.querySelector(':scope > ol.comment-replies');
      if (!replies) {
        replies = doc.createElement('ol');
        replies.className = 'comment-replies';
        root.append(replies);
      }
      replies.append(item);
    } else {
      list.append(item);
    }
    list.hidden = false;
    doc.getElementById(`comment-${id}`)?.scrollIntoView({ block: 'center' });
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    const label = button?.textContent ?? '';
    if (button) {
      button.disabled = true;
      button.textContent = button.dataset.sending ?? label;
    }
    clearErrors();
    void (async () => {
      try {
        await tokenReady;
        // The token must be a few seconds old (a person takes that long); wait out the rest.
        const wait = tokenAt ? minSeconds * 1000 - (Date.now() - tokenAt) + 50 : 0;
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const body = new URLSearchParams();
        for (const [k, v] of new FormData(form)) if (typeof v === 'string') body.append(k, v);
        let res: Response;
        try {
          res = await fetch(form.action, { method: 'POST', body, credentials: 'same-origin', headers: { accept: 'application/json' } });
        } catch {
          showStatus(form.dataset.network ?? '', 'error');
          renewToken();
          return;
        }
        let data: PostAnswer = {};
        try {
          data = (await res.json()) as PostAnswer;
        } catch {
          data = {};
        }
        if (res.ok && data.ok) {
          const textarea = form.elements.namedItem('comment') as HTMLTextAreaElement | null;
          if (textarea) textarea.value = '';
          const parentId = data.parentId ?? null;
          setReplyTo('', '', null);
          if (data.status === 'published' && data.html && typeof data.id === 'number') insertComment(data.html, data.id, parentId);
          showStatus(data.message ?? '', 'ok');
          if (tokenInput) tokenInput.value = '';
          tokenAt = 0;
          renewToken();
          return;
        }
        if (data.errors && Object.keys(data.errors).length > 0) showErrors(data.errors);
        const message = data.message ?? (lang === 'hi' ? data.error?.messageHi : data.error?.message) ?? form.dataset.failed ?? '';
        showStatus(message, 'error');
        renewToken();
      } finally {
        busy = false;
        if (button) {
          button.disabled = false;
          button.textContent = label;
        }
      }
    })();
  });
}

const form = document.getElementById('commentform');
if (form instanceof HTMLFormElement) start(document, form);
