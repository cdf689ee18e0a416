/** Mean Earth radius R₁ = 6371.0088 km (IUGG; Moritz 1980, Geodetic Reference System 1980). */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance in km between two (longitude, latitude) points in degrees, by the haversine formula
 * (Sinnott 1984, Sky & Telescope 68:159), which stays accurate for small separations.
 *
 * @example
 * haversineKm(116.40, 39.90, 121.47, 31.23); // Beijing–Shanghai ≈ 1068 km
 */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
