import type { DeclaredOption, DhcpConfAst } from './ast';
import { BUILTIN_SPACES, DHCP_OPTIONS } from './options';
import type { DhcpOptionSpec } from './options';

/**
 * The options one file may use: dhcpd's own (options.ts) plus those the file declares with
 * `option space NAME;` and `option NAME code N = TYPE;`, in the order dhcpd reads them. dhcpd looks names
 * up without regard to case (common/tables.c: `do_case_hash`).
 */

/** An option as the table knows it: a standard one, or one the file declared. */
export interface KnownOption {
  readonly space: string;
  readonly name: string;
  readonly code: number | undefined;
  readonly format: string;
  /** The type as written in the declaration, for declared options. */
  readonly declaredType?: string;
  readonly spec?: DhcpOptionSpec;
  readonly declared?: DeclaredOption;
}

/** How an option name as written resolves. */
export interface OptionLookup {
  readonly space: string;
  readonly name: string;
  readonly spaceKnown: boolean;
  readonly option: KnownOption | undefined;
}

/** The option table of one file while it is read (mutable) and after (for features). */
export class DhcpOptionTable {
  private readonly spaces = new Map<string, string>();
  private readonly options = new Map<string, KnownOption>();

  constructor() {
    for (const s of BUILTIN_SPACES) this.spaces.set(s, s);
    for (const spec of DHCP_OPTIONS) {
      if (spec.space === 'server' && spec.name === 'server-identifier') continue;
      this.options.set(key(spec.space, spec.name), {
        space: spec.space,
        name: spec.name,
        code: spec.code,
        format: spec.format,
        spec,
      });
    }
  }

  /** Splits `space.name` (or a plain DHCP option name) and looks it up. */
  resolve(written: string): OptionLookup {
    const dot = written.indexOf('.');
    const space = dot > 0 ? written.slice(0, dot) : 'dhcp';
    const name = dot > 0 ? written.slice(dot + 1) : written;
    const spaceKnown = this.spaces.has(space.toLowerCase());
    return { space, name, spaceKnown, option: this.options.get(key(space, name)) };
  }

  /** Adds an option space. */
  /** A view that reads this table but ignores declarations: for trial readings that must leave no trace. */
  scratch(): DhcpOptionTable {
    const view = Object.create(this) as DhcpOptionTable;
    view.declare = () => undefined;
    view.declareSpace = () => undefined;
    return view;
  }

  declareSpace(name: string): void {
    this.spaces.set(name.toLowerCase(), name);
  }

  /** Whether an option space is known. */
  hasSpace(name: string): boolean {
    return this.spaces.has(name.toLowerCase());
  }

  /** Adds (or replaces) a declared option. */
  declare(d: DeclaredOption): void {
    this.options.set(key(d.space, d.name), {
      space: d.space,
      name: d.name,
      code: d.code,
      format: d.format,
      declaredType: d.type,
      declared: d,
    });
  }

  /** Every option of a space (for completion). */
  optionsOf(space: string): KnownOption[] {
    return [...this.options.values()].filter((o) => o.space.toLowerCase() === space.toLowerCase());
  }

  /** The names of every known space, as written. */
  spaceNames(): string[] {
    return [...this.spaces.values()];
  }

  /** Every option name as it is written in a file (`routers`, `PXE.mtftp-ip`). */
  writtenNames(): string[] {
    return [...this.options.values()]
      .filter((o) => o.space !== 'server')
      .map((o) => (o.space === 'dhcp' ? o.name : `${o.space}.${o.name}`));
  }
}

function key(space: string, name: string): string {
  return `${space.toLowerCase()}.${name.toLowerCase()}`;
}

/** The option table of a parsed file: the standard options plus every declaration in it. */
export function optionTableOf(ast: DhcpConfAst): DhcpOptionTable {
  const table = new DhcpOptionTable();
  for (const s of ast.declaredSpaces) table.declareSpace(s.text);
  for (const d of ast.declaredOptions) table.declare(d);
  return table;
}

/** Says a format in words (`array of ip-address`, `{ ip-address, text }`). */
export function describeFormat(format: string): string {
  const words: Record<string, string> = {
    I: 'ip-address',
    '6': 'ip6-address',
    t: 'text',
    X: 'string',
    B: 'unsigned integer 8',
    S: 'unsigned integer 16',
    L: 'unsigned integer 32',
    b: 'signed integer 8',
    s: 'signed integer 16',
    l: 'signed integer 32',
    T: 'lease time (seconds or infinite)',
    f: 'boolean',
    d: 'domain-name',
    D: 'domain-list',
    U: 'option space name',
    N: 'one of a set of names',
    Z: 'no value',
  };
  const parts: string[] = [];
  let array = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === 'A' || c === 'a') array = c;
    else if (c === 'E') {
      const end = format.indexOf('.', i);
      const space = format.slice(i + 1, end < 0 ? format.length : end);
      parts.push(space ? `encapsulate ${space}` : 'encapsulated vendor options');
      i = end < 0 ? format.length : end;
    } else if (c === 'N') i = format.indexOf('.', i) < 0 ? format.length : format.indexOf('.', i);
    else if (words[c]) parts.push(words[c]);
    if (c === 'N') parts.push(words.N);
  }
  if (array === 'a' && parts.length > 1)
    return `${parts.slice(0, -1).join(', ')}, then array of ${parts[parts.length - 1]}`;
  const record = parts.length > 1 ? `{ ${parts.join(', ')} }` : (parts[0] ?? 'no value');
  return array ? `array of ${record}` : record;
}
