package dev.flowconf.conformance.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The bytes of a host's answer as they come off the socket, bounded by one deadline for the whole answer (a socket
 * timeout alone restarts with every byte, so a host sending one byte a second would never time out), and, for
 * {@link ExchangeGuard}, passed on to the client the moment they arrive. Failures come out as {@link ExchangeFailure}s
 * that say how far the answer had got ({@link #stage}).
 */
final class AnswerInput extends InputStream {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream passOn;
  private final long deadlineNanos;
  private final Duration timeout;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private long received;
  private String stage = "status line";

  /** {@code passOn}: where every byte read also goes (null: nowhere). */
  AnswerInput(Socket socket, OutputStream passOn, Duration timeout) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.passOn = passOn;
    this.timeout = timeout;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  /** What is being read, for the messages: "status line", "header section", "body". */
  void stage(String stage) {
    this.stage = stage;
  }

  long received() {
    return received;
  }

  @Override
  public int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position == limit && !fill()) {
      return -1;
    }
    int n = Math.min(length, limit - position);
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }

  /** Bytes already here beyond what was read; with {@code waitMillis}, also what comes within that long. */
  int pending(int waitMillis) throws IOException {
    if (position < limit) {
      return limit - position;
    }
    try {
      socket.setSoTimeout(waitMillis);
      int n = in.read(buffer);
      if (n > 0) {
        arrived(n);
        return n;
      }
      return 0;
    } catch (SocketTimeoutException | SocketException quiet) {
      return 0;
    }
  }

  private boolean fill() throws IOException {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      throw late();
    }
    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
    int n;
    try {
      n = in.read(buffer);
    } catch (SocketTimeoutException e) {
      throw late();
    } catch (SocketException e) {
      String what = received == 0 ? "connection reset before the status line"
          : "connection reset in the " + stage + " after " + received + " bytes";
      throw received == 0 ? ExchangeFailure.noAnswer(what, e.getMessage())
          : ExchangeFailure.brokenAnswer(what, e.getMessage());
    }
    if (n < 0) {
      return false;
    }
    arrived(n);
    return true;
  }

  /** {@code n} bytes just read into the buffer: passed on, then served from it. */
  private void arrived(int n) {
    pass(n);
    position = 0;
    limit = n;
    received += n;
  }

  private void pass(int n) {
    if (passOn == null) {
      return;
    }
    try {
      passOn.write(buffer, 0, n);
      passOn.flush();
    } catch (IOException clientGone) {
      // The client (Playwright) gave up; the answer is still read to its end for the verdict.
    }
  }

  private ExchangeFailure late() {
    String seconds = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    if (received == 0) {
      return ExchangeFailure.noAnswer("no answer within " + seconds, "the host accepted the connection and sent nothing");
    }
    return ExchangeFailure.brokenAnswer("answer not complete within " + seconds + ": still in the " + stage
        + " after " + received + " bytes", "");
  }
}
