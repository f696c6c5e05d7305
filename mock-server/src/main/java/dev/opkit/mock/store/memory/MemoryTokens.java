package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.TokenReads;
import dev.opkit.mock.store.TokenRecord;
import dev.opkit.mock.store.TokenStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A session's access tokens: by value, by management id, and per grant in issuing order. */
final class MemoryTokens implements TokenReads {
  private final ConcurrentMap<String, TokenRecord> rows = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> byManageId = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, List<String>> byGrant = new ConcurrentHashMap<>();

  @Override
  public Optional<TokenRecord> findByValue(String value) {
    return Optional.ofNullable(rows.get(value));
  }

  @Override
  public Optional<TokenRecord> findByManageId(String manageId) {
    return Optional.ofNullable(byManageId.get(manageId)).map(rows::get);
  }

  @Override
  public List<TokenRecord> ofGrant(String grantId) {
    List<String> values = byGrant.get(grantId);
    return values == null ? List.of() : values.stream().map(rows::get).toList();
  }

  @Override
  public int count() {
    return rows.size();
  }

  Writes writes() {
    return new Writes();
  }

  private void apply(TokenRecord token) {
    if (rows.put(token.value(), token) == null) {
      byManageId.put(token.manageId(), token.value());
      byGrant
          .computeIfAbsent(token.grantId(), g -> new CopyOnWriteArrayList<>())
          .add(token.value());
    }
  }

  /** The tokens as one transaction sees and changes them. */
  final class Writes implements TokenStore, Pending {
    private final Overlay<String, TokenRecord> overlay = new Overlay<>(rows);

    @Override
    public Optional<TokenRecord> findByManageId(String manageId) {
      for (TokenRecord mine : overlay.writtenValues()) {
        if (mine.manageId().equals(manageId)) {
          return Optional.of(mine);
        }
      }
      return Optional.ofNullable(byManageId.get(manageId)).map(overlay::get);
    }

    @Override
    public List<TokenRecord> ofGrant(String grantId) {
      List<TokenRecord> tokens = new ArrayList<>();
      List<String> committed = byGrant.get(grantId);
      if (committed != null) {
        committed.forEach(value -> tokens.add(overlay.get(value)));
      }
      for (TokenRecord mine : overlay.writtenValues()) {
        if (mine.grantId().equals(grantId) && !rows.containsKey(mine.value())) {
          tokens.add(mine);
        }
      }
      return tokens;
    }

    @Override
    public void save(TokenRecord token) {
      overlay.put(token.value(), token);
    }

    @Override
    public void commit() {
      overlay.forEach((value, token) -> apply(token));
    }
  }
}
