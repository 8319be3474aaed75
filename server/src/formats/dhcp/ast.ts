import type { Span } from '../../core/text';

/**
 * The syntax tree of a dhcpd.conf (dhcpd.conf(5)): statements ending in `;` and declarations with a
 * `{ … }` body, nested. Every node keeps its span; the parser never throws and reports what dhcpd would
 * reject as `DhcpIssue`s.
 */

/** A token of a statement as written: a name, number, address, MAC, host name, string or punctuation. */
export interface Word {
  readonly text: string;
  readonly span: Span;
  /** `string` for a quoted string (`text` is then its decoded content), `atom` for a bare word. */
  readonly kind: 'string' | 'atom' | 'punct';
}

/** An IPv4 address as written, with its value when it is a well-formed dotted quad. */
export interface AddressValue {
  readonly text: string;
  readonly span: Span;
  readonly value: number | undefined;
}

/** The kinds of statement the parser tells apart. */
export type DhcpStatementKind =
  | 'subnet'
  | 'shared-network'
  | 'group'
  | 'host'
  | 'pool'
  | 'class'
  | 'subclass'
  | 'failover'
  | 'key'
  | 'zone'
  | 'on'
  | 'if'
  | 'elsif'
  | 'else'
  | 'option'
  | 'option-definition'
  | 'option-space'
  | 'parameter'
  | 'range'
  | 'hardware'
  | 'fixed-address'
  | 'include'
  | 'other';

/** The declarations that open a scope of parameters (dhcpd.conf(5), "DECLARATIONS"). */
export const SCOPE_KINDS: readonly DhcpStatementKind[] = [
  'subnet',
  'shared-network',
  'group',
  'host',
  'pool',
  'class',
  'subclass',
];

/** One statement or declaration. Fields beyond the common ones are set by kind. */
export interface DhcpStatement {
  readonly kind: DhcpStatementKind;
  /** From the first word to the `;` or the closing `}`. */
  readonly span: Span;
  /** The first word (`subnet`, `host`, `option`, `next-server`, …). */
  readonly keyword: Word;
  /** Every word of the head after the keyword, up to the `;` or `{`. */
  readonly words: readonly Word[];
  /** The statements inside `{ … }`, for declarations. */
  readonly body?: readonly DhcpStatement[];
  /** The braces of the body, `{` to `}` inclusive (to the end of the file when `}` is missing). */
  readonly bodySpan?: Span;
  /** subnet: its network number and mask; range: low and high; fixed-address: every address. */
  readonly addresses?: readonly AddressValue[];
  /** The declared name: host, shared-network, class, subclass's class, failover peer, key, zone, option space. */
  readonly name?: Word;
  /** option and option-definition: the option as written, resolved to its space. */
  readonly option?: OptionRef;
  /** parameter: the server parameter's name (`next-server`, `filename`, `default-lease-time`, …). */
  readonly parameter?: string;
  /** hardware: the hardware type and the address as written, normalised when well-formed. */
  readonly hardware?: {
    readonly type: Word | undefined;
    readonly address: Word | undefined;
    readonly mac?: string;
  };
  /** The values of an option or parameter, as words (strings decoded). */
  readonly values?: readonly Word[];
  /** option-definition: the code and the type as written. */
  readonly definition?: { readonly code: number | undefined; readonly type: string; readonly format: string };
  /** include: the file named. */
  readonly path?: Word;
  /** range: whether `dynamic-bootp` was given. */
  readonly dynamicBootp?: boolean;
  /**
   * other (an unknown first word): the keyword it probably meant, among those with which the statement
   * reads without a syntax error where it stands.
   */
  readonly suggestion?: string;
}

/** An option name as written (`PXE.mtftp-ip`, `routers`), with the space it belongs to. */
export interface OptionRef {
  readonly space: string;
  readonly name: string;
  readonly span: Span;
}

/** What an issue is about: the rule layer turns each kind into its rule ID. */
export type DhcpIssueKind = 'syntax' | 'undeclared-option' | 'invalid-address' | 'invalid-mac';

/** A replacement that fixes an issue. */
export interface IssueFix {
  readonly title: string;
  readonly span: Span;
  readonly newText: string;
}

/** A problem found while parsing: everything here is something `dhcpd -t` rejects. */
export interface DhcpIssue {
  readonly span: Span;
  readonly message: string;
  readonly kind: DhcpIssueKind;
  readonly fix?: IssueFix;
}

/** A declared option (`option NAME code N = TYPE;`) or option space, with where it was declared. */
export interface DeclaredOption {
  readonly space: string;
  readonly name: string;
  readonly code: number | undefined;
  readonly type: string;
  readonly format: string;
  readonly span: Span;
}

/** The parse result: never thrown, always a tree and its issues. */
export interface DhcpConfAst {
  readonly statements: readonly DhcpStatement[];
  readonly issues: readonly DhcpIssue[];
  readonly comments: readonly Span[];
  /** Options this file declares, in order. */
  readonly declaredOptions: readonly DeclaredOption[];
  /** Option spaces this file declares (`option space NAME;`). */
  readonly declaredSpaces: readonly Word[];
  /** The files this file includes (`include "FILE";`), as written, in order. */
  readonly includes: readonly Word[];
}
