package dev.flowconf.conformance.replay;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Before any case runs: can each of a target's processes be reached at all? Resolves the name, connects, and sends
 * one {@code GET} of the URL's own path; any answer, even a broken one, counts as reached (the cases then judge it).
 * Plain sockets, no Playwright: it must be quick and say exactly what failed.
 */
public final class TargetPreflight {

  private TargetPreflight() {
  }

  /** Why {@code target} (or a process it routes to) cannot be reached: one line naming the URL and the cause. */
  public static Optional<String> problem(Target target, Duration timeout) {
    Set<URI> urls = new LinkedHashSet<>();
    urls.add(target.baseUrl());
    target.routes().forEach(route -> urls.add(route.url()));
    for (URI url : urls) {
      Optional<String> problem = problem(url, timeout);
      if (problem.isPresent()) {
        return Optional.of(url + ": " + problem.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> problem(URI url, Duration timeout) {
    boolean tls = "https".equals(url.getScheme());
    int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
    InetAddress address;
    try {
      address = InetAddress.getByName(url.getHost());
    } catch (UnknownHostException e) {
      return Optional.of("host name " + url.getHost() + " does not resolve");
    }
    try (Socket socket = new Socket()) {
      try {
        socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
      } catch (ConnectException e) {
        return Optional.of("connection refused");
      } catch (SocketTimeoutException e) {
        return Optional.of("no connection within " + timeout.toSeconds() + " s");
      }
      if (tls) {
        return Optional.empty(); // it accepts connections; TLS and HTTP are the cases' business
      }
      String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nhost: " + url.getRawAuthority()
          + "\r\nconnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      try {
        new AnswerReader(new AnswerInput(socket, null, timeout)).read("GET");
      } catch (ExchangeFailure e) {
        if (e.isNoAnswer()) {
          return Optional.of(e.reason() + " to GET " + path);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("connection failed: " + e.getMessage());
    }
  }
}
