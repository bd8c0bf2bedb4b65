/**
 * Shared previews: `/preview/<token>` shows a story as readers will see it, to someone
 * outside the newsroom, while the link is valid. A forged, expired or revoked token is
 * the ordinary 404 page, with no draft text and no hint of why. The page is never stored
 * by the page cache (it is untagged), by a CDN or by the browser (`private, no-store`),
 * never indexed (`noindex` in the page and the header), and sends no Referer onwards, so
 * the token does not leak from the address bar.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Article } from '../../domain/articles/article.ts';
import { DomainError } from '../../errors.ts';
import type { AssetUrls } from '../../render/chrome.ts';
import type { Services } from '../../services.ts';
import { renderArticleView } from './article-view.ts';
import { sendHtml } from './site-routes.ts';

/** Renders a preview page with the headers every preview needs (the newsroom's preview uses it too). */
export async function sendPreview(services: Services, assets: AssetUrls, reply: FastifyReply, article: Article): Promise<FastifyReply> {
  // No comment script: a preview is for reading; its story takes no comments yet.
  const { html } = await renderArticleView(services, assets, undefined, article, services.now(), { preview: true });
  reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer');
  return sendHtml(reply, html);
}

export const previewRoutes: FastifyPluginAsync<{ services: Services; assets: AssetUrls }> = async (app, { services, assets }) => {
  app.get<{ Params: { token: string } }>('/preview/:token', async (request, reply) => {
    const article = await services.previews.forToken(request.params.token);
    if (!article) throw new DomainError('NOT_FOUND');
    return sendPreview(services, assets, reply, article);
  });
};
