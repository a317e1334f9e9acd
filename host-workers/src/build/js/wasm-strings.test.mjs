// wasm-strings.mjs over a real WebAssembly.Memory (node --test): code units cross exactly, lone surrogates included,
// and the scratch area is taken from where TeaVM's heap would start, which moves up past it.
import assert from "node:assert/strict";
import test from "node:test";
import { SCRATCH_BYTES, stringBridge } from "./wasm-strings.mjs";

const HEAP_OFFSET = 22600; // what TeaVM's linkImports would give for a 22,596-byte data segment

/** A memory and the imports TeaVM's linkImports would have made for it (only what the bridge reads). */
function linked(pages = 2) {
  const memory = new WebAssembly.Memory({ initial: pages });
  const imports = { teavmMemory: { heapOffset: new WebAssembly.Global({ value: "i32", mutable: false }, HEAP_OFFSET) } };
  return { memory, imports, bridge: stringBridge(imports, memory) };
}

function write(memory, address, text) {
  const units = new Uint16Array(memory.buffer, address, text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
}

const SAMPLES = ["", "a", "HeLLo", "é€😀", "\uD800 lone high", "lone low \uDC00", "\uDC00\uD800", "\u0000nul\uFFFF"];

test("the scratch area is where the heap would start, and the heap starts after it", () => {
  const { imports, bridge } = linked();
  assert.equal(bridge.scratchAddress(), HEAP_OFFSET);
  assert.equal(bridge.scratchUnits() * 2, SCRATCH_BYTES);
  assert.equal(imports.teavmMemory.heapOffset.value, HEAP_OFFSET + SCRATCH_BYTES);
});

test("appendChars makes exactly the code units written, lone surrogates and NUL included, after its prefix", () => {
  const { memory, bridge } = linked();
  const at = bridge.scratchAddress();
  for (const text of SAMPLES) {
    write(memory, at, text);
    assert.equal(bridge.appendChars(null, at, text.length), text);
    assert.equal(bridge.appendChars("\uD83D", at, text.length), "\uD83D" + text);
  }
});

test("encodeChars writes the code units asked for, and nothing past them", () => {
  const { memory, bridge } = linked();
  const at = bridge.scratchAddress();
  for (const text of SAMPLES) {
    for (const from of [0, Math.floor(text.length / 2)]) {
      const count = text.length - from;
      new Uint16Array(memory.buffer, at, count + 1).fill(0xABCD);
      bridge.encodeChars(text, from, count, at);
      const expected = Array.from({ length: count }, (_, i) => text.charCodeAt(from + i));
      assert.deepEqual([...new Uint16Array(memory.buffer, at, count)], expected);
      assert.equal(new Uint16Array(memory.buffer, at + 2 * count, 1)[0], 0xABCD);
    }
  }
});

test("a piece as long as the whole area comes out whole (it is made in slices of fromCharCode's arguments)", () => {
  const { memory, bridge } = linked();
  const at = bridge.scratchAddress();
  const text = Array.from({ length: bridge.scratchUnits() }, (_, i) => String.fromCharCode(0xD7F0 + (i % 40))).join("");
  write(memory, at, text);
  assert.equal(bridge.appendChars(null, at, text.length), text);
});

test("after the memory grows, both ways use its new buffer", () => {
  const { memory, bridge } = linked(1);
  memory.grow(2);
  const at = bridge.scratchAddress() + 65536; // only in the grown memory
  bridge.encodeChars("grown", 0, 5, at);
  assert.equal(bridge.appendChars(null, at, 5), "grown");
});

test("the per-character helpers answer as String.fromCharCode, .length and === undefined", () => {
  const { bridge } = linked();
  assert.equal(bridge.fromCharCode(0xD800), "\uD800");
  assert.equal(bridge.length("😀"), 2);
  assert.equal(bridge.isUndefined(undefined), true);
  assert.equal(bridge.isUndefined(null), false);
});
