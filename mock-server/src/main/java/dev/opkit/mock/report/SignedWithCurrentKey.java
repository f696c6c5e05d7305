package dev.opkit.mock.report;

import dev.opkit.mock.store.JournalEntry;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.MisbehaviourKind;
import java.util.List;

/**
 * Once its signing key was rotated out of its own JWKS, the client signs with a key that JWKS still
 * lists: at most one request (the one whose refusal tells it) is signed with the removed key.
 */
final class SignedWithCurrentKey implements ClientRule {
  /** Requests signed with a removed key that are still fine: the one that learns of it. */
  static final int ALLOWED_OLD_KEY_REQUESTS = 1;

  @Override
  public String id() {
    return "signed-with-current-key";
  }

  @Override
  public String title() {
    return "After a key rotation, signs with a key its JWKS lists: at most one request with the"
        + " removed key";
  }

  @Override
  public String clause() {
    return "RFC 9635 §7.3 (proving possession of the client instance's key), RFC 9421 §3.2 (the"
        + " verifier finds the key by keyid); Open Payments docs: client keys (the keys of the"
        + " client's wallet address jwks.json)";
  }

  @Override
  public String level() {
    return "SHOULD";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    List<MisbehaviourFiring> rotated = trail.firings(MisbehaviourKind.CLIENT_KEY_ROTATED);
    if (rotated.isEmpty()) {
      return result(
          Verdict.NOT_EXERCISED,
          "no client key was rotated out (misbehaviour client-key-rotated)",
          List.of());
    }
    for (MisbehaviourFiring firing : rotated) {
      if (firing.keysLeft() != null && firing.keysLeft() == 0) {
        return result(
            Verdict.NOT_EXERCISED,
            "key \""
                + firing.keyId()
                + "\" was the client's only key: its JWKS lists none after the rotation, so the"
                + " client could not switch; register its next key first (POST"
                + " /admin/wallet-addresses/{name}/keys)",
            List.of(ClientTrail.evidence(firing, "only key removed: " + firing.keyId())));
      }
    }
    boolean followed = false;
    for (MisbehaviourFiring firing : rotated) {
      List<JournalEntry> after =
          trail.entries().stream().filter(e -> e.sequence() > firing.sequence()).toList();
      followed |= !after.isEmpty();
      List<JournalEntry> oldKey =
          after.stream().filter(e -> firing.keyId().equals(e.keyId())).toList();
      if (oldKey.size() > ALLOWED_OLD_KEY_REQUESTS) {
        return result(
            Verdict.FAILED,
            "the client signed "
                + oldKey.size()
                + " requests with key \""
                + firing.keyId()
                + "\" after it was removed from its JWKS (at most "
                + ALLOWED_OLD_KEY_REQUESTS
                + " is fine)",
            oldKey.stream()
                .map(e -> ClientTrail.evidence(e, "signed with removed key " + firing.keyId()))
                .toList());
      }
    }
    if (!followed) {
      return result(
          Verdict.NOT_EXERCISED,
          "the client sent no signed request after its key was rotated out",
          List.of(ClientTrail.evidence(rotated.get(0), "key removed: " + rotated.get(0).keyId())));
    }
    return result(
        Verdict.PASSED,
        "after each rotation the client signed with a key its JWKS lists",
        List.of(ClientTrail.evidence(rotated.get(0), "key removed: " + rotated.get(0).keyId())));
  }
}
