// `npm run gen:schema`: writes the config file's JSON schema and the `leonardoLint.rules` setting's
// schema in package.json from the rule list (see scripts/config-schema.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { CONFIG_SCHEMA_FILE, configSchema, rulesSettingSchema } from './config-schema.js';

writeFileSync(CONFIG_SCHEMA_FILE, `${JSON.stringify(configSchema(), null, 2)}\n`);
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
manifest.contributes.configuration.properties['leonardoLint.rules'] = rulesSettingSchema();
writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${CONFIG_SCHEMA_FILE} and the leonardoLint.rules schema in package.json`);
