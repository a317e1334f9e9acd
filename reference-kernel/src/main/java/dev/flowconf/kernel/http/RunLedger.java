package dev.flowconf.kernel.http;

import dev.flowconf.kernel.exec.RunObserver;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;

/**
 * Counts the runs of one host (per process, or per Workers isolate) for the probe route: started,
 * completed, cancelled because the client left, and still active (node tasks not yet all ended).
 *
 * <p>The counts are doubles, exact up to 2^53 runs: TeaVM makes a long a BigInt, and every increment would allocate one.
 */
public final class RunLedger implements RunObserver {
    private double started;
    private double completed;
    private double cancelled;

    @Override
    public synchronized void runStarted() {
        started++;
    }

    @Override
    public synchronized void runEnded(boolean cancelledByClient) {
        if (cancelledByClient) cancelled++;
        else completed++;
    }

    /** `{"active":…,"cancelled":…,"completed":…,"started":…}`. */
    public synchronized JsonObject snapshot() {
        return JsonObject.builder()
                .put("active", JsonNumber.ofU64((long) (started - completed - cancelled)))
                .put("cancelled", JsonNumber.ofU64((long) cancelled))
                .put("completed", JsonNumber.ofU64((long) completed))
                .put("started", JsonNumber.ofU64((long) started))
                .build();
    }
}
