// The app's example directory (crates/amarre-core/tests/data/directories/
// example.json, the one docs/directory.md shows) validates against the
// Open Referral HSDS 3.0 schema (tests/data/hsds/schema/, CC BY-SA 4.0),
// as strictly as the specification's own CI checks its examples:
// `additionalProperties: false` on every object schema that has
// properties, and formats (uuid, uri, email…) checked. The page around
// the services is checked too. A second case proves the check can fail.
//
// Run: node --test tests/data/hsds-schema.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const here = new URL('./', import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(new URL(path, here), 'utf8'));

const schema = readJson('hsds/schema/service_with_definitions.json');
const example = readJson('../../crates/amarre-core/tests/data/directories/example.json');

/** A copy of `node` where every object schema with `properties` allows no other field. */
function closed(node) {
  if (Array.isArray(node)) return node.map(closed);
  if (node === null || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closed(value)]));
  if (copy.properties && typeof copy.properties === 'object') copy.additionalProperties = false;
  return copy;
}

/** The page of an HSDS API's service list, its `contents` checked apart. */
const page = {
  type: 'object',
  required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
  properties: {
    total_items: { type: 'integer', minimum: 0 },
    total_pages: { type: 'integer', minimum: 0 },
    page_number: { type: 'integer', minimum: 0 },
    size: { type: 'integer', minimum: 0 },
    first_page: { type: 'boolean' },
    last_page: { type: 'boolean' },
    empty: { type: 'boolean' },
    contents: { type: 'array' },
  },
  additionalProperties: false,
};

// `strict: false`: the compiled schema carries Open Referral's own
// keywords (`constraints`, `core`, `datapackage_metadata`…), which are
// documentation, not validation.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validService = ajv.compile(closed(schema));
const validPage = ajv.compile(page);

/** Every problem of `service`, one line each. */
const problems = (service) =>
  validService(service) ? [] : validService.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);

test('every service of the example is valid HSDS 3.0, and so is its page', () => {
  assert.ok(validPage(example), JSON.stringify(validPage.errors));
  assert.equal(example.contents.length, example.total_items);
  assert.ok(example.contents.length > 0);
  for (const service of example.contents) {
    assert.deepEqual(problems(service), [], service.name);
  }
});

test("our other fixtures and the specification's own example are valid too", () => {
  const directories = '../../crates/amarre-core/tests/data/directories/';
  const fixturePage = readJson(`${directories}hsds-page.json`);
  assert.ok(validPage(fixturePage), JSON.stringify(validPage.errors));
  for (const service of [...fixturePage.contents, readJson(`${directories}hsds-service.json`)]) {
    assert.deepEqual(problems(service), [], service.name);
  }
  // What the specification's CI accepts, this closed schema accepts.
  assert.deepEqual(problems(readJson('../../crates/amarre-core/tests/data/hsds/service_full.json')), []);
});

test('the check fails on a typo field, a non-UUID id and a wrongly typed page', () => {
  const typo = structuredClone(example.contents[0]);
  typo.descripton = typo.description;
  assert.ok(problems(typo).some((p) => p.includes('additionalProperty') && p.includes('descripton')), problems(typo).join('\n'));

  const nestedTypo = structuredClone(example.contents[0]);
  nestedTypo.service_at_locations[0].location.addresses[0].postcode = '4000';
  assert.ok(problems(nestedTypo).some((p) => p.includes('postcode')), problems(nestedTypo).join('\n'));

  const notUuid = structuredClone(example.contents[0]);
  notUuid.id = 'amo-exemple';
  assert.ok(problems(notUuid).some((p) => p.startsWith('/id') && p.includes('uuid')), problems(notUuid).join('\n'));

  const termWithoutName = structuredClone(example.contents[0]);
  delete termWithoutName.attributes[0].taxonomy_term.name;
  assert.notDeepEqual(problems(termWithoutName), []);

  assert.equal(validPage({ ...example, total_items: '4' }), false);
  assert.equal(validPage({ ...example, last_page: 'yes' }), false);
});
