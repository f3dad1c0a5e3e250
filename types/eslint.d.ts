// Types of the ESLint plugin (`import leonardo from 'leonardo-lint/eslint'`). Written by hand.
import type { LeonardoEslintPlugin } from './index';

declare const plugin: LeonardoEslintPlugin;
export = plugin;
