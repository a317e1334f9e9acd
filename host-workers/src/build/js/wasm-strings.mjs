// The JavaScript half of the Worker's string bridge (the Java half: dev.flowconf.workers.strings.LinearMemoryStrings
// in host-workers). A Worker's Wasm module never gets V8's js-string builtins, so instead of one import call per
// character, Java writes a string's UTF-16 code units into a scratch area of the module's linear memory and one call
// here makes the string, or one call here writes a string's code units there for Java to read. Code units are copied
// as they are: a lone surrogate survives both ways, as it does in Java (a TextDecoder would replace it).
//
// The scratch area is its own: the bytes right after TeaVM's data segment, where TeaVM's heap would start, with the
// heap moved up past them. TeaVM's heap cannot lend it: TeaVM sets the heap up only at the end of the module's
// initializer, after it has made most of its JavaScript strings.

/** The scratch area's size: strings longer than this many code units cross in pieces of it. */
export const SCRATCH_BYTES = 64 * 1024;
/** Larger pieces are made in slices of this many code units: `apply` passes each as an argument. */
const SLICE = 8192;
/** TeaVM's runtime gives the module at most 2 GiB of linear memory; the memory made here keeps to that. */
const MAXIMUM_PAGES = 32768;

/** The module's linear memory, one page larger than TeaVM's runtime would make it, for the scratch area. */
export function memoryWithScratch(wasmModule) {
  const [requirements] = WebAssembly.Module.customSections(wasmModule, "teavm.memoryRequirements");
  const pages = requirements ? JSON.parse(new TextDecoder().decode(requirements)).min ?? 1 : 1;
  return new WebAssembly.Memory({ initial: pages + SCRATCH_BYTES / 65536, maximum: MAXIMUM_PAGES });
}

/**
 * The `flowconfStrings` imports. Call after TeaVM's linkImports filled `imports` over `memory`: this takes the scratch
 * area from where TeaVM's heap would start and moves the heap's start (the teavmMemory.heapOffset import) past it.
 */
export function stringBridge(imports, memory) {
  const scratch = imports.teavmMemory.heapOffset.value;
  imports.teavmMemory.heapOffset = new WebAssembly.Global({ value: "i32", mutable: false }, scratch + SCRATCH_BYTES);
  return {
    scratchAddress: () => scratch,
    scratchUnits: () => SCRATCH_BYTES / 2,
    /** `prefix` (null for none) followed by the `length` code units at `address`. */
    appendChars(prefix, address, length) {
      const units = new Uint16Array(memory.buffer, address, length);
      let text = "";
      for (let from = 0; from < length; from += SLICE) {
        text += String.fromCharCode.apply(null, units.subarray(from, Math.min(length, from + SLICE)));
      }
      return prefix === null ? text : prefix + text;
    },
    /** Writes the string's code units from `from`, `count` of them, to `address`. */
    encodeChars(text, from, count, address) {
      const units = new Uint16Array(memory.buffer, address, count);
      for (let i = 0; i < count; i++) units[i] = text.charCodeAt(from + i);
    },
    fromCharCode: (unit) => String.fromCharCode(unit),
    length: (text) => text.length,
    isUndefined: (value) => value === undefined,
  };
}
