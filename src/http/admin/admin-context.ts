/**
 * What newsroom routes share: services, asset URLs, cookie names, and the chrome of
 * each screen for the signed-in user (navigation shows only what they may open).
 */
import type { FastifyRequest } from 'fastify';
import { can, type User } from '../../domain/users/user.ts';
import type { AdminChrome } from '../../render/admin/admin-layout.tsx';
import type { Services } from '../../services.ts';
import type { CookieNames } from './auth.ts';

export interface AdminContext {
  services: Services;
  cookies: CookieNames;
  assets: { css: string; editorJs: string };
}

type NavKey = AdminChrome['nav'][number][0];

export async function adminChrome(ctx: AdminContext, request: FastifyRequest, csrfToken?: string): Promise<AdminChrome> {
  const user = request.session?.user ?? null;
  const settings = await ctx.services.settings.get();
  return {
    user,
    csrfToken: csrfToken ?? request.session?.csrfToken ?? '',
    siteName: settings.siteName,
    cssUrl: ctx.assets.css,
    nav: user ? navFor(user) : [],
  };
}

function navFor(user: User): [NavKey, string][] {
  const items: [NavKey, string, boolean][] = [
    ['articles', '/admin', true],
    ['media', '/admin/media', can(user, 'media.upload')],
    ['comments', '/admin/comments', can(user, 'comments.moderate')],
    ['home', '/admin/home', can(user, 'home.edit')],
    ['breaking', '/admin/breaking', can(user, 'home.edit')],
    ['sections', '/admin/sections', can(user, 'taxonomy.edit')],
    ['tags', '/admin/tags', can(user, 'taxonomy.edit')],
    ['authors', '/admin/authors', can(user, 'taxonomy.edit')],
    ['redirects', '/admin/redirects', can(user, 'taxonomy.edit')],
    ['widgets', '/admin/widgets', can(user, 'widgets.edit')],
    ['settings', '/admin/settings', can(user, 'settings.edit')],
    ['webhooks', '/admin/webhooks', can(user, 'settings.edit')],
    ['users', '/admin/users', can(user, 'users.manage')],
    ['apiKeys', '/admin/api-keys', can(user, 'users.manage')],
    // Everyone who may trash something may open the Trash (a reporter sees their own stories there).
    ['trash', '/admin/trash', can(user, 'article.trash')],
    ['audit', '/admin/audit', can(user, 'audit.view')],
    ['account', '/admin/account', true],
  ];
  return items.filter(([, , ok]) => ok).map(([k, href]) => [k, href]);
}
