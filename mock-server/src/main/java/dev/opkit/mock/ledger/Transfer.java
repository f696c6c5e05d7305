package dev.opkit.mock.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A set of moves the {@link Ledger} applies all together or not at all. Every move takes money from
 * one account and gives it to another account of the same asset, so a transfer can never create or
 * destroy money.
 *
 * @param description what the transfer is for, shown in error messages
 * @param moves the moves, in the order they were added
 */
public record Transfer(String description, List<Move> moves) {
  public Transfer {
    Objects.requireNonNull(description, "description");
    moves = List.copyOf(moves);
  }

  /** Starts a transfer. */
  public static Builder builder(String description) {
    return new Builder(description);
  }

  /** The net change per account, summing every move that touches it. */
  Map<Account, BigInteger> netChanges() {
    Map<Account, BigInteger> net = new LinkedHashMap<>();
    for (Move move : moves) {
      net.merge(move.from(), move.amount().negate(), BigInteger::add);
      net.merge(move.to(), move.amount(), BigInteger::add);
    }
    return net;
  }

  /**
   * One move of money.
   *
   * @param from the account debited
   * @param to the account credited
   * @param amount a positive amount in the accounts' asset's smallest unit
   */
  public record Move(Account from, Account to, BigInteger amount) {
    public Move {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(amount, "amount");
      if (!from.asset().equals(to.asset())) {
        throw new IllegalArgumentException(
            "a move must stay in one asset, but " + from + " and " + to + " differ");
      }
      if (amount.signum() < 0) {
        throw new IllegalArgumentException("a move's amount must not be negative: " + amount);
      }
    }
  }

  /** Collects moves; zero-amount moves are dropped. */
  public static final class Builder {
    private final String description;
    private final List<Move> moves = new ArrayList<>();

    private Builder(String description) {
      this.description = description;
    }

    /** Moves {@code amount} from {@code from} to {@code to}. */
    public Builder move(Account from, Account to, BigInteger amount) {
      Move move = new Move(from, to, amount);
      if (amount.signum() > 0) {
        moves.add(move);
      }
      return this;
    }

    public Transfer build() {
      return new Transfer(description, moves);
    }
  }
}
