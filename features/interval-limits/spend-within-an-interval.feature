@resource-server @op-create-outgoing-payment @interval-limits @consent
Feature: Spend within an interval's limit
  A recurring grant limits what may leave the sender in each interval, e.g. 10.00 every day.
  Payments that fit in what is left of the interval's limit go through; a payment that would pass
  it is refused, and nothing is taken from the sender.

  Background:
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet
    And the user granted the client outgoing payments of up to 10.00 every P1D from the sender's wallet

  Scenario: Payments that fit in the interval's limit go through
    When the client pays 4.00 to the receiver
    And the client pays 6.00 to the receiver
    Then both payments went through
    And the grant has spent 10.00 from the sender in this interval

  Scenario: A payment past the interval's limit is refused
    Given the client paid 6.00 to the receiver
    When the client pays 6.00 to the receiver
    Then the resource server refuses the payment as over the limit
    And the grant has spent 6.00 from the sender in this interval

  Scenario: Rotating the token does not reset what the grant spent
    Given the client paid 10.00 to the receiver
    When the client rotates the outgoing-payment token
    And the client pays 1.00 to the receiver
    Then the resource server refuses the payment as over the limit
