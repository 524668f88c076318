package com.gitlab.support.handoff.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that post handoffs to one node's {@code POST /api/handoffs}, as Zendesk does, until the node
 * stops answering or {@code limit} requests were sent. It keeps what the caller was promised: every
 * ticket answered {@code 201 Created}, with the moment the answer arrived, so a crash test can hold
 * the node to each of them.
 */
final class HandoffLoad implements AutoCloseable {

  /** A ticket the node answered 201 for, at {@code answeredNanos} ({@link System#nanoTime()}). */
  record Accepted(String ticketId, long answeredNanos) {}

  private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("sam:sam".getBytes(StandardCharsets.UTF_8));

  private final URI intake;
  private final String prefix;
  private final int limit;
  private final ExecutorService clients;
  private final int clientCount;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
  private final Map<String, Integer> otherAnswers = new ConcurrentHashMap<>();
  private final AtomicInteger unanswered = new AtomicInteger();
  private final CountDownLatch firstAccepted = new CountDownLatch(1);
  private volatile boolean stopped;

  /** Tickets {@code prefix}0, {@code prefix}1, … (unique per load), {@code clients} at a time. */
  HandoffLoad(URI intake, String prefix, int clients, int limit) {
    this.intake = intake;
    this.prefix = prefix;
    this.limit = limit;
    this.clientCount = clients;
    this.clients = Executors.newFixedThreadPool(clients, runnable -> {
      Thread thread = new Thread(runnable, "handoff-client-" + prefix);
      thread.setDaemon(true);
      return thread;
    });
  }

  void start() {
    for (int i = 0; i < clientCount; i++) {
      clients.submit(this::postUntilStopped);
    }
  }

  private void postUntilStopped() {
    for (int i = next.getAndIncrement(); i < limit && !stopped; i = next.getAndIncrement()) {
      String ticketId = prefix + i;
      String body = """
          {"ticketId": "%s", "requesterEmail": "buyer-%s@acme.com", "requestType": "ALTERNATIVE_PAYMENT_METHOD",
           "summary": "Pays by wire transfer", "engineer": "sam", "tier": "PREMIUM", "seatsNeeded": 10}
          """.formatted(ticketId, ticketId.toLowerCase());
      HttpRequest request = HttpRequest.newBuilder(intake).timeout(Duration.ofSeconds(30))
          .header("Authorization", AUTH).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      inFlight.incrementAndGet();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
          accepted.add(new Accepted(ticketId, System.nanoTime()));
          firstAccepted.countDown();
        } else {
          otherAnswers.put(ticketId, response.statusCode());
        }
      } catch (IOException nodeGone) {
        // Killed mid-request, or no longer listening: this ticket was promised nothing.
        unanswered.incrementAndGet();
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  /** Waits for the first 201, so that the node is known to take handoffs. */
  void awaitFirstAccepted(Duration limit) throws InterruptedException {
    if (!firstAccepted.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("no handoff accepted within " + limit + " at " + intake
          + "; other answers: " + otherAnswers);
    }
  }

  /** Requests sent and not yet answered. */
  int inFlight() {
    return inFlight.get();
  }

  int sent() {
    return Math.min(next.get(), limit);
  }

  /** Requests that got no answer: the node died while they were in flight, or before they were sent. */
  int unanswered() {
    return unanswered.get();
  }

  /** Answers other than 201, by ticket: none are expected from a node that is killed, not refusing. */
  Map<String, Integer> otherAnswers() {
    return Map.copyOf(otherAnswers);
  }

  /** Stops sending, waits for the clients to end and returns every ticket answered 201. */
  List<Accepted> stop() throws InterruptedException {
    stopped = true;
    clients.shutdown();
    if (!clients.awaitTermination(1, TimeUnit.MINUTES)) {
      clients.shutdownNow();
    }
    return new ArrayList<>(accepted);
  }

  @Override
  public void close() {
    stopped = true;
    clients.shutdownNow();
  }
}
