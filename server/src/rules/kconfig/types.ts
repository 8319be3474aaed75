import type { Finding } from '../../core/finding';
import type { KconfigAst } from '../../formats/kconfig/ast';
import type { KconfigModel } from '../../formats/kconfig/model';
import type { KconfigSection } from '../../formats/kconfig/sections';
import type { AnalysedFile } from '../../workspace/analysed-file';

/** A parsed kernel `.config` with its facts: what kconfig rules and features read. */
export interface KconfigFile {
  readonly uri: string;
  readonly text: string;
  readonly format: 'kconfig';
  readonly ast: KconfigAst;
  readonly model: KconfigModel;
  readonly sections: readonly KconfigSection[];
  /** The path relative to the workspace root. */
  readonly path: string;
  /** Whether the name says it is a config (`.config`, `config-<version>`, `*.config`) or only the content does. */
  readonly recognisedBy: 'name' | 'content';
}

/** A check of one `.config`. */
export type KconfigFileCheck = (file: KconfigFile) => Finding[];

/** A check across the `.config` files of the workspace. */
export type KconfigSetCheck = (files: readonly KconfigFile[]) => Finding[];

/** Narrows an analysed file to a kernel config. */
export function isKconfigFile(f: AnalysedFile | undefined): f is KconfigFile {
  return f?.format === 'kconfig';
}
