/// <reference lib="dom" />
/**
 * The newsroom JSON API as the editor uses it (saves, update/discard of a live story's
 * pending version, presence, preview links). Every state-changing request carries the
 * session's CSRF token (from <meta name="csrf-token">) in `x-csrf-token`; the server
 * refuses it otherwise. Failures become ApiError with the server's message in the
 * user's language and the field it names, so the form can show it in place.
 */
import type { ArticlePatch, EditableArticle } from '../../domain/articles/article.ts';
import type { MediaListItem } from '../../domain/media/media.ts';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    /** The field the server named, e.g. `headline` or `body.blocks.3.url`. */
    readonly field: string | undefined,
    /** The whole answer, for what a refusal carries besides `error` (a 409's `current`). */
    readonly body: Record<string, unknown> | null = null,
  ) {
    super(message);
  }

  /** A 409 on a save from a stale version: who saved since, and the version to build on. */
  get conflict(): ConflictInfo | null {
    const current = this.body?.current as Partial<ConflictInfo> | undefined;
    if (this.status !== 409 || !current || typeof current.version !== 'number') return null;
    return {
      version: current.version,
      revision: typeof current.revision === 'number' ? current.revision : 0,
      updatedBy: typeof current.updatedBy === 'string' ? current.updatedBy : null,
      updatedAt: typeof current.updatedAt === 'string' ? current.updatedAt : '',
    };
  }
}

export interface ConflictInfo {
  version: number;
  revision: number;
  updatedBy: string | null;
  updatedAt: string;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; messageHi?: unknown; field?: unknown };
}

/** What a save sends besides the fields: the version it builds on and why it is sent. */
export interface SaveOptions {
  baseVersion: number;
  /** The 2.5 s autosave: stored as the working copy only, no revision. */
  autosave?: boolean;
  /** After a conflict, "keep mine": the server keeps theirs as a revision, then saves this. */
  force?: boolean;
}

export interface SaveResult {
  article: EditableArticle;
  revision: number;
  version: number;
}

export interface Presence {
  others: { name: string; since: string }[];
  version: number;
  revision: number;
}

export interface PreviewLink {
  id: number;
  createdAt: string;
  expiresAt: string;
  createdBy?: string | null;
  /** Only in the answer that created it: the server keeps a hash, never the token. */
  url?: string;
}

export class EditorApi {
  constructor(
    private readonly csrfToken: string,
    private readonly lang: 'hi' | 'en',
    /** Shown when the server cannot be reached (offline, timeout). */
    private readonly networkMessage: string,
  ) {}

  async saveArticle(id: number, patch: ArticlePatch, options: SaveOptions): Promise<SaveResult> {
    const sent = { ...patch, baseVersion: options.baseVersion, ...(options.autosave ? { autosave: true } : {}), ...(options.force ? { force: true } : {}) };
    const body = await this.request<Partial<SaveResult> & { article: EditableArticle }>('PUT', `/admin/api/articles/${id}`, JSON.stringify(sent));
    return { article: body.article, revision: body.revision ?? body.article.revision, version: body.version ?? body.article.version };
  }

  /** A live story's pending version goes to readers. */
  async applyUpdate(id: number, baseVersion: number): Promise<EditableArticle> {
    return (await this.request<{ article: EditableArticle }>('POST', `/admin/api/articles/${id}/update`, JSON.stringify({ baseVersion }))).article;
  }

  /** Drops the pending version; the answer is the live story. */
  async discard(id: number, baseVersion: number): Promise<EditableArticle> {
    return (await this.request<{ article: EditableArticle }>('POST', `/admin/api/articles/${id}/discard`, JSON.stringify({ baseVersion }))).article;
  }

  async submitUpdate(id: number, baseVersion: number): Promise<EditableArticle> {
    return (await this.request<{ article: EditableArticle }>('POST', `/admin/api/articles/${id}/submit-update`, JSON.stringify({ baseVersion }))).article;
  }

  /** "I have this story open"; answers who else has and the story's current version. */
  presence(id: number): Promise<Presence> {
    return this.request('POST', `/admin/api/articles/${id}/presence`, '{}');
  }

  async getArticle(id: number): Promise<EditableArticle> {
    return (await this.request<{ article: EditableArticle }>('GET', `/admin/api/articles/${id}`)).article;
  }

  /** Published stories that could be this one's translation, by headline or number. */
  async translationCandidates(id: number, q: string): Promise<{ id: number; headline: string; sectionName: string }[]> {
    return (await this.request<{ stories: { id: number; headline: string; sectionName: string }[] }>('GET', `/admin/api/articles/${id}/translation-candidates?${new URLSearchParams({ q }).toString()}`)).stories;
  }

  /** Links the story with `translationId` both ways (null unlinks); applies at once. */
  async linkTranslation(id: number, translationId: number | null): Promise<EditableArticle> {
    return (await this.request<{ article: EditableArticle }>('PUT', `/admin/api/articles/${id}/translation`, JSON.stringify({ translationId }))).article;
  }

  async createPreviewLink(id: number): Promise<PreviewLink> {
    return (await this.request<{ link: PreviewLink }>('POST', `/admin/api/articles/${id}/preview-links`, '{}')).link;
  }

  async listPreviewLinks(id: number): Promise<PreviewLink[]> {
    return (await this.request<{ links: PreviewLink[] }>('GET', `/admin/api/articles/${id}/preview-links`)).links;
  }

  async revokePreviewLink(id: number, linkId: number): Promise<void> {
    await this.request<null>('POST', `/admin/api/articles/${id}/preview-links/${linkId}/revoke`, '{}');
  }

  async transition(id: number, to: EditableArticle['status']): Promise<EditableArticle> {
    const body = await this.request<{ article: EditableArticle }>('POST', `/admin/api/articles/${id}/transition`, JSON.stringify({ to }));
    return body.article;
  }

  listMedia(q: string, signal?: AbortSignal): Promise<{ items: MediaListItem[]; total: number }> {
    return this.request('GET', `/admin/api/media?${new URLSearchParams({ q, page: '1' }).toString()}`, undefined, signal);
  }

  async uploadMedia(form: FormData): Promise<MediaListItem> {
    const body = await this.request<{ media: MediaListItem }>('POST', '/admin/api/media', form);
    return body.media;
  }

  private async request<T>(method: string, url: string, body?: string | FormData, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    // FormData sets its own multipart content type, boundary included.
    if (typeof body === 'string') headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body: body ?? null, credentials: 'same-origin', ...(signal ? { signal } : {}) });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(this.networkMessage, 0, 'NETWORK', undefined);
    }
    // 204: done, nothing to say (revoking a link).
    if (response.status === 204) return null as T;
    const json = (await response.json().catch(() => null)) as (T & ErrorBody) | null;
    if (response.ok && json) return json;
    const e = json?.error;
    const message = (this.lang === 'hi' ? e?.messageHi : e?.message) ?? e?.message;
    throw new ApiError(
      typeof message === 'string' ? message : `HTTP ${response.status}`,
      response.status,
      typeof e?.code === 'string' ? e.code : 'HTTP',
      typeof e?.field === 'string' ? e.field : undefined,
      json && typeof json === 'object' ? (json as Record<string, unknown>) : null,
    );
  }
}

export function csrfTokenOf(doc: Document): string {
  return doc.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
}
