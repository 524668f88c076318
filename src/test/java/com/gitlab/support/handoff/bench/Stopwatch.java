package com.gitlab.support.handoff.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Wall time and CPU time of a stage: this JVM's, and PostgreSQL's server processes' (read from /proc,
 * so on a shared machine it includes other clients of the same server). CPU time per unit is what a
 * busy machine distorts least: 2 cores divided by it is the rate a quiet machine would reach.
 */
final class Stopwatch {

  private static final long CLOCK_TICKS_PER_SECOND = 100;

  final long startedNanos = System.nanoTime();
  private final long jvmCpuNanos = jvmCpuNanos();
  private final long postgresCpuTicks = postgresCpuTicks();

  double seconds() {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  double jvmCpuSeconds() {
    return (jvmCpuNanos() - jvmCpuNanos) / 1e9;
  }

  double postgresCpuSeconds() {
    return (postgresCpuTicks() - postgresCpuTicks) / (double) CLOCK_TICKS_PER_SECOND;
  }

  private static long jvmCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  /** utime + stime of every process named postgres, in clock ticks; 0 where /proc cannot tell. */
  static long postgresCpuTicks() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .mapToLong(Stopwatch::postgresTicks).sum();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long postgresTicks(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
        return 0;
      }
      String[] fields = stat.substring(close + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
