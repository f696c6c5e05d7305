@client-conformance @admin-api
Feature: The client's report card, from a wallet that misbehaves on purpose
  Real wallets answer 429, lose answers after they stored a payment, and send users back with
  redirects a client must check. The sandbox does each of these on purpose and grades what the
  client did next, rule by rule, on its report card: passed, failed, or not exercised.

  Background:
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet

  Scenario: A well-behaved client gets a card without a failed rule
    When the client reads the receiver's and the sender's wallet addresses
    Then the client's report card fails no rule
    And the client's report card grades "respected-retry-after" as "not exercised"

  Scenario: A client that comes back at once after a 429 fails "respected Retry-After"
    Given the wallet answers the next request for a wallet address with 429, asking to retry after 30 seconds
    When the client reads the sender's wallet address twice, without waiting in between
    Then the client's report card grades "respected-retry-after" as "failed"

  @consent
  Scenario: A client that looks for its payment after a lost answer passes "never paid twice"
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet loses its answer to the next outgoing payment, after storing the payment
    And a quote for sending 10.00 to it
    When the client pays the quote
    And the client lists the first 10 outgoing payments of the sender
    Then the client's report card grades "reconciled-after-lost-response" as "passed"

  @consent
  Scenario: A client that pays again blindly after a lost answer fails "never paid twice"
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet loses its answer to the next outgoing payment, after storing the payment
    And a quote for sending 10.00 to it
    When the client pays the quote
    And the client pays the quote again
    Then the client's report card grades "reconciled-after-lost-response" as "failed"

  @consent
  Scenario: A client that continues after a wrong hash fails "checked the finish hash"
    Given the wallet sends the user back with a wrong hash
    And the client asked for an outgoing-payment grant of 50.00 every P1M from the sender's wallet
    When the user accepts the grant
    And the wait is over and the client continues the grant with the interaction reference
    Then the client's report card grades "checked-finish-hash" as "failed"
