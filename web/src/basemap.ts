/** The province base map from `api/basemap`, reduced to what the dashboard needs besides the shapes. */

export interface BasemapInfo {
  /** the GeoJSON with `properties.code` guaranteed on every feature */
  readonly geojson: unknown;
  /** centre point `[lon, lat]` per GB/T 2260 code, where markers go */
  readonly centres: ReadonlyMap<string, readonly [number, number]>;
  /** names for features that are not in `api/regions` (Hong Kong, Macao, Taiwan) */
  readonly names: ReadonlyMap<string, { readonly zh: string; readonly en: string }>;
}

interface Feature {
  id?: unknown;
  properties?: Record<string, unknown> | null;
}

function isPoint(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}

/**
 * Read the centres and names, and make sure each feature has `properties.code`: the map series matches data
 * to shapes by that property. A deployer's replacement map may only carry `id`, so fall back to it.
 */
export function readBasemap(raw: unknown): BasemapInfo {
  const centres = new Map<string, readonly [number, number]>();
  const names = new Map<string, { zh: string; en: string }>();
  const features: Feature[] =
    typeof raw === 'object' && raw !== null && Array.isArray((raw as { features?: unknown }).features)
      ? ((raw as { features: Feature[] }).features)
      : [];
  const copy = {
    ...(raw as object),
    features: features.map((f) => {
      const p = f.properties ?? {};
      const code = String(p['code'] ?? p['id'] ?? f.id ?? '');
      const cp = p['cp'];
      if (code && isPoint(cp)) centres.set(code, [cp[0], cp[1]]);
      const zh = typeof p['name'] === 'string' ? p['name'] : code;
      const en = typeof p['name_en'] === 'string' ? p['name_en'] : zh;
      if (code) names.set(code, { zh, en });
      return { ...f, properties: { ...p, code } };
    }),
  };
  return { geojson: copy, centres, names };
}
