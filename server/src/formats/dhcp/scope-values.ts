import type { DhcpStatement, Word } from './ast';

/** A parameter or option as set in one scope. Keys: `next-server`, `filename`, `option root-path`, … */
export interface ScopedValue {
  readonly key: string;
  readonly values: readonly Word[];
  readonly statement: DhcpStatement;
}

/** A statement's value, read from it when asked for (its words are made then: lazy-statement.ts). */
export class StatementValue implements ScopedValue {
  constructor(
    readonly key: string,
    readonly statement: DhcpStatement,
  ) {}

  get values(): readonly Word[] {
    return this.statement.values ?? [];
  }
}

/**
 * The values a declaration's body sets, as a read-only map. A host sets a handful; a `Map` and a value object
 * for each, in each of a 20,000-host file's scopes, were most of its model. Here one array holds keys and
 * statements in turn, looked through in order (a few entries), and a value object is made when one is asked
 * for. Like a `Map` filled in body order: a key set again keeps its first place and takes the last value.
 */
export class ScopeValues implements ReadonlyMap<string, ScopedValue> {
  private readonly pairs: (string | DhcpStatement)[] = [];

  /** Sets `key` to `statement`'s value. */
  put(key: string, statement: DhcpStatement): void {
    const at = this.indexOf(key);
    if (at >= 0) this.pairs[at + 1] = statement;
    else this.pairs.push(key, statement);
  }

  get size(): number {
    return this.pairs.length / 2;
  }

  get(key: string): ScopedValue | undefined {
    const at = this.indexOf(key);
    return at < 0 ? undefined : new StatementValue(key, this.pairs[at + 1] as DhcpStatement);
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  *entries(): MapIterator<[string, ScopedValue]> {
    for (let i = 0; i < this.pairs.length; i += 2) {
      const key = this.pairs[i] as string;
      yield [key, new StatementValue(key, this.pairs[i + 1] as DhcpStatement)];
    }
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.pairs.length; i += 2) yield this.pairs[i] as string;
  }

  *values(): MapIterator<ScopedValue> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, ScopedValue]> {
    return this.entries();
  }

  forEach(each: (value: ScopedValue, key: string, map: ReadonlyMap<string, ScopedValue>) => void): void {
    for (const [key, value] of this.entries()) each(value, key, this);
  }

  private indexOf(key: string): number {
    for (let i = 0; i < this.pairs.length; i += 2) if (this.pairs[i] === key) return i;
    return -1;
  }
}
