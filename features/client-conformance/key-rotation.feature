@client-conformance @admin-api @consent
Feature: A client's key rotated out of its wallet address
  A client's operator rotates its signing key: the next key is listed beside the current one, then
  the current one leaves the client's own key set. A wallet then refuses what the old key signs, and
  a client that holds its next key signs with it from then on, with the grants it already has. The
  sandbox rotates the key on purpose, right after a payment; the report card says whether the
  client went on signing with the removed key.

  Background:
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet

  Scenario: After a payment the client's key leaves its key set, and its next key keeps the grant
    Given the client's operator registered a next key, which the client holds
    And the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet rotates the client's key out of its key set right after the next outgoing payment
    And a quote for sending 10.00 to it
    And the client paid the quote
    And a quote for sending 10.00 to it
    When the client pays the quote
    Then the client's key set lists its next key only
    And the wallet refused the request signed with the removed key, and served it signed with the next key
    And the outgoing payment has not failed
    And the client's report card grades "signed-with-current-key" as "passed"

  Scenario: A client that keeps signing with its removed key fails "signed with current key"
    Given the client's operator registered a next key, which the client ignores
    And the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet rotates the client's key out of its key set right after the next outgoing payment
    And a quote for sending 10.00 to it
    And the client paid the quote
    When the client pays the quote again
    And the client pays the quote again
    Then the resource server refuses the request as unauthorized
    And the client's report card grades "signed-with-current-key" as "failed"
