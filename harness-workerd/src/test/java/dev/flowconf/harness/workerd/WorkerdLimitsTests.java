package dev.flowconf.harness.workerd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowconf.wire.RawConnection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Workers host's side of SPEC.md §3a in real workerd: the body-reading method answers a declared
 * length past the limit without reading, and the kernel's header limit holds below workerd's own.
 */
class WorkerdLimitsTests {
    private static final String BODY_TOO_LARGE =
            "{\"code\":\"BODY_TOO_LARGE\",\"details\":{\"limit_bytes\":1048576},\"error\":\"request body exceeds 1048576 bytes\"}";

    private static RunningWorkerd workerd;

    @BeforeAll
    static void start() throws Exception {
        workerd = WorkerdHarness.forModuleDir(WorkerdHarness.defaultModuleDir()).start();
    }

    @AfterAll
    static void stop() {
        if (workerd != null) {
            workerd.close();
        }
    }

    @Test
    void aDeclaredLengthPastTheLimitIsAnsweredWithoutReadingABody() throws Exception {
        // No body follows: a Worker awaiting arrayBuffer() would never answer (the socket times out).
        try (RawConnection client = RawConnection.open(workerd.baseUrl(), Duration.ofSeconds(10)).sendRaw(
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n")) {
            RawConnection.Head head = client.readHead();
            assertEquals(413, head.status(), "workerd log:\n" + RunningWorkerd.tail(workerd.logFile()));
            assertEquals(BODY_TOO_LARGE, client.readBody(head));
        }
    }

    @Test
    void aHeaderSectionPastTheKernelsLimitButBelowWorkerdsIsTheKernels431() throws Exception {
        try (RawConnection client = RawConnection.open(workerd.baseUrl(), Duration.ofSeconds(10)).sendRaw(
                "GET /health HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(40 * 1024) + "\r\n\r\n")) {
            RawConnection.Head head = client.readHead();
            assertEquals(431, head.status());
            assertEquals(
                    "{\"code\":\"HEADERS_TOO_LARGE\",\"details\":{\"limit_bytes\":32768},"
                            + "\"error\":\"request header fields exceed 32768 bytes\"}",
                    client.readBody(head));
        }
    }
}
