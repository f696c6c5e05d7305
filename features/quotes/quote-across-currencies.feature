@resource-server @op-create-quote
Feature: Quote across currencies
  If the sender and the receiver hold different assets, the quote converts at the wallet's rate
  and adds the wallet's fee; what the receiver is promised never rounds up. The sandbox's default
  rate is 1 USD = 0.90 EUR and its fee is 1 % of what is sent.

  Scenario: A quote converts what the sender pays into the receiver's asset
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet in another asset than the sender's
    And an open incoming payment at the receiver
    When the client quotes sending 10.00 to it
    Then the answer follows the Open Payments schema
    And the quote debits exactly 10.00 from the sender
    And the quote says what the receiver gets, in the receiver's asset

  @made-to-order
  Scenario Outline: <debit> <sender currency> sent delivers <receive> <receiver currency>
    Given a client with its own wallet address and key
    And a sender wallet in <sender currency> holding 1000.00
    And a receiver wallet in <receiver currency>
    And an open incoming payment at the receiver
    When the client quotes sending <debit> to it
    Then the answer follows the Open Payments schema
    And the quote debits exactly <debit> from the sender
    And the receiver gets exactly <receive>

    Examples:
      | sender currency | receiver currency | debit | receive |
      | USD             | EUR               | 10.10 | 9.00    |
      | EUR             | USD               | 9.09  | 10.00   |
      | USD             | USD               | 5.05  | 5.00    |
