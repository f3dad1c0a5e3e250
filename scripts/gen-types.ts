// `npm run gen:types`: writes the package's published types (types/index.d.ts) from the programmatic
// API's sources (see scripts/public-types.ts).
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PUBLIC_TYPES_FILE, publicTypes } from './public-types.js';

writeFileSync(path.resolve(import.meta.dirname, '..', PUBLIC_TYPES_FILE), publicTypes());
console.log(`wrote ${PUBLIC_TYPES_FILE}`);
