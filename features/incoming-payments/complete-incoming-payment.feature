@resource-server @op-complete-incoming-payment
Feature: Complete an incoming payment
  The receiver's side completes an incoming payment when it expects no more money. A completed
  incoming payment takes no more payments.

  Background:
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet
    And an incoming payment at the receiver for 25.00

  Scenario: A completed incoming payment takes no more payments
    When the client completes the incoming payment
    Then the answer follows the Open Payments schema
    And the incoming payment is completed
    And a quote to pay it is refused

  Scenario: An incoming payment completes only once
    Given the client completed the incoming payment
    When the client completes the incoming payment again
    Then the resource server refuses the request
