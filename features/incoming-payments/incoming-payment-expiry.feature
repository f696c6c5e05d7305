@resource-server @op-get-incoming-payment @op-create-quote @clock
Feature: Incoming payments expire
  An incoming payment takes payments until its expiry time. After that it is expired and nothing
  can be paid into it.

  Scenario: An expired incoming payment takes no more payments
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet
    And an incoming payment at the receiver for 25.00 that expires in 1 hour
    When 2 hours pass on the wallet's clock
    Then a quote to pay it is refused
