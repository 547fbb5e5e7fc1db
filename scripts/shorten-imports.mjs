// Part of the post-build hook (scripts/minify-glue.mjs calls it on release
// builds): gives every function the wasm imports from its JS glue a short
// name (`a`, `b`, … `ba`…) instead of wasm-bindgen's, such as
// `__wbg_addEventListener_847fd86b8c33ec43`. Each such name is written
// twice, in the wasm's import section and in the glue, and its 16 hex
// digits do not compress: about 2 KiB gzipped per app. Only the import
// section and the glue's whole-word uses of those names change, so
// nothing else in either file moves.
//
//   shortenImports(wasmBytes, glueText) → { wasm, glue, renamed }

/// Reads an unsigned LEB128 at `at`: [value, next offset].
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('the wasm ends inside a number');
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

function name(text) {
  const bytes = Buffer.from(text, 'utf8');
  return [...leb(bytes.length), ...bytes];
}

/// `a`…`z`, then `ba`, `bb`…: short, and never a JS keyword (`do`, `if`
/// and `in` are skipped), though they are only ever property names.
function* shortNames() {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let n = 0; ; n++) {
    let text = '';
    let rest = n;
    do {
      text = letters[rest % 26] + text;
      rest = Math.floor(rest / 26);
    } while (rest);
    if (!['do', 'if', 'in'].includes(text)) yield text;
  }
}

export function shortenImports(wasm, glue) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm file');
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, payload] = readLeb(wasm, at + 1);
    const end = payload + size;
    if (id !== 2) {
      at = end;
      continue;
    }
    // The import section: module, name, kind and what follows the kind.
    const [count, first] = readLeb(wasm, payload);
    const out = [...leb(count)];
    const renames = new Map();
    const names = shortNames();
    let p = first;
    for (let i = 0; i < count; i++) {
      const [moduleLength, moduleStart] = readLeb(wasm, p);
      const module = wasm.toString('utf8', moduleStart, moduleStart + moduleLength);
      const [fieldLength, fieldStart] = readLeb(wasm, moduleStart + moduleLength);
      const field = wasm.toString('utf8', fieldStart, fieldStart + fieldLength);
      const kind = wasm[fieldStart + fieldLength];
      if (kind !== 0) throw new Error(`import ${module} ${field} is not a function (kind ${kind})`);
      const [, next] = readLeb(wasm, fieldStart + fieldLength + 1);
      // wasm-bindgen's own glue module only; a snippet's names are its own.
      const ours = module.endsWith('_bg.js') && /^__wb(g|indgen)_\w+$/.test(field);
      const renamed = ours ? (renames.get(field) ?? names.next().value) : field;
      if (ours) renames.set(field, renamed);
      out.push(...name(module), ...name(renamed), ...wasm.subarray(fieldStart + fieldLength, next));
      p = next;
    }
    if (p !== end) throw new Error('the import section has bytes after its imports');
    let shortened = glue;
    for (const [from, to] of renames) {
      const word = new RegExp(`(?<![\\w$])${from}(?![\\w$])`, 'g');
      const uses = shortened.match(word)?.length ?? 0;
      if (uses !== 1) throw new Error(`${from} is written ${uses} times in the glue, not once: has wasm-bindgen changed its output?`);
      shortened = shortened.replace(word, to);
    }
    const section = Buffer.from([2, ...leb(out.length), ...out]);
    return {
      wasm: Buffer.concat([wasm.subarray(0, at), section, wasm.subarray(end)]),
      glue: shortened,
      renamed: renames.size,
    };
  }
  throw new Error('the wasm imports nothing');
}
