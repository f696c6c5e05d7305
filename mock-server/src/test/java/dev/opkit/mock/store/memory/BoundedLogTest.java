package dev.opkit.mock.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedLogTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void whenFullThenTheOldestGivesWay() {
    BoundedLog<String> log = new BoundedLog<>(2, 0);

    log.append(1, "one");
    log.append(3, "three");
    log.append(2, "two");

    assertThat(log.newest(10, e -> true)).containsExactly("three", "two");
    assertThat(log.last()).isEqualTo(3);
  }

  @Test
  void whenManyAppendAtOnceThenItKeepsExactlyTheNewestUpToItsCapacity() throws Exception {
    for (int round = 0; round < 200; round++) {
      BoundedLog<Long> log = new BoundedLog<>(3, 0);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> appends = new ArrayList<>();
      for (long sequence = 1; sequence <= 40; sequence++) {
        long appended = sequence;
        appends.add(
            pool.submit(
                () -> {
                  start.await();
                  log.append(appended, appended);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> append : appends) {
        append.get(5, TimeUnit.SECONDS);
      }

      assertThat(log.newest(10, e -> true))
          .as("round %d", round)
          .containsExactlyElementsOf(LongStream.of(40, 39, 38).boxed().toList());
    }
  }
}
