package dev.opkit.mock.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreationIndexTest {
  private final CreationIndex<String, String> index = new CreationIndex<>();

  @BeforeEach
  void fiveItems() {
    for (long i = 1; i <= 5; i++) {
      index.add("alice", i, "p" + i);
    }
    index.add("bob", 6, "other");
  }

  @Test
  void pageWhenNoCursorThenNewestFirst() {
    PageResult<String> page = index.page("alice", 2, false, null);

    assertThat(page.items()).containsExactly("p5", "p4");
    assertThat(page.hasNextPage()).isTrue();
    assertThat(page.hasPreviousPage()).isFalse();
  }

  @Test
  void pageWhenFirstAfterCursorThenOlderItems() {
    PageResult<String> page = index.page("alice", 2, false, 4L);

    assertThat(page.items()).containsExactly("p3", "p2");
    assertThat(page.hasNextPage()).isTrue();
    assertThat(page.hasPreviousPage()).isTrue();
  }

  @Test
  void pageWhenLastPageThenNoNextPage() {
    PageResult<String> page = index.page("alice", 20, false, 2L);

    assertThat(page.items()).containsExactly("p1");
    assertThat(page.hasNextPage()).isFalse();
  }

  @Test
  void pageWhenLastBeforeCursorThenNewerItemsNewestFirst() {
    PageResult<String> page = index.page("alice", 2, true, 2L);

    assertThat(page.items()).containsExactly("p4", "p3");
    assertThat(page.hasNextPage()).isTrue();
    assertThat(page.hasPreviousPage()).isTrue();
  }

  @Test
  void pageWhenLastReachesNewestThenNoPreviousPage() {
    PageResult<String> page = index.page("alice", 5, true, 3L);

    assertThat(page.items()).containsExactly("p5", "p4");
    assertThat(page.hasPreviousPage()).isFalse();
  }

  @Test
  void pageWhenGroupUnknownThenEmpty() {
    assertThat(index.page("carol", 20, false, null).items()).isEmpty();
  }
}
