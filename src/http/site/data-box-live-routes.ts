/**
 * Data boxes on the live stream: every saved box (election, cricket, table) is published on
 * its channel `box:<key>` as the HTML readers see, rendered once in the process that saved
 * it (other processes get it through the bus); the page's script (src/reader/data-box.ts,
 * served here) swaps it in. Figures boxes are not live: they carry no script, so the
 * reference page stays as it was.
 */
import type { FastifyPluginAsync } from 'fastify';
import { DATA_BOX_SCRIPT_PATH, renderLiveBoxHtml } from '../../render/components/data-box.tsx';
import { readerLocale } from '../../render/reader-locale.ts';
import type { Services } from '../../services.ts';
import { bundleBrowserScript } from '../assets/browser-bundle.ts';

export const dataBoxLiveRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const unsubscribe = services.widgets.onChange((widget) => {
    if (widget.box.kind === 'figures') return;
    services.settings
      .get()
      .then((settings) => {
        const html = renderLiveBoxHtml(widget, readerLocale(settings));
        services.live.publish(`box:${widget.key}`, { type: 'box', data: JSON.stringify({ key: widget.key, html }) });
      })
      .catch((err: unknown) => app.log.error({ err }, 'data box: publishing to the stream failed'));
  });

  app.addHook('onClose', async () => unsubscribe());

  const script = await bundleBrowserScript('src/reader/data-box.ts');
  app.get(DATA_BOX_SCRIPT_PATH, async (_request, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(script),
  );
};
