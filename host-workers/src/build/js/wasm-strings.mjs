// The JavaScript half of the Worker's string bridge (the Java half: dev.flowconf.workers.strings.LinearMemoryStrings
// in host-workers). A Worker's Wasm module never gets V8's js-string builtins, so instead of one import call per
// character, Java writes a string's UTF-16 code units into a scratch area of the module's linear memory and one call
// here makes the string. Code units are copied as they are: a lone surrogate survives, as it does in Java (a
// TextDecoder would replace it). Strings from JavaScript to Java cross the same area the other way: one call writes
// the code units there and TeaVM's own conversion reads them into the string it makes (no copy more than its own),
// and a request body's bytes come in through it too.
//
// The scratch area is its own: the bytes right after TeaVM's data segment, where TeaVM's heap would start, with the
// heap moved up past them. TeaVM's heap cannot lend it: TeaVM sets the heap up only at the end of the module's
// initializer, after it has made most of its JavaScript strings.

/** The scratch area's size: strings longer than this many code units cross in pieces of it. */
export const SCRATCH_BYTES = 64 * 1024;
/** Larger pieces are made in slices of this many code units: `apply` passes each as an argument. */
const SLICE = 8192;
/** Views of the area are kept for strings up to this long (a request's are short; a body may be long, and rare). */
const VIEWS_KEPT = 1024;
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
 * A call leaves little garbage beyond its string: the view of the area for each length up to VIEWS_KEPT is made once
 * and kept until the memory grows (which gives it a new buffer); `apply`'s argument list is the rest.
 */
export function stringBridge(imports, memory) {
  const scratch = imports.teavmMemory.heapOffset.value;
  imports.teavmMemory.heapOffset = new WebAssembly.Global({ value: "i32", mutable: false }, scratch + SCRATCH_BYTES);
  let buffer = null;
  let views = [];
  let bytesView = null;
  /** The views are made again over the memory's current buffer when it has grown (a new buffer). */
  const current = () => {
    if (memory.buffer !== buffer) {
      buffer = memory.buffer;
      views = [];
      bytesView = new Int8Array(buffer, scratch, SCRATCH_BYTES);
    }
  };
  const view = (length) => {
    current();
    return length <= VIEWS_KEPT ? (views[length] ??= new Uint16Array(buffer, scratch, length))
      : new Uint16Array(buffer, scratch, length);
  };
  return {
    scratchAddress: () => scratch,
    scratchUnits: () => SCRATCH_BYTES / 2,
    /** `prefix` (null for none) followed by the first `length` code units of the area. */
    appendChars(prefix, length) {
      let text;
      if (length <= SLICE) {
        text = String.fromCharCode.apply(null, view(length));
      } else {
        const units = view(length);
        text = "";
        for (let from = 0; from < length; from += SLICE) {
          text += String.fromCharCode.apply(null, units.subarray(from, Math.min(length, from + SLICE)));
        }
      }
      return prefix === null ? text : prefix + text;
    },
    fromCharCode: (unit) => String.fromCharCode(unit),
    /**
     * The other way: a JavaScript string's code units into the area when they fit, as they are; its length either way
     * (Java reads them from the area only when they fit, and asks TeaVM's way, a call per character, when not); -1 for
     * undefined (TeaVM's conversion makes Java's null of it).
     */
    charsIntoScratch(text) {
      if (text === undefined) return -1;
      const length = text.length;
      if (length <= SCRATCH_BYTES / 2) {
        const units = view(length);
        for (let i = 0; i < length; i++) units[i] = text.charCodeAt(i);
      }
      return length;
    },
    /** A body's bytes (an Int8Array) into the area when they fit: their count, or -1 (Java copies them TeaVM's way). */
    bytesIntoScratch(bytes) {
      const length = bytes.length;
      if (length > SCRATCH_BYTES) return -1;
      current();
      bytesView.set(bytes);
      return length;
    },
  };
}
