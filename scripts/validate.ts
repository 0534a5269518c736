// `npm run validate`: manifest.xml, and dist/manifest.xml when a build left one (the copy with the production
// origin), each through scripts/validate-manifest.ts (xmllint against ../shared/office-manifest-xsd, plus the
// checks the schema cannot make). Exit code: 1 if any is invalid, else 2 if any could not be validated, else 0.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SCHEMA, validateFile } from './validate-manifest.ts';

const files = [path.join(ROOT, 'manifest.xml'), path.join(ROOT, 'dist/manifest.xml')].filter((f, i) => i === 0 || existsSync(f));
let invalid = false;
let skipped = false;
for (const file of files) {
  const label = path.relative(process.cwd(), file);
  const result = validateFile(file);
  if (result.status === 'valid') {
    console.log(`${label}: valid (schema ${path.relative(process.cwd(), SCHEMA)}, references, icons, requirements, permissions)`);
  } else if (result.status === 'skipped') {
    console.error(`${label}: NOT VALIDATED — ${result.messages.join(' ')}`);
    skipped = true;
  } else {
    console.error(`${label}: INVALID\n${result.messages.map((m) => `  ${m}`).join('\n')}`);
    invalid = true;
  }
}
if (files.length === 1) console.log('(dist/manifest.xml not built: npm run build writes it)');
process.exitCode = invalid ? 1 : skipped ? 2 : 0;
