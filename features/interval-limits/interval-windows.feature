@resource-server @op-create-outgoing-payment @interval-limits @clock @consent
Feature: Intervals begin and end
  The limit applies again in full when the next interval begins. A grant for n repetitions pays
  in n intervals and no more (ISO 8601 repeating intervals; wallets running Rafiki allow one
  more).

  Background:
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet

  Scenario: The next interval allows new payments
    Given the user granted the client outgoing payments of up to 10.00 every P1D from the sender's wallet
    And the client paid 10.00 to the receiver
    When the next interval begins
    And the client rotates the outgoing-payment token
    And the client pays 10.00 to the receiver
    Then the payment went through
    And the grant has spent 10.00 from the sender in this interval

  Scenario: No payments after the last repetition
    Given the user granted the client outgoing payments of up to 10.00 every PT1H, 2 times, from the sender's wallet
    And the client paid 10.00 to the receiver
    When the next interval begins
    And the client rotates the outgoing-payment token
    And the client pays 10.00 to the receiver
    Then the payment went through
    When the next interval begins
    Then a payment of 10.00 to the receiver is refused after the last repetition
