// Types of the ESLint plugin (`import leonardo from 'leonardo-lint/eslint'`): the plugin object, of the
// type the generated index.d.ts declares.
import type { LeonardoEslintPlugin } from './index';

declare const plugin: LeonardoEslintPlugin;
export = plugin;
