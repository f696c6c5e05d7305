package dev.opkit.protocol.gnap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessActionTest {

  @ParameterizedTest
  @EnumSource(AccessAction.class)
  void satisfiesWhenSameActionThenTrue(AccessAction action) {
    assertThat(action.satisfies(action)).isTrue();
  }

  @Test
  void satisfiesWhenReadAllForReadThenTrueButNotTheReverse() {
    assertThat(AccessAction.READ_ALL.satisfies(AccessAction.READ)).isTrue();
    assertThat(AccessAction.READ.satisfies(AccessAction.READ_ALL)).isFalse();
  }

  @Test
  void satisfiesWhenListAllForListThenTrueButNotTheReverse() {
    assertThat(AccessAction.LIST_ALL.satisfies(AccessAction.LIST)).isTrue();
    assertThat(AccessAction.LIST.satisfies(AccessAction.LIST_ALL)).isFalse();
  }

  @Test
  void satisfiesWhenUnrelatedActionsThenFalse() {
    assertThat(AccessAction.READ_ALL.satisfies(AccessAction.LIST)).isFalse();
    assertThat(AccessAction.LIST_ALL.satisfies(AccessAction.READ)).isFalse();
    assertThat(AccessAction.CREATE.satisfies(AccessAction.COMPLETE)).isFalse();
  }

  @Test
  void anySatisfiesWhenGrantedSetThenChecksEach() {
    List<AccessAction> granted = List.of(AccessAction.CREATE, AccessAction.READ_ALL);
    assertThat(AccessAction.anySatisfies(granted, AccessAction.READ)).isTrue();
    assertThat(AccessAction.anySatisfies(granted, AccessAction.LIST)).isFalse();
  }

  @Test
  void coversAllClientsWhenAllVariantsThenTrue() {
    assertThat(AccessAction.READ_ALL.coversAllClients()).isTrue();
    assertThat(AccessAction.LIST_ALL.coversAllClients()).isTrue();
    assertThat(AccessAction.READ.coversAllClients()).isFalse();
  }

  @Test
  void jsonWhenWrittenThenWireNames() {
    assertThat(Json.write(List.of(AccessAction.values())))
        .isEqualTo("[\"create\",\"complete\",\"read\",\"read-all\",\"list\",\"list-all\"]");
    assertThat(Json.read("\"list-all\"", AccessAction.class)).isEqualTo(AccessAction.LIST_ALL);
    assertThat(AccessAction.fromWireName("read_all")).isEmpty();
  }
}
