import type { DhcpConfAst, Word } from '../../formats/dhcp/ast';
import { includePaths } from '../../formats/dhcp/recognise';
import type { DhcpFile } from './types';

/** The includes of each parsed file, found once: the walk visits every statement (a site has 100,000s). */
const INCLUDES = new WeakMap<DhcpConfAst, readonly Word[]>();

/** An include statement is written with the word `include` (any case, as every dhcpd.conf keyword). */
const INCLUDE_WORD = /include/i;

/**
 * The files a parsed dhcpd.conf includes, as written, in order (`includePaths`), found once per parse: the
 * workspace (files named by reference), the configurations and `dhcp/include-not-found` all ask. A text
 * without the word has none, and its statements are not walked (1 ms for 4 MB instead of 20).
 */
export function includesOf(file: DhcpFile): readonly Word[] {
  let found = INCLUDES.get(file.ast);
  if (!found) {
    found = INCLUDE_WORD.test(file.text) ? includePaths(file.ast) : [];
    INCLUDES.set(file.ast, found);
  }
  return found;
}
