// Validates the element templates in processes/.camunda/element-templates against the official
// Camunda 7 element template JSON schema (@bpmn-io/element-templates-validator), the checks Camunda
// Modeler makes before it offers a template. Exits non-zero on any error, or when no template is found.
// What the schema cannot see (the delegate's inputs, the diagrams) is checked by ElementTemplatesTest.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAll, getSchemaVersion } from '@bpmn-io/element-templates-validator';

const dir = 'processes/.camunda/element-templates';
const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
let failed = files.length === 0;
if (failed) {
  console.error(`no element templates in ${dir}`);
}
const ids = new Map();
for (const file of files) {
  let templates;
  try {
    templates = JSON.parse(readFileSync(join(dir, file), 'utf-8'));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    failed = true;
    continue;
  }
  const list = Array.isArray(templates) ? templates : [templates];
  const { valid, results } = validateAll(list);
  results.forEach(({ object, errors }) => {
    (errors || []).forEach((error) => {
      console.error(`${file} ${object && object.id}: ${error.dataPath || '/'} ${error.message}`);
    });
  });
  for (const { id, version } of list) {
    const key = `${id}@${version}`;
    if (ids.has(key)) {
      console.error(`${file}: ${key} is also defined in ${ids.get(key)}`);
      failed = true;
    }
    ids.set(key, file);
  }
  failed = failed || !valid;
}
if (failed) {
  process.exit(1);
}
console.log(`${files.length} element templates valid (element template schema ${getSchemaVersion()})`);
