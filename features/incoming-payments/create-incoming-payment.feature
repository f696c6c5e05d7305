@resource-server @op-create-incoming-payment
Feature: Create an incoming payment
  The receiver's wallet creates an incoming payment that a sender can pay into: for an amount, or
  open, until it expires (the guide's step 3). It starts with nothing received.

  Background:
    Given a client with its own wallet address and key
    And a receiver wallet
    And the client holds an incoming-payment grant for the receiver's wallet

  Scenario: An incoming payment for an amount
    When the client creates an incoming payment at the receiver for 25.00 with the note "invoice 42"
    Then the answer follows the Open Payments schema
    And the incoming payment belongs to the receiver's wallet address
    And it expects 25.00 in the receiver's asset
    And it has received nothing and is not completed
    And it carries the details to pay it over Interledger
    And it keeps the note "invoice 42"

  Scenario: An open incoming payment, without an amount
    When the client creates an incoming payment at the receiver without an amount
    Then the answer follows the Open Payments schema
    And it has received nothing and is not completed
    And it expects no particular amount

  Scenario: An incoming payment in another asset than the wallet's is refused
    When the client creates an incoming payment at the receiver for 25.00 in an asset the wallet does not hold
    Then the resource server refuses the request

  Scenario: An incoming payment that has already expired is refused
    When the client creates an incoming payment at the receiver that expired an hour ago
    Then the resource server refuses the request

  Scenario: A token for quotes cannot create incoming payments
    Given the client holds a quote grant for the receiver's wallet
    When the client creates an incoming payment at the receiver with the quote token
    Then the resource server refuses the request as forbidden
