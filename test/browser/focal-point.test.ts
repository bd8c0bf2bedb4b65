/**
 * The focal point in a real browser (issue 14, point 8): in the media library an editor
 * clicks the subject of a photo (an image button, no script) and the click's place, as
 * chromium sends it, becomes the photo's focal point; the dot moves there.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { openDemoApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, RESULTS_DIR } from '../helpers/browser.ts';
import { actor } from '../helpers/newsroom.ts';

describe('focal point in the media library (chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;

  before(async () => {
    t = await openDemoApp('sqlite');
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('a click on the photo sets its focal point and moves the dot', async () => {
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#4a7' } }).jpeg().toBuffer();
    const photo = await t.services.media.ingest(jpeg, { alt: 'फोकस परीक्षण', caption: 'फोकसपरीक्षण', credit: 'समाचार' });
    const editor = await actor(t.services, 'editor');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'samachar_session', value: editor.cookie.split('=')[1]!, url: origin }]);
    const page = await context.newPage();
    await page.goto(`${origin}/admin/media?q=${encodeURIComponent('फोकसपरीक्षण')}`);
    const button = page.locator(`form[action="/admin/media/${photo.id}/focal-point"] input[type=image]`);
    const box = (await button.boundingBox())!;
    assert.equal(Math.round(box.width), 200, 'the photo is shown in the 200 px box the server divides by');
    await Promise.all([page.waitForURL(new RegExp(`/admin/media#media-${photo.id}$`)), button.click({ position: { x: 150, y: box.height / 4 } })]);
    const focal = (await t.services.media.findById(photo.id))!.focal!;
    assert.ok(Math.abs(focal.x - 0.75) < 0.02 && Math.abs(focal.y - 0.25) < 0.02, JSON.stringify(focal));
    await page.goto(`${origin}/admin/media?q=${encodeURIComponent('फोकसपरीक्षण')}`);
    assert.equal(await page.locator(`form[action="/admin/media/${photo.id}/focal-point"] .focal-picker`).getAttribute('class'), 'focal-picker fx-75 fy-25');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'focal-point-media-library.png') });
    await context.close();
  });
});
