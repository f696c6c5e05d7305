package dev.opkit.mock.store;

import java.util.List;
import java.util.Optional;

/** Reading a session's access tokens. */
public interface TokenReads {
  Optional<TokenRecord> findByValue(String value);

  Optional<TokenRecord> findByManageId(String manageId);

  /** Every token a grant ever had, oldest first. */
  List<TokenRecord> ofGrant(String grantId);

  /** How many access tokens the session holds, in any state. */
  int count();
}
