@recurring-payments @guide @consent
Feature: The first interval of a recurring payment
  Against any wallet, without moving its clock: the guide's steps 1 to 12 within the first
  interval. The grant pays once; a second payment in the same interval is refused; the rotated
  token replaces the old one.

  Scenario: One consented grant pays the first interval, and the rotated token takes over
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet
    When the client reads the receiver's and the sender's wallet addresses
    And the client gets an incoming-payment grant from the receiver's authorization server
    And the client creates an incoming payment at the receiver without an amount
    And the client gets a quote grant from the sender's authorization server
    And the client quotes sending 1.00 to it
    And the client asks for an outgoing-payment grant of 1.00 every P1M, 12 times, from the sender's wallet
    And the user accepts the grant
    Then the hash proves the answer came from the sender's authorization server
    When the client continues the grant with the interaction reference
    And the client pays the quote
    Then the outgoing payment debits and delivers what the quote said
    When the client rotates the outgoing-payment token
    Then the old token is refused by the resource server
    And a payment of 1.00 to the receiver is refused in the same interval
