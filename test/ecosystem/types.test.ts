// The package's published types are generated from the sources (scripts/public-types.ts), so they
// cannot drift from what the API returns: the committed types/index.d.ts must be the generated file,
// and it stands alone (no import of the project's sources), as an installed package's must.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PUBLIC_TYPES_FILE, publicTypes } from '../../scripts/public-types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('types/index.d.ts is the generated one (run npm run gen:types after changing a published type)', () => {
  const generated = publicTypes();
  assert.equal(fs.readFileSync(path.join(ROOT, PUBLIC_TYPES_FILE), 'utf8'), generated);
  // Only packages are imported: a relative import would point into sources the package does not ship.
  const imports = [...generated.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
  assert.deepEqual(imports, ['eslint']);
  // The names a user imports, each exported, and the message carries its related locations.
  for (const name of ['LintConfig', 'SeveritySetting', 'LintMessage', 'LintRelatedLocation', 'LintResult', 'LintTextOptions', 'LintFilesOptions', 'LeonardoEslintPlugin']) {
    assert.match(generated, new RegExp(`^export (interface|type) ${name}\\b`, 'm'), name);
  }
  for (const name of ['lintText', 'lintFiles']) assert.match(generated, new RegExp(`^export declare function ${name}\\(`, 'm'));
  for (const name of ['eslintPlugin', 'version']) assert.match(generated, new RegExp(`^export declare const ${name}:`, 'm'));
  assert.match(generated, /relatedLocations\?: LintRelatedLocation\[\];/);
});
