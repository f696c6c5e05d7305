@resource-server @op-create-outgoing-payment @clock @consent
Feature: Quotes expire
  A quote holds its price only until it expires. A payment on an expired quote is refused and the
  client asks for a new quote.

  Scenario: An expired quote cannot be paid
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet
    And the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And a quote for sending 10.00 to it
    When the quote's expiry has passed on the wallet's clock
    And the client pays the quote
    Then the resource server refuses the request
    And the sender's balance is unchanged
