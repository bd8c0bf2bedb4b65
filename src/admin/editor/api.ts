/// <reference lib="dom" />
/**
 * The newsroom JSON API as the editor uses it. Every state-changing request carries the
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
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; messageHi?: unknown; field?: unknown };
}

export class EditorApi {
  constructor(
    private readonly csrfToken: string,
    private readonly lang: 'hi' | 'en',
    /** Shown when the server cannot be reached (offline, timeout). */
    private readonly networkMessage: string,
  ) {}

  async saveArticle(id: number, patch: ArticlePatch & { baseRevision?: number }): Promise<EditableArticle> {
    const body = await this.request<{ article: EditableArticle }>('PUT', `/admin/api/articles/${id}`, JSON.stringify(patch));
    return body.article;
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
    const json = (await response.json().catch(() => null)) as (T & ErrorBody) | null;
    if (response.ok && json) return json;
    const e = json?.error;
    const message = (this.lang === 'hi' ? e?.messageHi : e?.message) ?? e?.message;
    throw new ApiError(
      typeof message === 'string' ? message : `HTTP ${response.status}`,
      response.status,
      typeof e?.code === 'string' ? e.code : 'HTTP',
      typeof e?.field === 'string' ? e.field : undefined,
    );
  }
}

export function csrfTokenOf(doc: Document): string {
  return doc.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
}
