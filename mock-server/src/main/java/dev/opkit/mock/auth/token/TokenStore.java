package dev.opkit.mock.auth.token;

import java.util.List;
import java.util.Optional;

/** Where access tokens are kept, found by value, management id or grant. */
public interface TokenStore {
  void add(AccessTokenRecord token);

  Optional<AccessTokenRecord> findByValue(String value);

  Optional<AccessTokenRecord> findByManageId(String manageId);

  /** Every token a grant ever had, oldest first. */
  List<AccessTokenRecord> ofGrant(String grantId);

  /** How many access tokens are stored, in any state. */
  int count();

  void clear();
}
