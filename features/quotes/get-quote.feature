@resource-server @op-get-quote
Feature: Read a quote
  The client reads back a quote it created, to show the user what a payment will cost.

  Scenario: The client reads its quote
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet
    And an open incoming payment at the receiver
    And a quote for sending 10.00 to it
    When the client reads the quote
    Then the answer follows the Open Payments schema
    And it is the quote that was created
