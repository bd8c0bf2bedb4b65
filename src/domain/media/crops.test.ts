/**
 * Crop geometry and derived-image names (issue 14, point 8): the crop keeps the focal
 * point in frame without leaving the photo; names Samachar never makes are refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cropOutputSize, cropPath, cropRect, focalClasses, parseCropName, parseLogoName, parseShareCardName } from './crops.ts';
import { parseFocalPoint } from './media.ts';

describe('cropRect', () => {
  it('is the largest rectangle of the ratio, centred on the focal point', () => {
    assert.deepEqual(cropRect(2000, 1500, '1x1', { x: 0.5, y: 0.5 }), { left: 250, top: 0, width: 1500, height: 1500 });
    assert.deepEqual(cropRect(2000, 1500, '1x1', { x: 0.6, y: 0.5 }), { left: 450, top: 0, width: 1500, height: 1500 });
    assert.deepEqual(cropRect(2000, 1500, '16x9', { x: 0.5, y: 0.1 }), { left: 0, top: 0, width: 2000, height: 1125 });
    assert.deepEqual(cropRect(2000, 1500, '16x9', { x: 0.5, y: 0.9 }), { left: 0, top: 375, width: 2000, height: 1125 });
  });
  it('stops at the edges: a subject in a corner stays in frame, the crop never leaves the photo', () => {
    assert.deepEqual(cropRect(2000, 1500, '1x1', { x: 1, y: 1 }), { left: 500, top: 0, width: 1500, height: 1500 });
    assert.deepEqual(cropRect(2000, 1500, '1x1', { x: 0, y: 0 }), { left: 0, top: 0, width: 1500, height: 1500 });
    for (const ratio of ['16x9', '4x3', '1x1', '1200x630'] as const) {
      for (const [w, h] of [[480, 2000], [2400, 300], [1, 1], [1200, 630]]) {
        for (const f of [0, 0.33, 1]) {
          const r = cropRect(w!, h!, ratio, { x: f, y: 1 - f });
          assert.ok(r.left >= 0 && r.top >= 0 && r.left + r.width <= w! && r.top + r.height <= h! && r.width >= 1 && r.height >= 1, `${ratio} ${w}×${h} ${f}`);
        }
      }
    }
  });
  it('outputs 1200 px when the photo allows, never enlarged; the share image always 1200×630', () => {
    const big = { width: 3000, height: 2000, variantWidths: [480, 960, 1440, 2400] };
    assert.deepEqual(cropOutputSize(big, '16x9'), { width: 1200, height: 675 });
    assert.deepEqual(cropOutputSize(big, '1x1'), { width: 1200, height: 1200 });
    const small = { width: 800, height: 600, variantWidths: [480, 800] };
    assert.deepEqual(cropOutputSize(small, '4x3'), { width: 800, height: 600 });
    assert.deepEqual(cropOutputSize(small, '1x1'), { width: 600, height: 600 });
    assert.deepEqual(cropOutputSize(small, '1200x630'), { width: 1200, height: 630 });
  });
});

describe('names', () => {
  it('a crop names its photo, ratio and focal point; only such names parse', () => {
    assert.equal(cropPath({ id: 7, focal: { x: 0.25, y: 0.8 } }, '4x3'), '/media/crop/7-4x3-2500-8000.jpg');
    assert.deepEqual(parseCropName('7-4x3-2500-8000.jpg'), { id: 7, ratio: '4x3', x: 2500, y: 8000 });
    for (const bad of ['7-4x3-2500-8000.png', '0-4x3-1-1.jpg', '7-3x2-1-1.jpg', '7-4x3-10001-1.jpg', '../7-4x3-1-1.jpg', '99999999999-1x1-1-1.jpg', '7-1x1-1-1.jpg/..']) {
      assert.equal(parseCropName(bad), null, bad);
    }
    assert.equal(parseShareCardName('12-0123456789abcdef.png')?.id, 12);
    assert.equal(parseShareCardName('12-0123456789ABCDEF.png'), null);
    assert.equal(parseLogoName('0123456789abcdef.png'), '0123456789abcdef');
    assert.equal(parseLogoName('x.png'), null);
  });
  it('card classes place the focal point in 5 % steps', () => {
    assert.equal(focalClasses({ focal: { x: 0.25, y: 0.8 } }), 'fx-25 fy-80');
    assert.equal(focalClasses({}), 'fx-50 fy-50');
    assert.equal(focalClasses({ focal: { x: 0.03, y: 1 } }), 'fx-5 fy-100');
  });
  it('focal points: two numbers in 0..1, nothing else', () => {
    assert.deepEqual(parseFocalPoint({ x: 0.123456, y: '0.5' }), { x: 0.1235, y: 0.5 });
    for (const bad of [{ x: NaN, y: 0 }, { x: 2, y: 0 }, { x: '1e0', y: 0 }, { x: ' ', y: 0 }, {}, null, [], 'x']) assert.throws(() => parseFocalPoint(bad), /INVALID_INPUT|x|y|focal/);
  });
});
