@resource-server @op-get-outgoing-payment @op-list-outgoing-payments @op-get-outgoing-payment-grant @consent
Feature: Read outgoing payments and what a grant has spent
  The client reads back its outgoing payments, lists them newest first, and asks how much of the
  grant's limit has been spent.

  Background:
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet
    And the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And the client paid 10.00 to the receiver
    And the client paid 5.00 to the receiver

  @op-get-outgoing-payment
  Scenario: The client reads an outgoing payment
    When the client reads the last outgoing payment
    Then the answer follows the Open Payments schema
    And it is the outgoing payment that was created

  @op-list-outgoing-payments @lists
  Scenario: The client lists its outgoing payments, newest first
    When the client lists the first 2 outgoing payments of the sender
    Then the answer follows the Open Payments schema
    And the page holds the payments of 5.00 and 10.00, newest first

  @op-get-outgoing-payment-grant
  Scenario: The grant tells what it has spent
    When the client asks what the outgoing-payment grant has spent
    Then the answer follows the Open Payments schema
    And the grant has spent 15.00 from the sender
