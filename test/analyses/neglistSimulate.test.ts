import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateEdition } from '../../src/analyses/neglist/simulate.js';
import { createApp } from '../../src/server/app.js';
import { tempStore, type TempStore } from '../helpers/tempStore.js';

let t: TempStore;
let app: Hono;
beforeAll(async () => {
  t = await tempStore();
  app = createApp({ store: t.store });
});
afterAll(() => t.cleanup());

describe('the what-if simulator', () => {
  it('removing a measure lowers its sector by its contribution; the official list is untouched', async () => {
    const base = await simulateEdition(t.store, { edition: 'cn-fdi-national-2021' });
    expect(base.simulated.total).toBe(base.baseline.total);
    const target = base.contributions.find((c) => c.components.includes('equity_cap'))!;
    const r = await simulateEdition(t.store, { edition: 'cn-fdi-national-2021', remove: [target.measure] });
    expect(r.simulated.total).toBeCloseTo(r.baseline.total - target.total, 12);
    // Relaxing every component of a measure is the same as removing it.
    const relaxed = await simulateEdition(t.store, { edition: 'cn-fdi-national-2021', relax: [{ measure: target.measure, kinds: ['equity_cap', 'prohibition', 'management_nationality', 'local_presence', 'licence_or_quota', 'performance_requirement'] }] });
    expect(relaxed.simulated.total).toBeCloseTo(r.simulated.total, 12);
    expect((await simulateEdition(t.store, { edition: 'cn-fdi-national-2021' })).baseline.total).toBe(base.baseline.total);
    expect((await simulateEdition(t.store, { edition: 'cn-fdi-national-2021', remove: ['nope#1'] })).unknownMeasures).toEqual(['nope#1']);
  });

  it('saves scenarios as versions over HTTP', async () => {
    const body = JSON.stringify({ edition: 'cn-fdi-national-2021', remove: ['cn-fdi-national-2021#6'] });
    expect((await app.request('/api/neglist/scenarios/open-printing', { method: 'POST', body })).status).toBe(201);
    const again = await app.request('/api/neglist/scenarios/open-printing', { method: 'POST', body });
    expect(await again.json()).toEqual({ name: 'open-printing', version: 2 });
    const sim = await app.request('/api/neglist/simulate', { method: 'POST', body });
    expect(sim.status).toBe(200);
  });
});
