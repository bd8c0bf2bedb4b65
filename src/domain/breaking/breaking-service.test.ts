/**
 * The banner's expiry timer on every database: a process that has read a banner purges
 * the pages showing it at its expiry by itself (no scheduler tick), exactly once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, openTestServices, type TestServices } from '../../../test/helpers/databases.ts';
import { contentTags } from '../changes/content-tags.ts';

for (const dialect of DIALECTS) {
  describe(`breaking news expiry timer (${dialect})`, () => {
    let t: TestServices;
    let clock: NodeJS.Timeout;

    before(async () => {
      t = await openTestServices(dialect);
      // The service's clock follows real time here, so its timer and its clock agree.
      t.setNow(new Date());
      clock = setInterval(() => t.setNow(new Date()), 5);
    });
    after(async () => {
      clearInterval(clock);
      await t.close();
    });

    /** Counts `breaking` changes; `next` resolves at the next one. */
    function breakingChanges(): { count: () => number; next: () => Promise<void> } {
      let n = 0;
      let wake: (() => void) | null = null;
      t.services.changes.subscribe((change) => {
        if ('tags' in change && change.tags.includes(contentTags.breaking)) {
          n++;
          wake?.();
        }
      });
      return {
        count: () => n,
        next: () =>
          new Promise<void>((resolve) => {
            wake = resolve;
          }),
      };
    }

    test('the timer removes the banner at its expiry and purges once', async () => {
      const changes = breakingChanges();
      const expiresAt = new Date(Date.now() + 300);
      await t.services.breaking.set({ text: 'जल्द हटने वाली खबर', expiresAt });
      assert.equal(changes.count(), 1, 'setting purges');
      const expired = changes.next();
      assert.equal((await t.services.breaking.current(t.services.now()))?.text, 'जल्द हटने वाली खबर', 'reading it sets the timer');
      await expired;
      assert.ok(Date.now() >= expiresAt.getTime(), 'not before the expiry');
      assert.equal(changes.count(), 2, 'the expiry purged once');
      assert.equal(await t.services.breaking.stored(), null, 'and removed the row');
      assert.equal(await t.services.breaking.expireDue(), false, 'nothing left for the job');
      assert.equal(await t.services.breaking.current(t.services.now()), null);
    });
  });
}
