// Reads the slices out of a workerd `--perfetto-trace` file (Perfetto's protobuf Trace format), with just the
// fields workerd's track events use: enough for ci/bench's startup section to read how long workerd spent
// compiling and evaluating a Worker's modules. Field numbers are from perfetto/protos/perfetto/trace/*.proto.
import { readFileSync } from "node:fs";

function* fields(buf, start, end) {
  let p = start;
  const varint = () => {
    let value = 0n;
    let shift = 0n;
    for (;;) {
      const byte = buf[p++];
      value |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return value;
      shift += 7n;
    }
  };
  while (p < end) {
    const key = Number(varint());
    const field = key >> 3;
    const wire = key & 7;
    if (wire === 0) yield [field, varint()];
    else if (wire === 1) { yield [field, buf.readBigUInt64LE(p)]; p += 8; }
    else if (wire === 2) { const len = Number(varint()); yield [field, [p, p + len]]; p += len; }
    else if (wire === 5) { yield [field, BigInt(buf.readUInt32LE(p))]; p += 4; }
    else throw new Error(`unsupported protobuf wire type ${wire} at byte ${p}`);
  }
}

const TRACE_PACKET = 1;
const PKT = { timestamp: 8, sequenceId: 10, trackEvent: 11, internedData: 12, sequenceFlags: 13, defaults: 59 };
const EVENT = { type: 9, nameIid: 10, trackUuid: 11, name: 23, debugAnnotations: 4 };
const INTERNED_EVENT_NAMES = 2;
const INTERNED_ANNOTATION_NAMES = 3;
const ANNOTATION = { nameIid: 1, bool: 2, uint: 3, int: 4, double: 5, string: 6, name: 10 };
const SEQ_INCREMENTAL_STATE_CLEARED = 1n;
const TYPE_BEGIN = 1n;
const TYPE_END = 2n;

/** A fixed64 field's bits as the double they hold. */
function doubleOf(bits) {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(bits);
  return bytes.readDoubleLE(0);
}

/** One debug annotation of an event (V8 puts a compiled function's index and size there), as {name: value}. */
function annotation(buf, [start, end], names) {
  let name = null;
  let value = null;
  for (const [f, v] of fields(buf, start, end)) {
    if (f === ANNOTATION.nameIid) name = names.get(v) ?? `iid:${v}`;
    else if (f === ANNOTATION.name) name = buf.toString("utf8", v[0], v[1]);
    else if (f === ANNOTATION.string) value = buf.toString("utf8", v[0], v[1]);
    else if (f === ANNOTATION.double) value = doubleOf(v);
    else if (f === ANNOTATION.uint) value = Number(v);
    else if (f === ANNOTATION.bool || f === ANNOTATION.int) value = Number(BigInt.asIntN(64, v));
  }
  return name === null ? {} : { [name]: value };
}

/**
 * Every complete slice in the trace: {name, startNs, endNs, depth, args}, in begin order (args: the event's debug
 * annotations by name). Timestamps are relative to
 * the sequence's first packet (workerd writes incremental timestamps on one sequence), which is all a duration
 * needs.
 */
export function readSlices(path) {
  const buf = readFileSync(path);
  const sequences = new Map(); // id -> {names, now, stacks}
  const slices = [];
  for (const [field, range] of fields(buf, 0, buf.length)) {
    if (field !== TRACE_PACKET) continue;
    let ts = null;
    let seqId = 0n;
    let flags = 0n;
    let event = null;
    const interned = [];
    for (const [f, v] of fields(buf, range[0], range[1])) {
      if (f === PKT.timestamp) ts = v;
      else if (f === PKT.sequenceId) seqId = v;
      else if (f === PKT.sequenceFlags) flags = v;
      else if (f === PKT.trackEvent) event = v;
      else if (f === PKT.internedData) interned.push(v);
    }
    let seq = sequences.get(seqId);
    if (!seq || flags & SEQ_INCREMENTAL_STATE_CLEARED) {
      seq = { names: new Map(), annotationNames: new Map(), now: 0n, stacks: new Map(), incremental: true };
      sequences.set(seqId, seq);
    }
    for (const r of interned) {
      for (const [f, v] of fields(buf, r[0], r[1])) {
        if (f !== INTERNED_EVENT_NAMES && f !== INTERNED_ANNOTATION_NAMES) continue;
        let iid = 0n;
        let name = "";
        for (const [g, w] of fields(buf, v[0], v[1])) {
          if (g === 1) iid = w;
          else if (g === 2) name = buf.toString("utf8", w[0], w[1]);
        }
        (f === INTERNED_EVENT_NAMES ? seq.names : seq.annotationNames).set(iid, name);
      }
    }
    if (!event) continue;
    if (ts !== null) seq.now += ts; // incremental: each packet carries the delta since the previous one
    let type = 0n;
    let name = null;
    let track = "thread";
    const args = {};
    for (const [f, v] of fields(buf, event[0], event[1])) {
      if (f === EVENT.type) type = v;
      else if (f === EVENT.nameIid) name = seq.names.get(v) ?? `iid:${v}`;
      else if (f === EVENT.name) name = buf.toString("utf8", v[0], v[1]);
      else if (f === EVENT.trackUuid) track = String(v);
      else if (f === EVENT.debugAnnotations) Object.assign(args, annotation(buf, v, seq.annotationNames));
    }
    let stack = seq.stacks.get(track);
    if (!stack) seq.stacks.set(track, (stack = []));
    if (type === TYPE_BEGIN) {
      const slice = { name, startNs: Number(seq.now), endNs: null, depth: stack.length, args };
      stack.push(slice);
      slices.push(slice);
    } else if (type === TYPE_END) {
      const slice = stack.pop();
      if (slice) slice.endNs = Number(seq.now);
    }
  }
  return slices.filter((s) => s.endNs !== null);
}

/**
 * workerd's startup figures from one trace, in ms: `compileMs` (WorkerdApi::compileModules, V8 compiling the
 * modules), `evaluateMs` (the rest of factory_new_worker after compileGlobals: instantiating and evaluating the
 * modules' top-level code), `workerMs` (all of factory_new_worker) and `firstRequestMs` (the first
 * WorkerEntrypoint::request slice). Null where the trace lacks the slice.
 */
export function workerStartup(path) {
  const slices = readSlices(path);
  const first = (name, from = 0) => slices.find((s) => s.name === name && s.startNs >= from) ?? null;
  const ms = (ns) => ns / 1e6;
  const worker = first("factory_new_worker()");
  const compile = first("WorkerdApi::compileModules()");
  const globals = worker && slices.filter((s) => s.name === "WorkerdApi::compileGlobals()"
      && s.startNs >= worker.startNs && s.endNs <= worker.endNs && s.depth === worker.depth + 1).pop();
  const request = first("WorkerEntrypoint::request()");
  return {
    compileMs: compile ? ms(compile.endNs - compile.startNs) : null,
    evaluateMs: worker && globals ? ms(worker.endNs - globals.endNs) : null,
    workerMs: worker ? ms(worker.endNs - worker.startNs) : null,
    firstRequestMs: request ? ms(request.endNs - request.startNs) : null,
  };
}

/**
 * What V8 did with a Worker's Wasm module while it started, from a trace with V8's Wasm categories (WASM_CATEGORIES):
 * validation (`validateMs`, wasm.SyncCompile), the module's start function (`startMs`: TeaVM's initializer), and the
 * functions compiled on their first call (Liftoff), during the top-level evaluation and during the first request:
 * `{count, bytes, ms}` each; and `topTierMs`, how long V8 spent recompiling hot functions with TurboFan on its
 * background threads (off the isolate's thread, but on this machine's second core). Traced times run long (the
 * tracing's own cost); counts and sizes do not.
 */
export function wasmStartup(path) {
  const slices = readSlices(path);
  const first = (name) => slices.find((s) => s.name === name) ?? null;
  const ms = (s) => (s ? (s.endNs - s.startNs) / 1e6 : null);
  const within = (outer, name) => (outer ? slices.filter((s) => s.name === name && s.startNs >= outer.startNs
    && s.endNs <= outer.endNs) : []);
  const lazyIn = (outer) => {
    const lazy = within(outer, "wasm.CompileLazy");
    return {
      count: lazy.length,
      bytes: within(outer, "wasm.CompileBaseline").reduce((sum, s) => sum + (s.args.bodySize ?? 0), 0),
      ms: lazy.reduce((sum, s) => sum + ms(s), 0),
    };
  };
  return {
    validateMs: ms(first("wasm.SyncCompile")),
    startMs: ms(first("wasm.ExecuteStartFunction")),
    topTierMs: slices.filter((s) => s.name === "wasm.TopTierCompilation").reduce((sum, s) => sum + ms(s), 0),
    evaluate: lazyIn(first("factory_new_worker()")),
    request: lazyIn(first("WorkerEntrypoint::request()")),
  };
}

/** The trace categories wasmStartup reads: workerd's own and V8's Wasm compile events with their arguments. */
export const WASM_CATEGORIES = "workerd,v8.wasm,disabled-by-default-v8.wasm.detailed";

