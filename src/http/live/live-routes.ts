/**
 * The live stream: `GET /live/events?c=live:42&c=box:covid` answers Server-Sent Events from
 * the hub in memory (src/live/live-hub.ts); no database query per reader. A reconnecting
 * browser sends `Last-Event-ID`; a page's first connection sends `since`, the id the page
 * was rendered at. Never cached (no content tags, `no-store`), and it takes the socket
 * over (hijack), so no request timeout or compression holds or buffers it. Past the cap,
 * 503 with Retry-After: the page's script then polls the cached page instead.
 */
import type { FastifyPluginAsync } from 'fastify';
import { liveChannel } from '../../domain/live-blogs/live-blog.ts';
import type { LivePostChange } from '../../domain/live-blogs/live-blog-service.ts';
import { renderLivePostHtml } from '../../render/components/live-blog.tsx';
import { readerLocale } from '../../render/reader-locale.ts';
import { mediaIdsOf } from '../../richtext/rich-text.ts';
import { bundleBrowserScript } from '../assets/browser-bundle.ts';
import { DomainError } from '../../errors.ts';
import { CHANNEL_PATTERN } from '../../live/live-event.ts';
import type { Services } from '../../services.ts';

import { LIVE_EVENTS_PATH, LIVE_SCRIPT_PATH } from './live-view.ts';

export { LIVE_EVENTS_PATH };
/** Channels one stream may follow: a story's posts and the data boxes on its page. */
const MAX_CHANNELS = 8;
/** What a reader past the cap is told to wait before trying the stream again. */
export const LIVE_FULL_RETRY_SECONDS = 30;

function parseId(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return null;
  return Number(value);
}

export const liveRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const hub = services.live;
  app.addHook('preClose', async () => hub.close());

  // Each committed change to a live blog goes to its readers, rendered once per process that
  // made it; other processes get it through the bus. Only stories readers can see: a draft's
  // posts never leave the newsroom.
  const publish = async (change: LivePostChange): Promise<void> => {
    const articleId = change.op === 'upsert' ? change.post.articleId : change.articleId;
    if (!(await services.articles.getPublic(articleId, services.now()))) return;
    const channel = liveChannel(articleId);
    if (change.op === 'delete') hub.publish(channel, { type: 'delete', data: JSON.stringify({ id: change.postId }) });
    else if (change.op === 'end') hub.publish(channel, { type: 'end', data: '{}' });
    else {
      const locale = readerLocale(await services.settings.get());
      const ids = mediaIdsOf(change.post.body);
      const media = ids.length > 0 ? await services.media.findByIds(ids) : new Map();
      hub.publish(channel, { type: 'post', data: JSON.stringify({ id: change.post.id, key: change.post.keyEvent, html: renderLivePostHtml(change.post, media, locale) }) });
    }
  };
  const unsubscribe = services.liveBlogs.onPostChange((change) => {
    publish(change).catch((err: unknown) => app.log.error({ err }, 'live blog: publishing to the stream failed'));
  });
  app.addHook('onClose', async () => void unsubscribe());

  const script = await bundleBrowserScript('src/reader/live-blog.ts');
  app.get(LIVE_SCRIPT_PATH, async (_request, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(script),
  );

  app.get(LIVE_EVENTS_PATH, async (request, reply) => {
    const query = request.query as Record<string, string | string[] | undefined>;
    const raw = query.c;
    const channels = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]);
    if (channels.length === 0 || channels.length > MAX_CHANNELS || !channels.every((c) => CHANNEL_PATTERN.test(c))) {
      throw new DomainError('BAD_REQUEST', 'c', 'live stream: missing or malformed channels');
    }
    const header = request.headers['last-event-id'];
    const since = Array.isArray(query.since) ? undefined : query.since;
    const lastId = parseId(header) ?? parseId(since);
    const res = reply.raw;
    if (hub.size >= hub.maxConnections) {
      reply.header('retry-after', String(LIVE_FULL_RETRY_SECONDS)).header('cache-control', 'no-store');
      throw new DomainError('LIVE_FULL');
    }
    reply.hijack();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // nginx and similar proxies: pass each event on at once.
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.socket?.setNoDelay(true);
    res.socket?.setKeepAlive(true);
    const subscription = hub.open(channels, lastId, {
      write: (chunk) => void res.write(chunk),
      buffered: () => res.writableLength,
      end: () => res.end(),
    });
    if (!subscription) {
      // Filled between the check and here, or closing: the browser retries after a while.
      res.end('retry: 30000\n\n');
      return;
    }
    res.on('close', () => subscription.close());
  });
};
