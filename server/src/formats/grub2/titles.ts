import type { Word } from './word';

/**
 * The title of a `menuentry` or `submenu`: its first argument that is not an option. Options with a
 * value (`--class debian`, `--id x`, update-grub's `$menuentry_id_option 'id'`) are skipped with it
 * (GRUB manual, "menuentry"; grub-core/commands/menuentry.c).
 */

const VALUE_OPTIONS: ReadonlySet<string> = new Set(['--class', '--users', '--hotkey', '--id', '--source']);

/** The title word of a menuentry/submenu, if it has one. */
export function entryTitle(args: readonly Word[]): Word | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.raw === '$menuentry_id_option' || a.raw === '${menuentry_id_option}') i++;
    else if (a.text.startsWith('--')) {
      if (VALUE_OPTIONS.has(a.text)) i++;
    } else return a;
  }
  return undefined;
}

/** How messages name the owner of a block: `menuentry 'Debian'`, `'search'`. */
export function blockNoun(name: string, args: readonly Word[]): string {
  if (name !== 'menuentry' && name !== 'submenu') return `'${name}'`;
  const title = entryTitle(args);
  return title ? `${name} '${title.text}'` : name;
}
