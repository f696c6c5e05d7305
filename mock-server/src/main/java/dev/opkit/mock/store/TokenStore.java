package dev.opkit.mock.store;

import java.util.List;
import java.util.Optional;

/**
 * A session's access tokens, inside a transaction. A change of a token goes with its grant: take
 * the grant for update first.
 */
public interface TokenStore {
  Optional<TokenRecord> findByManageId(String manageId);

  /** Every token a grant ever had, oldest first, this transaction's included. */
  List<TokenRecord> ofGrant(String grantId);

  /** Saves a new token or a new version of one (its value and manage id never change). */
  void save(TokenRecord token);
}
