package dev.opkit.mock.auth.interaction;

import dev.opkit.mock.auth.grant.GrantService;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.InteractFinish;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the consent page shows for a grant: who asks (public name and wallet address), for which
 * wallet, which access and actions, the limits in words, and where the answer sends the person.
 */
public record ConsentView(Map<String, Object> model) {
  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("d MMM uuuu 'at' HH:mm:ss 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /**
   * The page model of a pending grant.
   *
   * @param consentToken the token the page's form sends back ({@link ConsentTokens})
   */
  public static ConsentView of(SessionAse ase, GrantRecord grant, String consentToken) {
    Map<String, Object> model = new LinkedHashMap<>();
    String clientName = grant.clientNameIfAny().orElse(grant.client().id());
    model.put("providerName", ase.name());
    model.put("clientName", clientName);
    model.put("clientUrl", grant.client().id());
    List<String> wallets =
        grant.access().stream()
            .map(AccessItem::identifier)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
    model.put(
        "walletsText",
        wallets.isEmpty() ? "your wallet addresses at " + ase.base() : String.join(", ", wallets));
    List<Map<String, Object>> items = grant.access().stream().map(item -> item(item, ase)).toList();
    model.put("hasItems", !items.isEmpty());
    model.put("items", items);
    grant.subjectIfAny().ifPresent(s -> model.put("subject", s.subIds().get(0).id()));
    model.put("expiresAt", EXPIRY.format(grant.interactionIfAny().orElseThrow().expiresAt()));
    model.put("actionUrl", GrantService.redirectUrl(ase, grant));
    model.put("tokenField", ConsentTokens.FIELD);
    model.put("consentToken", consentToken);
    InteractFinish finish = grant.interactionIfAny().orElseThrow().finish();
    if (finish != null) {
      model.put("finishHost", URI.create(finish.uri()).getHost());
      model.put("finishUri", finish.uri());
    }
    return new ConsentView(Map.copyOf(model));
  }

  private static Map<String, Object> item(AccessItem item, SessionAse ase) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("type", typeWords(item.type()));
    view.put(
        "actions",
        item.actions().stream().map(ConsentView::actionWords).collect(Collectors.joining(", ")));
    if (item.identifier() != null) {
      view.put("wallet", item.identifier());
    }
    if (item.limits() != null) {
      view.put("limits", LimitsInWords.describe(item.limits(), ase.profile().windowCounting()));
    }
    return view;
  }

  private static String typeWords(AccessType type) {
    return switch (type) {
      case INCOMING_PAYMENT -> "Incoming payments (money coming in)";
      case OUTGOING_PAYMENT -> "Outgoing payments (money going out)";
      case QUOTE -> "Quotes (prices of payments)";
    };
  }

  private static String actionWords(AccessAction action) {
    return switch (action) {
      case CREATE -> "create them";
      case COMPLETE -> "complete them";
      case READ -> "read the ones it created";
      case READ_ALL -> "read all of them";
      case LIST -> "list the ones it created";
      case LIST_ALL -> "list all of them";
    };
  }
}
