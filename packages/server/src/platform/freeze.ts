/**
 * Freeze an answer and everything in it. The HTTP layer turns a frozen answer into JSON (and its
 * compressed bytes) once and reuses them (app.ts, platform/web-assets.ts): freeze only what a
 * cache hands to many requests unchanged.
 */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
