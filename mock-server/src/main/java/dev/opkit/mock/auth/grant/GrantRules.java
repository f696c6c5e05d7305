package dev.opkit.mock.auth.grant;

import dev.opkit.mock.auth.AuthConfig;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.spending.ParsedIntervals;
import dev.opkit.mock.store.ClientIdentity;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.gnap.FinishUri;
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.gnap.InvalidFinishUriException;
import dev.opkit.protocol.interval.InvalidIntervalException;
import dev.opkit.protocol.keys.KeyFormatException;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.GrantRequest;
import dev.opkit.protocol.model.InteractRequest;
import dev.opkit.protocol.model.Limits;
import dev.opkit.protocol.model.Subject;
import dev.opkit.protocol.model.SubjectId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a grant request must follow beyond its schema (PROTOCOL.md §4.1, §4.5, §5): access
 * items that name this provider's wallets, limits in the wallet's asset with at most one amount and
 * a usable interval, interaction offered when consent is needed, a finish URI the user's browser
 * may safely be sent to ({@link FinishUri}), and a client that can be shown to a person. Which
 * access types need consent comes from the configuration, globally or per wallet.
 */
public final class GrantRules {
  private final WalletService wallets;
  private final AuthConfig config;

  public GrantRules(WalletService wallets, AuthConfig config) {
    this.wallets = wallets;
    this.config = config;
  }

  /** A wallet an access item names, with the URL it was named by. */
  private record NamedWallet(WalletRecord record, String url) {
    String name() {
      return record.id().name();
    }

    dev.opkit.protocol.amount.Asset asset() {
      return record.asset();
    }
  }

  /**
   * Checks a request for a provider.
   *
   * @return whether the grant needs the user's consent
   * @throws ApiException 400 {@code invalid_request} or {@code invalid_client} naming the problem
   */
  public boolean check(SessionAse ase, GrantRequest request, ClientIdentity client) {
    checkClient(client);
    requireSomethingAsked(request);
    checkFinish(request.interact());
    List<String> reasons = new ArrayList<>();
    if (request.accessToken() != null) {
      for (AccessItem item : request.accessToken().access()) {
        checkItem(ase, item).ifPresent(reasons::add);
      }
    }
    if (request.subject() != null) {
      checkSubject(ase, request.subject());
      reasons.add("it asks about a subject");
    }
    if (reasons.isEmpty()) {
      return false;
    }
    InteractRequest interact = request.interact();
    if (interact == null || !interact.start().contains(InteractRequest.REDIRECT)) {
      throw invalidRequest(
          "this grant needs the user's consent ("
              + String.join("; ", reasons)
              + "), so the request must offer interaction: add \"interact\": {\"start\":"
              + " [\"redirect\"], \"finish\": {\"method\": \"redirect\", \"uri\": …, \"nonce\":"
              + " …}}");
    }
    if (client instanceof ClientIdentity.DirectedKey) {
      throw new ApiException(
          400,
          GnapErrorCode.INVALID_CLIENT.code(),
          "a client identified by a jwk (directed identity) may only ask for grants without"
              + " interaction; use your wallet address as client for this one");
    }
    return true;
  }

  private static void checkClient(ClientIdentity client) {
    if (client instanceof ClientIdentity.DirectedKey key) {
      try {
        key.publicKey();
      } catch (KeyFormatException e) {
        throw new ApiException(
            400,
            GnapErrorCode.INVALID_CLIENT.code(),
            "client.jwk is not an Open Payments key: " + e.getMessage());
      }
      if (key.jwk().kid() == null || key.jwk().kid().isBlank()) {
        throw new ApiException(
            400,
            GnapErrorCode.INVALID_CLIENT.code(),
            "client.jwk needs a \"kid\": the keyid your signatures name");
      }
      return;
    }
    String url = client.id();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw badClient(url);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw badClient(url);
    }
  }

  /** Checks one access item; returns why it needs consent, or empty when it does not. */
  private Optional<String> checkItem(SessionAse ase, AccessItem item) {
    AccessType type = item.type();
    for (AccessAction action : item.actions()) {
      if (!type.allows(action)) {
        throw invalidRequest(
            "access type "
                + type
                + " has no action '"
                + action
                + "'; it allows "
                + type.allowedActions());
      }
    }
    Optional<NamedWallet> wallet = Optional.empty();
    if (item.identifier() != null) {
      wallet = Optional.of(walletOf(ase, item.identifier()));
    } else if (type.identifierRule() == AccessType.IdentifierRule.REQUIRED) {
      throw invalidRequest(
          "access type " + type + " needs an \"identifier\": the wallet address it acts on");
    }
    if (item.limits() != null) {
      checkLimits(item.limits(), wallet.orElseThrow());
    }
    Optional<String> consent = consentReason(ase, item, wallet);
    // Rafiki refuses an item that needs consent without an identifier: the user consents to access
    // on a named wallet address. Not for quotes: the spec's schema forbids a quote item an
    // identifier, so requiring one would make consent to quotes (configurable) impossible.
    if (consent.isPresent()
        && wallet.isEmpty()
        && type.identifierRule() != AccessType.IdentifierRule.NOT_IN_SCHEMA) {
      throw invalidRequest(
          "access identifier required: "
              + consent.get()
              + ", and the user can only consent to access on a wallet address the item names;"
              + " add \"identifier\": the wallet address it acts on");
    }
    return consent;
  }

  private Optional<String> consentReason(
      SessionAse ase, AccessItem item, Optional<NamedWallet> wallet) {
    AccessType type = item.type();
    Set<AccessType> interactive =
        wallet.map(w -> config.interactiveFor(ase.name(), w.name())).orElse(config.interactive());
    if (interactive.contains(type)) {
      return Optional.of(
          type
              + " access needs consent"
              + wallet.map(w -> " for " + w.url()).orElse(" on this provider"));
    }
    if (config.listAllInteractive() && item.actions().contains(AccessAction.LIST_ALL)) {
      return Optional.of(type + " list-all needs consent");
    }
    return Optional.empty();
  }

  /** A request must ask for an access token with access, or for subject information. */
  private static void requireSomethingAsked(GrantRequest request) {
    boolean noAccess = request.accessToken() == null || request.accessToken().access().isEmpty();
    boolean noSubject = request.subject() == null || request.subject().subIds().isEmpty();
    if (noAccess && noSubject) {
      throw invalidRequest(
          "the grant request asks for nothing: access_token.access is empty and there is no"
              + " subject; ask for at least one access item (or for subject information)");
    }
  }

  private NamedWallet walletOf(SessionAse ase, String identifier) {
    return ase.walletIdOf(identifier)
        .flatMap(id -> wallets.find(ase, id.name()))
        .map(w -> new NamedWallet(w, identifier))
        .orElseThrow(
            () ->
                invalidRequest(
                    "identifier "
                        + identifier
                        + " is not a wallet address of this auth server's provider ("
                        + ase.base()
                        + "); ask the auth server named in that wallet address's document"));
  }

  private static void checkLimits(Limits limits, NamedWallet wallet) {
    if (limits.debitAmount() != null && limits.receiveAmount() != null) {
      throw invalidRequest(
          "limits may hold debitAmount or receiveAmount, not both (Open Payments: one amount"
              + " per grant)");
    }
    Amount debit = limits.debitAmount();
    if (debit != null && !debit.asset().equals(wallet.asset())) {
      throw invalidRequest(
          "limits.debitAmount is in "
              + debit.asset()
              + " but "
              + wallet.url()
              + " holds "
              + wallet.asset()
              + "; a debit limit must be in the sending wallet's asset");
    }
    if (limits.interval() != null) {
      try {
        ParsedIntervals.of(limits.interval());
      } catch (InvalidIntervalException e) {
        throw invalidRequest("limits.interval: " + e.getMessage());
      }
    }
  }

  private static void checkFinish(InteractRequest interact) {
    if (interact != null && interact.finish() != null) {
      try {
        FinishUri.check(interact.finish().uri());
      } catch (InvalidFinishUriException e) {
        throw invalidRequest(e.getMessage());
      }
    }
  }

  private void checkSubject(SessionAse ase, Subject subject) {
    if (subject.subIds().size() != 1) {
      throw invalidRequest(
          "subject.sub_ids must hold exactly one id, got " + subject.subIds().size());
    }
    SubjectId id = subject.subIds().get(0);
    if (!SubjectId.URI.equals(id.format())) {
      throw invalidRequest(
          "subject.sub_ids[0].format must be \"uri\", got \"" + id.format() + "\"");
    }
    walletOf(ase, id.id());
  }

  private static ApiException badClient(String url) {
    return new ApiException(
        400,
        GnapErrorCode.INVALID_CLIENT.code(),
        "client must be your wallet address URL (http or https, no query or fragment), got '"
            + url
            + "'");
  }

  private static ApiException invalidRequest(String description) {
    return new ApiException(400, GnapErrorCode.INVALID_REQUEST.code(), description);
  }
}
