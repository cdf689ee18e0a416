/** Number formats of the CBAM tables: tonnes of CO2e and euros to the cent, intensities to four decimals. */
import type { Lang } from '../../../../src/server/apiTypes.js';
import { formatExact, formatFixed } from '../../format.js';

/** tCO2e and certificates: two decimals, so a column lines up. */
export const tco2 = (v: number, lang: Lang): string => formatFixed(v, lang, 2);
/** Euros to the cent. */
export const eur = (v: number, lang: Lang): string => formatFixed(v, lang, 2);
/** tCO2e per tonne and tonnes as given, at most four decimals (default values are published with up to three). */
export const exact = (v: number, lang: Lang): string => formatExact(Math.round(v * 10_000) / 10_000, lang);
