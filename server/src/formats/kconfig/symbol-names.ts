/**
 * Symbol names shared by every `.config` the server holds: a site's configs set the same ten thousand
 * symbols, so each name is kept once and a file keeps small numbers (issue 6). Names are read straight from
 * the text (no string is made for a name already known). A table takes new names up to a limit; then the
 * next files start a new one, so edits that type name after name cannot grow a table without bound (a
 * table lives as long as a file built with it).
 */
export class SymbolNames {
  private readonly list: string[] = [];
  /** Open addressing: slot → id + 1 (0: empty). */
  private slots = new Int32Array(1 << 14);
  /**
   * Per id: the id that came after it in the last file read, plus one. Configs of one kernel list their
   * symbols in the same order, so the next name is nearly always the one predicted: one comparison instead
   * of hashing the name.
   */
  private following = new Int32Array(1 << 13);

  /** How many names the table holds. */
  get size(): number {
    return this.list.length;
  }

  /** The name of an id. */
  name(id: number): string {
    return this.list[id];
  }

  /** The id of a name, -1 when the table does not hold it. */
  idOf(name: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hashString(name) & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] - 1;
      if (id < 0) return -1;
      if (this.list[id] === name) return id;
    }
  }

  /** The id of the name `text[start, end)` that follows the id `previous` (-1 for none), added when new. */
  internAfter(text: string, start: number, end: number, previous: number): number {
    if (previous >= 0) {
      const guess = this.following[previous] - 1;
      if (guess >= 0) {
        const name = this.list[guess];
        if (name.length === end - start && text.startsWith(name, start)) return guess;
      }
    }
    const id = this.intern(text, start, end);
    if (previous >= 0) {
      if (previous >= this.following.length) {
        const grown = new Int32Array(Math.max(previous + 1, this.following.length * 2));
        grown.set(this.following);
        this.following = grown;
      }
      this.following[previous] = id + 1;
    }
    return id;
  }

  /** The id of the name `text[start, end)`, added when new. */
  intern(text: string, start: number, end: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    let slot = hashRange(text, start, end) & mask;
    for (; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] - 1;
      if (id < 0) break;
      const known = this.list[id];
      if (known.length === length && text.startsWith(known, start)) return id;
    }
    const id = this.list.length;
    this.list.push(text.slice(start, end));
    this.slots[slot] = id + 1;
    if (this.list.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.list.forEach((name, id) => {
      let slot = hashString(name) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    });
    this.slots = slots;
  }
}

/** FNV-1a over UTF-16 code units. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hashString(name: string): number {
  return hashRange(name, 0, name.length);
}

/** A table's limit: a kernel has about 20,000 symbols. */
const MAX_NAMES = 1 << 16;

let current = new SymbolNames();

/** The table new files use. */
export function sharedSymbolNames(): SymbolNames {
  if (current.size >= MAX_NAMES) current = new SymbolNames();
  return current;
}
