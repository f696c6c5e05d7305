@recurring-payments @guide @clock @consent
Feature: Recurring payments, as the Open Payments guide makes them
  One outgoing-payment grant, consented to once and limited per interval, pays once in every
  interval: the client reads both wallet addresses (step 1), gets an incoming payment at the
  receiver (steps 2-3) and a quote at the sender (steps 4-5), asks for the grant (step 6), the user
  consents (steps 7-8), the client continues the grant (step 9) and pays (step 10). In each later
  interval it rotates the token (step 11) and pays again (step 12), as long as the grant lasts
  (step 13). The sandbox's clock moves from one interval to the next.

  Scenario Outline: <amount> <sender currency> every <interval>, <times> times, to a wallet in <receiver currency>
    Given a client with its own wallet address and key
    And a sender wallet in <sender currency> holding 1000.00
    And a receiver wallet in <receiver currency>
    # Step 1
    When the client reads the receiver's and the sender's wallet addresses
    # Steps 2 and 3
    And the client gets an incoming-payment grant from the receiver's authorization server
    And the client creates an incoming payment at the receiver without an amount
    # Steps 4 and 5
    And the client gets a quote grant from the sender's authorization server
    And the client quotes sending <amount> to it
    # Step 6
    And the client asks for an outgoing-payment grant of <amount> every <interval>, <times> times, from the sender's wallet
    # Steps 7 and 8
    And the user accepts the grant
    Then the hash proves the answer came from the sender's authorization server
    # Step 9
    When the client continues the grant with the interaction reference
    Then the access token carries the limits that were asked for
    # Step 10
    When the client pays the quote
    Then the outgoing payment debits and delivers what the quote said
    And a payment of <amount> to the receiver is refused in the same interval
    # Steps 11 and 12, repeated (step 13)
    When the client pays <amount> to the receiver in every later interval of the grant, rotating the token first
    Then the sender has paid <times> payments of <amount>
    And the receiver has received what the quotes promised
    And each interval's payment was refused a second payment
    And a payment of <amount> to the receiver is refused after the last repetition

    Examples:
      | sender currency | receiver currency | amount | interval | times |
      | USD             | EUR               | 5.00   | P1M      | 3     |
      | EUR             | USD               | 12.50  | P1W      | 4     |
      | USD             | USD               | 1.00   | PT1H     | 5     |
      | EUR             | EUR               | 20.00  | P1D      | 2     |
