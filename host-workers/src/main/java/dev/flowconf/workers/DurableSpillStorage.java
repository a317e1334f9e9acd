package dev.flowconf.workers;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * The spill object's side of SPILL-HOST-1: payloads in the SQLite storage of a Durable Object ({@code FlowconfSpill}
 * in entry.mjs calls these). A payload is cut into rows of at most {@link #CHUNK_BYTES}, because Cloudflare allows
 * 2 MB per row, key and value together (local workerd enforces nothing), and its rows and its index row are written
 * in one transaction: a payload is complete or absent, even when the process dies in the middle of writing it.
 */
final class DurableSpillStorage {
    /** 1 MiB: well under Cloudflare's 2 MB per row with any key. */
    static final int CHUNK_BYTES = 1 << 20;

    private DurableSpillStorage() {}

    /** Stores the payload under the key, replacing any earlier one. */
    static void write(JSObject storage, String key, Uint8Array bytes) {
        createTables(storage);
        inTransaction(storage, () -> {
            remove(storage, key);
            int rows = 0;
            for (int offset = 0; offset < bytes.getLength() || rows == 0; offset += CHUNK_BYTES, rows++) {
                insertChunk(storage, key, rows, bytes, offset, Math.min(bytes.getLength(), offset + CHUNK_BYTES));
            }
            insertIndex(storage, key, rows, bytes.getLength());
        });
    }

    /** The payload stored under the key, removed in the same transaction; null when there is none. */
    static Uint8Array take(JSObject storage, String key) {
        createTables(storage);
        Uint8Array[] taken = new Uint8Array[1];
        inTransaction(storage, () -> {
            taken[0] = joinedChunks(storage, key);
            remove(storage, key);
        });
        return taken[0];
    }

    @JSFunctor
    interface Work extends JSObject {
        void run();
    }

    @JSBody(params = {"storage", "work"}, script = "storage.transactionSync(function () { work(); });")
    private static native void inTransaction(JSObject storage, Work work);

    @JSBody(params = "storage", script = "var sql = storage.sql;"
            + " sql.exec('CREATE TABLE IF NOT EXISTS spill_chunk (key TEXT NOT NULL, seq INTEGER NOT NULL,"
            + " data BLOB NOT NULL, PRIMARY KEY (key, seq))');"
            + " sql.exec('CREATE TABLE IF NOT EXISTS spill (key TEXT PRIMARY KEY, chunks INTEGER NOT NULL,"
            + " bytes INTEGER NOT NULL)');")
    private static native void createTables(JSObject storage);

    @JSBody(params = {"storage", "key"}, script = "storage.sql.exec('DELETE FROM spill_chunk WHERE key = ?', key);"
            + " storage.sql.exec('DELETE FROM spill WHERE key = ?', key);")
    private static native void remove(JSObject storage, String key);

    @JSBody(params = {"storage", "key", "seq", "bytes", "from", "to"},
            script = "storage.sql.exec('INSERT INTO spill_chunk (key, seq, data) VALUES (?, ?, ?)', key, seq,"
                    + " bytes.subarray(from, to));")
    private static native void insertChunk(JSObject storage, String key, int seq, Uint8Array bytes, int from, int to);

    @JSBody(params = {"storage", "key", "chunks", "length"},
            script = "storage.sql.exec('INSERT INTO spill (key, chunks, bytes) VALUES (?, ?, ?)', key, chunks, length);")
    private static native void insertIndex(JSObject storage, String key, int chunks, int length);

    /** Only a payload with its index row counts; its rows are checked against the index before they are joined. */
    @JSBody(params = {"storage", "key"}, script = "var sql = storage.sql;"
            + " var index = sql.exec('SELECT chunks, bytes FROM spill WHERE key = ?', key).toArray()[0];"
            + " if (!index) return null;"
            + " var rows = sql.exec('SELECT data FROM spill_chunk WHERE key = ? ORDER BY seq', key).toArray();"
            + " if (rows.length !== index.chunks) throw new Error('spill ' + key + ': ' + rows.length + ' of '"
            + " + index.chunks + ' rows');"
            + " var all = new Uint8Array(index.bytes), at = 0;"
            + " for (var i = 0; i < rows.length; i++) { var part = new Uint8Array(rows[i].data); all.set(part, at);"
            + " at += part.length; }"
            + " return all;")
    private static native Uint8Array joinedChunks(JSObject storage, String key);
}
