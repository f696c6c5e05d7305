@resource-server @op-create-quote
Feature: Quote a payment
  Before paying, the client asks the sender's wallet for a quote: how much leaves the sender and
  how much reaches the receiver, fixing one of the two (the guide's step 5). A quote is only
  valid for a while and only for a receiver that still takes payments.

  Background:
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet
    And the client holds a quote grant for the sender's wallet

  Scenario: A quote that fixes what the sender pays
    Given an open incoming payment at the receiver
    When the client quotes sending 10.00 to it
    Then the answer follows the Open Payments schema
    And the quote debits exactly 10.00 from the sender
    And the quote says what the receiver gets, in the receiver's asset
    And the quote pays the incoming payment from the sender's wallet
    And the quote expires in the future

  Scenario: A quote that fixes what the receiver gets
    Given an open incoming payment at the receiver
    When the client quotes the receiver getting 9.00 from it
    Then the answer follows the Open Payments schema
    And the receiver gets exactly 9.00
    And the quote says what the sender pays, in the sender's asset

  Scenario: A quote for the amount the incoming payment expects
    Given an incoming payment at the receiver for 25.00
    When the client quotes paying it in full
    Then the answer follows the Open Payments schema
    And the receiver gets exactly 25.00

  Scenario: A quote for an incoming payment that does not exist is refused
    When the client quotes sending 10.00 to an incoming payment that does not exist
    Then the resource server refuses the request

  Scenario: A quote without an amount for an open incoming payment is refused
    Given an open incoming payment at the receiver
    When the client quotes paying it in full
    Then the resource server refuses the request
