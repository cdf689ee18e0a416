// Spatial weights: construction, transformation, spatial lag.
export { weightsFromNeighbors, transformWeights, spatialLag, weightSums, type SpatialWeights } from './spatialWeights.js';
export { parseGal } from './parseGal.js';
export { queenContiguity, type PolygonFeature, type QueenContiguityOptions, type QueenContiguityResult } from './queenContiguity.js';
export { inverseDistanceWeights, knnWeights, type InverseDistanceOptions } from './distanceWeights.js';
export { haversineKm, EARTH_RADIUS_KM } from './haversineKm.js';
