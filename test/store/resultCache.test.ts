import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/duckdb.js';
import { openStore } from '../../src/store/openStore.js';
import { cachedValue, clearResultCache } from '../../src/store/resultCache.js';
import { tempStore, type TempStore } from '../helpers/tempStore.js';

let t: TempStore;
beforeAll(async () => {
  t = await tempStore();
});
afterAll(() => t.cleanup());

/** A compute function that counts its calls and returns a fresh value each time. */
function counter<T>(make: (call: number) => T): { calls: () => number; compute: () => Promise<T> } {
  let n = 0;
  return { calls: () => n, compute: async () => make(++n) };
}

const rowOf = async (store: Store, key: string): Promise<{ kind: string; body: string } | undefined> =>
  store.one<{ kind: string; body: string }>('SELECT kind, body FROM result_cache WHERE key = ?', [key]);

describe('cachedValue', () => {
  it('computes once, then returns the same value as a hit', async () => {
    const c = counter((n) => ({ n, label: 'first', list: [1, 2.5, null], nested: { a: 'x' } }));
    const first = await cachedValue(t.store, 'test.once', { a: 1, b: 2 }, c.compute);
    expect(first.hit).toBe(false);
    expect(c.calls()).toBe(1);
    expect(first.key).toMatch(/^[0-9a-f]{64}$/);
    const second = await cachedValue(t.store, 'test.once', { a: 1, b: 2 }, c.compute);
    expect(second.hit).toBe(true);
    expect(c.calls()).toBe(1);
    expect(second.key).toBe(first.key);
    expect(second.value).toEqual({ n: 1, label: 'first', list: [1, 2.5, null], nested: { a: 'x' } });
    // The database keeps a copy under the same key and kind.
    const row = await rowOf(t.store, first.key);
    expect(row?.kind).toBe('test.once');
    expect(JSON.parse(row?.body ?? 'null')).toEqual(first.value);
  });

  it('keys a spec by its content, not by the order its keys were written in', async () => {
    const c = counter((n) => n);
    const a = await cachedValue(t.store, 'test.order', { a: 1, b: 2, inner: { x: [1, 2], y: 'z' } }, c.compute);
    const b = await cachedValue(t.store, 'test.order', { inner: { y: 'z', x: [1, 2] }, b: 2, a: 1 }, c.compute);
    expect(b.key).toBe(a.key);
    expect(b.hit).toBe(true);
    expect(b.value).toBe(1);
    expect(c.calls()).toBe(1);
    // Array order does matter.
    const d = await cachedValue(t.store, 'test.order', { a: 1, b: 2, inner: { x: [2, 1], y: 'z' } }, c.compute);
    expect(d.key).not.toBe(a.key);
    expect(d.hit).toBe(false);
    expect(c.calls()).toBe(2);
  });

  it('gives different specs and different kinds different keys', async () => {
    const c = counter((n) => n);
    const base = await cachedValue(t.store, 'test.keys', { a: 1, b: 2 }, c.compute);
    const otherValue = await cachedValue(t.store, 'test.keys', { a: 1, b: 3 }, c.compute);
    const extraKey = await cachedValue(t.store, 'test.keys', { a: 1, b: 2, c: 0 }, c.compute);
    const otherKind = await cachedValue(t.store, 'test.keys.other', { a: 1, b: 2 }, c.compute);
    const keys = [base.key, otherValue.key, extraKey.key, otherKind.key];
    expect(new Set(keys).size).toBe(4);
    expect([base.hit, otherValue.hit, extraKey.hit, otherKind.hit]).toEqual([false, false, false, false]);
    expect([base.value, otherValue.value, extraKey.value, otherKind.value]).toEqual([1, 2, 3, 4]);
    expect(c.calls()).toBe(4);
    expect((await rowOf(t.store, otherKind.key))?.kind).toBe('test.keys.other');
  });

  it('recomputes after clearResultCache', async () => {
    const c = counter((n) => ({ n }));
    const first = await cachedValue(t.store, 'test.clear', { q: 'x' }, c.compute);
    expect((await cachedValue(t.store, 'test.clear', { q: 'x' }, c.compute)).hit).toBe(true);
    const rows = await t.store.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM result_cache');
    expect(rows?.n).toBeGreaterThan(0);
    expect(await clearResultCache(t.store)).toBe(rows?.n);
    expect(await rowOf(t.store, first.key)).toBeUndefined();
    const again = await cachedValue(t.store, 'test.clear', { q: 'x' }, c.compute);
    expect(again.hit).toBe(false);
    expect(again.key).toBe(first.key);
    expect(again.value).toEqual({ n: 2 });
    expect(c.calls()).toBe(2);
  });

  it('keeps a value in the database file across reopening it', async () => {
    const file = await tempStore();
    const other = await tempStore();
    try {
      const c = counter((n) => ({ n, at: 'first run', values: [0.1, 0.2] }));
      const first = await cachedValue(file.store, 'test.persist', { id: 7 }, c.compute);
      expect(first.hit).toBe(false);
      file.store.close();

      // Empty the in-process copy (clearing another database's cache) so that only the file can answer.
      await clearResultCache(other.store);
      const reopened = await openStore({ path: file.path });
      try {
        const row = await rowOf(reopened, first.key);
        expect(row?.kind).toBe('test.persist');
        expect(JSON.parse(row?.body ?? 'null')).toEqual({ n: 1, at: 'first run', values: [0.1, 0.2] });
        const again = await cachedValue(reopened, 'test.persist', { id: 7 }, c.compute);
        expect(again.hit).toBe(true);
        expect(again.key).toBe(first.key);
        expect(again.value).toEqual({ n: 1, at: 'first run', values: [0.1, 0.2] });
        expect(c.calls()).toBe(1);
      } finally {
        reopened.close();
      }
    } finally {
      file.cleanup();
      other.cleanup();
    }
  });
});
