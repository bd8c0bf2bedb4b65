/**
 * A small site for the interface-language test: a section, an empty section, an author,
 * a tag, a photo, published stories with every kind of block, a draft with revisions, a
 * figures widget and comments (published, a reply, one held). Its text is made of
 * made-up words in both scripts (`कखग`, `Qwv`) that no catalogue contains, so anything
 * the test finds on a page came from a template, never from the content.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { articlePath } from '../../src/domain/articles/article.ts';
import type { User } from '../../src/domain/users/user.ts';
import type { Dialect } from '../../src/storage/connect.ts';
import { openTestServices, type TestServices } from '../helpers/databases.ts';

export interface Fixture {
  readonly sectionId: number;
  readonly sectionSlug: string;
  readonly emptySectionSlug: string;
  readonly tagId: number;
  readonly tagSlug: string;
  readonly authorId: number;
  readonly authorSlug: string;
  readonly articleId: number;
  readonly articlePath: string;
  readonly closedArticlePath: string;
  readonly draftId: number;
  readonly commentId: number;
  readonly widgetKey: string;
  /** A word of the stories that search finds. */
  readonly searchWord: string;
}

/** Every piece of text the fixture writes, so the test can check none of it is catalogue text. */
export const FIXTURE_TEXT = {
  section: 'कखग',
  sectionLatin: 'Qwv',
  emptySection: 'घङच',
  author: 'छजझ ञटठ',
  authorLatin: 'Zyx Wvu',
  tag: 'डढण',
  headline: 'तथद धनप फबभ',
  dek: 'मयर लवश',
  paragraph: 'षसह कखग घङच छजझ',
  heading: 'ञटठ डढण',
  quote: 'तथद मयर',
  list: 'लवश षसह',
  caption: 'कखगघ ङचछ',
  credit: 'Qwv Zyx',
  alt: 'झञट ठडढ',
  widget: 'Qwv कखग',
  figure: 'णतथ',
  source: 'Zyxw',
  comment: 'दधन पफब भमय',
  commenter: 'रलव शषस',
  reply: 'हकख गघङ',
  draft: 'चछज झञट',
  correction: 'टठड ढणत',
} as const;

async function tinyPng(): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp({ create: { width: 96, height: 64, channels: 3, background: '#7a8b9c' } }).png().toBuffer();
}

export interface LanguageSite extends TestServices {
  readonly app: FastifyInstance;
  readonly fixture: Fixture;
  readonly admin: User;
}

export async function openLanguageSite(dialect: Dialect): Promise<LanguageSite> {
  const t = await openTestServices(dialect);
  try {
    const s = t.services;
    const x = FIXTURE_TEXT;
    const section = await s.sections.create({ slug: 'qwv', name: x.section, nameLatin: x.sectionLatin, description: x.paragraph, position: 0 });
    await s.sections.create({ slug: 'zyx', name: x.emptySection, nameLatin: 'Zyx', position: 1 });
    const author = await s.authors.create({ slug: 'zyx-wvu', name: x.author, nameLatin: x.authorLatin, bio: x.paragraph });
    const tag = await s.tags.findOrCreate(x.tag);
    const photo = await s.media.ingest(await tinyPng(), { alt: x.alt, caption: x.caption, credit: x.credit });
    const when = s.now();
    const day = 24 * 3600_000;
    const story = (headline: string, ago: number, commentsOpen: boolean) =>
      s.articles.create({
        sectionId: section.id,
        headline,
        dek: x.dek,
        body: {
          version: 1,
          blocks: [
            { type: 'paragraph', content: [{ text: x.paragraph }] },
            { type: 'heading', level: 2, text: x.heading },
            { type: 'image', mediaId: photo.id },
            { type: 'quote', content: [{ text: x.quote }] },
            { type: 'list', ordered: false, items: [[{ text: x.list }]] },
          ],
        },
        heroMediaId: photo.id,
        tagIds: [tag.id],
        authorIds: [author.id],
        status: 'published',
        publishedAt: new Date(when.getTime() - ago),
        updatedAt: new Date(when.getTime() - ago + 3600_000),
        createdAt: new Date(when.getTime() - ago),
        commentsOpen,
      });
    const articleId = await story(x.headline, day, true);
    const closedId = await story(`${x.headline} ${x.dek}`, 2 * day, false);
    await s.search.reindex();
    await s.widgets.save('qwv', x.widget, { rows: [{ label: x.figure, value: 4469941, delta: 12 }], source: x.source, asOf: new Date(when.getTime() - day).toISOString() });
    await s.settings.update({ sidebarWidget: 'qwv', commentModeration: 'none', commentMinSeconds: 0 });

    const { user: admin } = await s.users.create({ email: 'admin@example.test', name: x.commenter, role: 'admin', password: 'correct horse battery' });
    const draftId = await s.desk.createDraft(admin, { sectionId: section.id, headline: x.draft });
    await s.desk.update(admin, draftId, { dek: x.dek, correctionNote: x.correction });
    await s.desk.update(admin, draftId, { dek: x.quote, tagNames: [x.tag] });

    const app = await buildApp(s);
    const article = await s.articles.getPublic(articleId, s.now());
    const closed = await s.articles.getPublic(closedId, s.now());
    if (!article || !closed) throw new Error('fixture: the stories are not public');
    const post = async (fields: Record<string, string>) => {
      const token = (await app.inject({ url: `/api/comments/token?article=${articleId}` })).json() as { token: string };
      const res = await app.inject({
        method: 'POST',
        url: `${articlePath(article)}/comments`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: 'http://localhost:80', host: 'localhost:80' },
        payload: new URLSearchParams({ ...fields, token: token.token, email: `r${Math.random().toString(36).slice(2)}@example.test` }).toString(),
      });
      if (res.statusCode >= 300) throw new Error(`fixture comment: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: number }).id;
    };
    const commentId = await post({ comment: x.comment, author: x.commenter });
    const replyId = await post({ comment: x.reply, author: x.author, parent: String(commentId) });
    await post({ comment: x.reply, author: x.commenter, parent: String(replyId) });
    await s.settings.update({ commentModeration: 'all' });
    await post({ comment: `${x.comment} ${x.reply}`, author: x.author });

    const fixture: Fixture = {
      sectionId: section.id,
      sectionSlug: 'qwv',
      emptySectionSlug: 'zyx',
      tagId: tag.id,
      tagSlug: tag.slug,
      authorId: author.id,
      authorSlug: author.slug,
      articleId,
      articlePath: articlePath(article),
      closedArticlePath: articlePath(closed),
      draftId,
      commentId,
      widgetKey: 'qwv',
      searchWord: x.paragraph.split(' ')[0]!,
    };
    return {
      ...t,
      app,
      fixture,
      admin,
      async close() {
        await app.close();
        await t.close();
      },
    };
  } catch (err) {
    await t.close();
    throw err;
  }
}
