import { buildBootEntries } from '../../formats/grub/model';
import { parseGrubMenu } from '../../formats/grub/parser';
import { isGrubLegacyPath, looksLikeGrubLegacy, recogniseGrubLegacy } from '../../formats/grub/recognise';
import { checkGrubFile, checkGrubSet, isGrubFile } from '../../rules/grub';
import type { GrubFile } from '../../rules/grub';
import type { FormatAnalyser } from '../format-registry';
import type { SiteContext } from '../analysed-file';
import { hostOf } from '../hosts';
import type { GrubFileExists } from '../../rules/grub';

/**
 * The workspace entry of GRUB legacy menus (menu.lst, grub.conf, pxegrub `grub/<host>.conf`). Files the
 * menus load are looked up in the site's file map (`grub/missing-file`) where the topology says where
 * they are: `(nd)` and menus inside a host's `tftpRoot` read from that `tftpRoot`.
 */
export const GRUB_ANALYSER: FormatAnalyser = {
  id: 'grub-legacy',
  languageId: 'grub-legacy',
  syntaxRule: 'grub/syntax',
  matchesPath: isGrubLegacyPath,
  recognise: recogniseGrubLegacy,
  matchesContent: looksLikeGrubLegacy,
  // Nothing outside the text changes how a menu reads.
  contextKey: () => '',
  analyse(uri, text): GrubFile {
    const ast = parseGrubMenu(text);
    return { uri, text, format: 'grub-legacy', ast, entries: buildBootEntries(uri, ast) };
  },
  check: (file) => (isGrubFile(file) ? checkGrubFile(file) : []),
  checkSet: (files, site) => checkGrubSet(files.filter(isGrubFile), grubFileExists(site)),
  toleratesNul: true,
};

function folder(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

/**
 * Whether a file a menu loads exists where the site maps it. Only the TFTP case can be told: a file read
 * over the network (`(nd)`, or no device in a menu served from a host's `tftpRoot`) must be under that
 * `tftpRoot`. Whenever the site does not say, the answer is yes, so that only certain misses are reported.
 */
export function grubFileExists(site: SiteContext | undefined): GrubFileExists {
  return (path, ref) => {
    const menu = site?.pathOf(ref.uri);
    if (!site?.paths || menu === undefined) return true;
    const tftp = hostOf(site.topology, menu)?.tftpRoot;
    if (tftp === undefined) return true;
    const root = folder(tftp);
    const servedOverTftp = ref.device === 'nd' || (ref.device === undefined && menu.startsWith(`${root}/`));
    if (!servedOverTftp) return true;
    return site.paths.has(`${root}${path.startsWith('/') ? '' : '/'}${path}`);
  };
}
