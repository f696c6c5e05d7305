package dev.opkit.protocol.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.opkit.protocol.amount.Amount;

/**
 * What an outgoing-payment grant has spent, {@code GET {resourceServer}/outgoing-payment-grant}
 * (resource-server {@code get-outgoing-payment-grant}; current interval when the grant has one).
 * Both keys are always written, as {@code null} when nothing applies: the spec requires them.
 */
public record GrantSpentAmounts(
    @JsonInclude(JsonInclude.Include.ALWAYS) Amount spentDebitAmount,
    @JsonInclude(JsonInclude.Include.ALWAYS) Amount spentReceiveAmount) {}
