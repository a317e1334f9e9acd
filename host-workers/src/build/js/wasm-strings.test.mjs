// wasm-strings.mjs over a real WebAssembly.Memory (node --test): code units cross exactly, lone surrogates included,
// and the scratch area is taken from where TeaVM's heap would start, which moves up past it.
import assert from "node:assert/strict";
import test from "node:test";
import { SCRATCH_BYTES, stringBridge } from "./wasm-strings.mjs";

const HEAP_OFFSET = 22600; // what TeaVM's linkImports would give for a 22,596-byte data segment

/** A memory and the imports TeaVM's linkImports would have made for it (only what the bridge reads). */
function linked(pages = 2) {
  const memory = new WebAssembly.Memory({ initial: pages, maximum: 8 });
  const imports = { teavmMemory: { heapOffset: new WebAssembly.Global({ value: "i32", mutable: false }, HEAP_OFFSET) } };
  return { memory, imports, bridge: stringBridge(imports, memory) };
}

/** Writes the text's code units at the start of the area, as LinearMemoryStrings does. */
function write(memory, bridge, text) {
  const units = new Uint16Array(memory.buffer, bridge.scratchAddress(), text.length);
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
  for (const text of SAMPLES) {
    write(memory, bridge, text);
    assert.equal(bridge.appendChars(null, text.length), text);
    assert.equal(bridge.appendChars("\uD83D", text.length), "\uD83D" + text);
  }
});

test("a view kept for a length reads what is written there later", () => {
  const { memory, bridge } = linked();
  write(memory, bridge, "first");
  assert.equal(bridge.appendChars(null, 5), "first");
  write(memory, bridge, "again");
  assert.equal(bridge.appendChars(null, 5), "again");
});

test("the whole area comes out whole, longer than one slice of fromCharCode's arguments and than a kept view", () => {
  const { memory, bridge } = linked();
  const text = Array.from({ length: bridge.scratchUnits() }, (_, i) => String.fromCharCode(0xD7F0 + (i % 40))).join("");
  write(memory, bridge, text);
  assert.equal(bridge.appendChars(null, text.length), text);
  assert.equal(bridge.appendChars(null, 1500), text.slice(0, 1500));
});

test("after the memory grows (a new buffer), the views kept are made again over it", () => {
  const { memory, bridge } = linked();
  write(memory, bridge, "before");
  assert.equal(bridge.appendChars(null, 6), "before");
  memory.grow(1);
  write(memory, bridge, "grown!");
  assert.equal(bridge.appendChars(null, 6), "grown!");
});

test("one code unit crosses as String.fromCharCode makes it", () => {
  const { bridge } = linked();
  assert.equal(bridge.fromCharCode(0xD800), "\uD800");
  assert.equal(bridge.fromCharCode(0x41), "A");
});

/** The code units the area holds from its start, as LinearMemoryStrings reads them. */
function read(memory, bridge, length) {
  return String.fromCharCode(...new Uint16Array(memory.buffer, bridge.scratchAddress(), length));
}

test("charsIntoScratch writes a string's code units as they are, and says its length", () => {
  const { memory, bridge } = linked();
  for (const text of SAMPLES) {
    assert.equal(bridge.charsIntoScratch(text), text.length);
    assert.equal(read(memory, bridge, text.length), text);
  }
  assert.equal(bridge.charsIntoScratch(undefined), -1);
  const full = "x".repeat(bridge.scratchUnits());
  assert.equal(bridge.charsIntoScratch(full), full.length);
  assert.equal(read(memory, bridge, full.length), full);
});

test("a string longer than the area is not written (Java reads it a character per call): only its length", () => {
  const { memory, bridge } = linked();
  bridge.charsIntoScratch("kept");
  assert.equal(bridge.charsIntoScratch("y".repeat(bridge.scratchUnits() + 1)), bridge.scratchUnits() + 1);
  assert.equal(read(memory, bridge, 4), "kept");
});

test("bytesIntoScratch copies a body's bytes into the area when they fit, over a grown memory too; -1 when not", () => {
  const { memory, bridge } = linked();
  const bytes = Int8Array.from([-1, 0, 1, 127, -128, 42]);
  assert.equal(bridge.bytesIntoScratch(bytes), 6);
  assert.deepEqual([...new Int8Array(memory.buffer, bridge.scratchAddress(), 6)], [...bytes]);
  memory.grow(1);
  assert.equal(bridge.bytesIntoScratch(Int8Array.from([5, 6])), 2);
  assert.deepEqual([...new Int8Array(memory.buffer, bridge.scratchAddress(), 2)], [5, 6]);
  assert.equal(bridge.bytesIntoScratch(new Int8Array(SCRATCH_BYTES)), SCRATCH_BYTES);
  assert.equal(bridge.bytesIntoScratch(new Int8Array(SCRATCH_BYTES + 1)), -1);
  assert.equal(bridge.bytesIntoScratch(new Int8Array(0)), 0);
});
