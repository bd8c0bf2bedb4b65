/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers or URL over
 * 16 KB, malformed request lines): they still get a Hindi error page instead of
 * Node's empty answer. The page needs no database, so it is rendered once.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { catalogueEntry, type ErrorCode } from '../../errors.ts';
import type { AssetUrls } from '../../render/chrome.ts';
import { renderErrorPage } from '../../render/pages/error-page.tsx';
import type { Services } from '../../services.ts';
import { fallbackChrome } from '../site/page-context.ts';

export function createClientErrorHandler(services: Services, assets: AssetUrls) {
  const pages = new Map<ErrorCode, Buffer>();
  const page = (code: ErrorCode) => {
    let body = pages.get(code);
    if (!body) {
      body = Buffer.from(renderErrorPage({ chrome: fallbackChrome(services, assets, services.now()), entry: catalogueEntry(code) }));
      pages.set(code, body);
    }
    return body;
  };
  return (error: Error & { code?: string }, socket: Socket) => {
    // A reset or closed connection has no one left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'REQUEST_TOO_LARGE' : 'BAD_REQUEST';
    const status = catalogueEntry(code).status;
    const body = page(code);
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${body.length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body.toString('utf8')}`,
    );
  };
}
