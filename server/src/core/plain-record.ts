import type { Span } from './text';

/**
 * Constructors for the nodes of a syntax tree that make plain objects: the prototype is `Object.prototype`
 * and the fields are set in a fixed order, so a node is the object literal it replaces (the same keys in
 * the same order, equal to it under `assert.deepStrictEqual`, the same JSON), but it is made by `new`.
 *
 * Why not the literal: V8 notes where object and array literals are allocated ("allocation sites") and,
 * once most objects of a site outlive a minor collection, allocates that site's next objects straight into
 * the old generation ("pretenuring"). A parser run again and again (every edit, every pass of the benchmark)
 * then fills the old generation with trees that die young, and each full collection costs more than the
 * copies it saved. Objects made by `new` carry no allocation site, so they are never pretenured. Measured
 * (docs/performance.md): reading the benchmark's exports file, six alternated runs each on the same machine,
 * 22.1 MB/s with literal nodes and 39.6 MB/s with these; `node --no-allocation-site-pretenuring` gives a like
 * gain to the literal nodes.
 */

/** `T` with its fields writable: the `this` of a record's initialiser. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A constructor of plain records from `init`, which sets every field of a record (all of them, always in
 * the same order, `undefined` included: a record's shape must not depend on its values).
 */
export function plainRecord<A extends unknown[], T extends object>(
  init: (this: T, ...args: A) => void,
): new (...args: A) => T {
  init.prototype = Object.prototype;
  return init as unknown as new (...args: A) => T;
}

/** A span as a plain record (`{ start, end }`). */
export const SpanRecord = plainRecord(function (this: Writable<Span>, start: number, end: number) {
  this.start = start;
  this.end = end;
});
