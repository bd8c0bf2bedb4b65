/**
 * Live data boxes in the browser: a box marked `data-box-live` follows its channel
 * (`box:<key>`) on the live stream (/live/events) and its contents are swapped for the
 * newly saved box as soon as the newsroom saves it. The page works without this script
 * (the box is as fresh as the cached page); a refused or broken stream is left alone.
 * DOM APIs only. Loaded once however many boxes carry it (each box names the script).
 */

interface BoxEvent {
  readonly key: string;
  /** The box's section, rendered with `__place__` where the page's element ids put their place. */
  readonly html: string;
}

const flag = '__samacharDataBoxes';

function start(): void {
  const w = window as unknown as Record<string, unknown>;
  if (w[flag]) return;
  w[flag] = true;
  const boxes = [...document.querySelectorAll<HTMLElement>('[data-box-live]')];
  const channels = [...new Set(boxes.map((b) => b.dataset.boxLive ?? ''))].filter((c) => /^box:[a-z0-9-]{1,40}$/.test(c)).slice(0, 8);
  if (channels.length === 0 || typeof EventSource === 'undefined') return;
  const source = new EventSource(`/live/events?${channels.map((c) => `c=${encodeURIComponent(c)}`).join('&')}`);
  source.addEventListener('box', (e) => {
    let event: BoxEvent;
    try {
      event = JSON.parse((e as MessageEvent<string>).data) as BoxEvent;
    } catch {
      return;
    }
    for (const box of document.querySelectorAll<HTMLElement>(`[data-box-live="box:${event.key}"]`)) {
      const t = document.createElement('template');
      t.innerHTML = event.html.replaceAll('__place__', box.dataset.place ?? 'side');
      const fresh = t.content.firstElementChild;
      if (fresh instanceof HTMLElement && fresh.dataset.box === event.key) box.replaceWith(fresh);
    }
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
