package dev.flowconf.kernel.http;

import dev.flowconf.kernel.exec.RunObserver;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;

/**
 * Counts the runs of one host (per process, or per Workers isolate) for the probe route: started,
 * completed, cancelled because the client left, and still active (node tasks not yet all ended).
 */
public final class RunLedger implements RunObserver {
    private long started;
    private long completed;
    private long cancelled;

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
                .put("active", JsonNumber.ofU64(started - completed - cancelled))
                .put("cancelled", JsonNumber.ofU64(cancelled))
                .put("completed", JsonNumber.ofU64(completed))
                .put("started", JsonNumber.ofU64(started))
                .build();
    }
}
