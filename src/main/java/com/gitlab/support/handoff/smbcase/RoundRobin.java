package com.gitlab.support.handoff.smbcase;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R21: whose turn it is in a territory, kept in the application database (table
 * {@code smb_case_round_robin}) so the order survives restarts and is shared by every node.
 *
 * <p>The territory's row is locked ({@code SELECT … FOR UPDATE}) inside the engine's transaction, so
 * two nodes routing cases at the same moment take turns; if the case's transaction rolls back, so
 * does the turn.
 */
@Component
public class RoundRobin {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public RoundRobin(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The next advocate after the one who had the last turn, in the order given, skipping those who are
   * not available; empty when nobody is. The chosen advocate has the turn from now on.
   */
  public Optional<String> next(String territory, List<String> advocates, Predicate<String> available) {
    String last = lockTurn(territory);
    int start = last == null ? 0 : firstAfter(advocates, last);
    for (int i = 0; i < advocates.size(); i++) {
      String candidate = advocates.get((start + i) % advocates.size());
      if (available.test(candidate)) {
        jdbc.update("UPDATE smb_case_round_robin SET last_advocate = ?, updated_at = ? WHERE territory = ?",
            candidate, new Timestamp(ClockUtil.getCurrentTime().getTime()), territory);
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Who had the last turn in the territory, with the territory's row locked until the transaction ends. */
  private String lockTurn(String territory) {
    List<String> last = selectForUpdate(territory);
    if (last.isEmpty()) {
      try {
        // The first case of a territory creates its row, committed at once so that a parallel first case waits on it.
        ownTransaction.executeWithoutResult(status -> jdbc.update(
            "INSERT INTO smb_case_round_robin (territory, last_advocate, updated_at) VALUES (?, NULL, ?)",
            territory, new Timestamp(ClockUtil.getCurrentTime().getTime())));
      } catch (DuplicateKeyException createdByAnotherNode) {
        // Another node created it first; its row is as good as ours.
      }
      last = selectForUpdate(territory);
    }
    return last.get(0);
  }

  private List<String> selectForUpdate(String territory) {
    return jdbc.query("SELECT last_advocate FROM smb_case_round_robin WHERE territory = ? FOR UPDATE",
        (rs, i) -> rs.getString(1), territory);
  }

  /** The index of the first advocate ordered after {@code last}, wrapping round; advocates are in ascending order. */
  private static int firstAfter(List<String> advocates, String last) {
    for (int i = 0; i < advocates.size(); i++) {
      if (advocates.get(i).compareTo(last) > 0) {
        return i;
      }
    }
    return 0;
  }
}
