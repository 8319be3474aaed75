import type { DhcpConfAst, Word } from '../../formats/dhcp/ast';
import { includePaths } from '../../formats/dhcp/recognise';

/** The includes of each parsed file, found once: the walk visits every statement (a site has 100,000s). */
const INCLUDES = new WeakMap<DhcpConfAst, readonly Word[]>();

/**
 * The files a parsed dhcpd.conf includes, as written, in order (`includePaths`), walked once per parse: the
 * workspace (files named by reference), the configurations and `dhcp/include-not-found` all ask.
 */
export function includesOf(ast: DhcpConfAst): readonly Word[] {
  let found = INCLUDES.get(ast);
  if (!found) {
    found = includePaths(ast);
    INCLUDES.set(ast, found);
  }
  return found;
}
