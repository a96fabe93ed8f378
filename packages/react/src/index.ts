// The generated index names every component one by one (one per element of the packages this one
// depends on), so adding a Chorus package here adds its components without hand-kept lists.
export * from './generated/index.js';
