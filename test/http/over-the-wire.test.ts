/**
 * Bad requests over a real socket, where Node's HTTP parser answers before Fastify:
 * they still get a Hindi page with the right status, and the server keeps serving.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { openDemoApp, type TestApp } from '../helpers/app.ts';

function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => (data += d));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    socket.write(request);
  });
}

describe('bad requests over the wire', () => {
  let t: TestApp;
  let port: number;
  before(async () => {
    t = await openDemoApp('sqlite');
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  after(() => t.close());

  test('a 20 KB URL gets 431 with a Hindi page', async () => {
    const res = await raw(port, `GET /${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    assert.match(res, /^HTTP\/1\.1 431 /);
    assert.match(res, /<html lang="hi"/);
    assert.match(res, /अनुरोध बहुत बड़ा है/);
  });

  test('a 5 KB URL gets 414 with a Hindi page', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/${'x'.repeat(5_000)}`);
    assert.equal(res.status, 414);
    assert.match(await res.text(), /पता बहुत लंबा है/);
  });

  test('a malformed request line gets 400 with a Hindi page', async () => {
    const res = await raw(port, 'GARBAGE\r\n\r\n');
    assert.match(res, /^HTTP\/1\.1 400 /);
    assert.match(res, /गलत अनुरोध/);
  });

  test('raw invalid UTF-8 bytes in the path get 400, and the server keeps serving', async () => {
    const socket = net.connect(port, '127.0.0.1');
    const res = await new Promise<string>((resolve, reject) => {
      let data = '';
      socket.on('data', (d) => (data += d.toString('latin1')));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
      socket.write(Buffer.concat([Buffer.from('GET /videsh/'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from(' HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')]));
    });
    assert.match(res, /^HTTP\/1\.1 400 /);
    assert.match(res, /<html lang="hi"/);
    const ok = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(ok.status, 200);
  });
});
