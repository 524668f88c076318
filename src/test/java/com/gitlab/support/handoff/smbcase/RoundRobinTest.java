package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.ProcessTestCase;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** R21: the round-robin's turns in the database, as two nodes and a restarted node see them. */
class RoundRobinTest extends ProcessTestCase {

  private static final List<String> ADVOCATES = List.of("ava", "bob");

  @Autowired RoundRobin roundRobin;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  private final String territory = "T-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  @DisplayName("R21 two nodes routing at the same moment take turns: the second waits for the first's turn")
  void concurrentRoutingTakesTurns() throws Exception {
    TransactionTemplate inTransaction = new TransactionTemplate(transactions);
    CountDownLatch firstHasTheTurn = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = nodes.submit(() -> inTransaction.execute(status -> {
        String chosen = roundRobin.next(territory, ADVOCATES, advocate -> true).orElseThrow();
        firstHasTheTurn.countDown();
        sleep(300); // the case's transaction is still running: the second node must wait for it
        return chosen;
      }));
      firstHasTheTurn.await(5, TimeUnit.SECONDS);
      Future<String> second = nodes.submit(() -> inTransaction.execute(status ->
          roundRobin.next(territory, ADVOCATES, advocate -> true).orElseThrow()));

      assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)))
          .containsExactlyInAnyOrderElementsOf(ADVOCATES);
    } finally {
      nodes.shutdownNow();
    }
  }

  @Test
  @DisplayName("R21 a restarted node continues the order where the last turn ended")
  void turnSurvivesARestart() {
    String before = new TransactionTemplate(transactions).execute(status ->
        roundRobin.next(territory, ADVOCATES, advocate -> true).orElseThrow());

    RoundRobin restarted = new RoundRobin(jdbc, transactions);
    String after = new TransactionTemplate(transactions).execute(status ->
        restarted.next(territory, ADVOCATES, advocate -> true).orElseThrow());

    assertThat(List.of(before, after)).containsExactly("ava", "bob");
  }

  @Test
  @DisplayName("R21 nobody available: no advocate, and the turn stays where it was")
  void nobodyAvailable() {
    String before = new TransactionTemplate(transactions).execute(status ->
        roundRobin.next(territory, ADVOCATES, advocate -> true).orElseThrow());

    Optional<String> nobody = new TransactionTemplate(transactions).execute(status ->
        roundRobin.next(territory, ADVOCATES, advocate -> false));
    assertThat(nobody).isEmpty();
    assertThat(jdbc.queryForObject("SELECT last_advocate FROM smb_case_round_robin WHERE territory = ?", String.class,
        territory)).isEqualTo(before);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
