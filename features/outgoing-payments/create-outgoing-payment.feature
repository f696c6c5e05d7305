@resource-server @op-create-outgoing-payment @consent
Feature: Pay with an outgoing payment
  With the user's outgoing-payment grant, the client pays a quote from the sender's wallet (the
  guide's step 10), or pays an incoming payment a fixed amount directly. Each quote pays once.

  Background:
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet
    And the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver

  Scenario: Paying a quote
    Given a quote for sending 10.00 to it
    When the client pays the quote
    Then the answer follows the Open Payments schema
    And the outgoing payment debits and delivers what the quote said
    And the outgoing payment pays the quote's receiver from the sender's wallet
    And the outgoing payment has not failed
    And what the grant has spent, as the answer reports it, includes this payment

  Scenario: Paying an incoming payment directly, without a quote
    When the client pays 10.00 into the incoming payment without a quote
    Then the answer follows the Open Payments schema
    And the outgoing payment debits exactly 10.00 from the sender
    And the outgoing payment has not failed

  Scenario: A quote pays only once
    Given a quote for sending 10.00 to it
    And the client paid the quote
    When the client pays the quote again
    Then the resource server refuses the request

  Scenario: The money reaches the receiver
    Given a quote for sending 10.00 to it
    When the client pays the quote
    Then the incoming payment has received what the quote promised

  @admin-api
  Scenario: The sender pays exactly what the quote debits
    Given a quote for sending 10.00 to it
    When the client pays the quote
    Then the sender's balance went down by what the quote debits

  @admin-api
  Scenario: A sender without enough money pays nothing
    Given the sender's balance is 5.00
    And a quote for sending 10.00 to it
    When the client pays the quote
    Then the outgoing payment has failed
    And the sender's balance is unchanged

  @admin-api
  Scenario: A payment the wallet fails returns the money
    Given the sender's wallet will fail its next payment
    And a quote for sending 10.00 to it
    When the client pays the quote
    Then the outgoing payment has failed
    And the sender's balance is unchanged
