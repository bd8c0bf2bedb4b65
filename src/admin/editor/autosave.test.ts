import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Autosave, type SaveMode } from './autosave.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('saves once after the pause, not on every change', async () => {
  let saves = 0;
  const autosave = new Autosave(async () => {
    saves++;
    return true;
  }, 20);
  autosave.changed();
  autosave.changed();
  autosave.changed();
  assert.equal(saves, 0);
  assert.ok(autosave.pending);
  await tick(60);
  assert.equal(saves, 1);
  assert.ok(!autosave.pending);
});

test('saves never overlap; a save with nothing new is skipped; a failure is retried', async () => {
  let running = 0;
  let calls = 0;
  let fail = false;
  const autosave = new Autosave(async () => {
    calls++;
    running++;
    assert.equal(running, 1, 'overlapping saves');
    await tick(10);
    running--;
    return !fail;
  }, 1000);
  autosave.changed();
  const first = autosave.now();
  await tick(2);
  autosave.changed(); // typed while the first save is out
  const second = autosave.now();
  assert.deepEqual(await Promise.all([first, second]), [true, true]);
  assert.equal(calls, 2);
  assert.equal(await autosave.now(), true);
  assert.equal(calls, 2, 'nothing new: no request');

  fail = true;
  autosave.changed();
  assert.equal(await autosave.now(), false);
  assert.ok(autosave.pending, 'a failed save leaves the changes pending');
  fail = false;
  assert.equal(await autosave.now(), true);
  assert.equal(calls, 4);
});

test('the pause sends an autosave; Ctrl+S after it still sends an explicit save, once', async () => {
  const modes: SaveMode[] = [];
  const autosave = new Autosave(async (mode) => {
    modes.push(mode);
    return true;
  }, 10);
  autosave.changed();
  await tick(40);
  assert.deepEqual(modes, ['auto']);
  assert.equal(await autosave.now(), true);
  assert.deepEqual(modes, ['auto', 'explicit'], 'the working copy becomes the saved version');
  assert.equal(await autosave.now(), true);
  assert.deepEqual(modes, ['auto', 'explicit'], 'nothing new since the explicit save: no request');
});

test('a page opened on a working copy sends its first explicit save even with nothing typed', async () => {
  const modes: SaveMode[] = [];
  const autosave = new Autosave(async (mode) => (modes.push(mode), true), 10, true);
  assert.equal(await autosave.now(), true);
  assert.deepEqual(modes, ['explicit']);
});

test('paused (a conflict is open): nothing is sent, changes stay pending; resumed, the pause saves them', async () => {
  const modes: SaveMode[] = [];
  const autosave = new Autosave(async (mode) => (modes.push(mode), true), 10);
  autosave.pause();
  autosave.changed();
  await tick(40);
  assert.equal(await autosave.now(), false);
  assert.deepEqual(modes, []);
  assert.ok(autosave.pending);
  autosave.resume();
  await tick(40);
  assert.deepEqual(modes, ['auto']);
  assert.ok(!autosave.pending);
  autosave.changed();
  autosave.markSaved();
  assert.ok(!autosave.pending, 'a save made outside the queue counts');
});
