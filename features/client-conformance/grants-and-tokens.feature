@client-conformance @admin-api @consent
Feature: Grants and tokens from a wallet that misbehaves on purpose
  Real wallets ask clients to wait longer, replace continuation tokens, grant less than was asked
  for, let a consent page expire, and end, revoke or refuse to rotate access tokens between two
  payments. The sandbox does each of these on purpose; the client's report card says whether the
  client coped with it as the specifications require.

  Background:
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet

  Scenario: A client that continues before the longer wait is over fails "honoured wait"
    Given interactive grants ask the client to wait 30 seconds between continuations
    And the client asked for an outgoing-payment grant of 50.00 every P1M from the sender's wallet
    When the user accepts the grant
    And the client continues the grant at once, without waiting
    Then the authorization server answers that the client is too fast
    And the client's report card grades "honoured-wait" as "failed"

  Scenario: A client that waits out the longer wait passes "honoured wait"
    Given interactive grants ask the client to wait 30 seconds between continuations
    And the client asked for an outgoing-payment grant of 50.00 every P1M from the sender's wallet
    When the user accepts the grant
    And the wait is over and the client continues the grant with the interaction reference
    Then an access token for outgoing payments is issued
    And the client's report card grades "honoured-wait" as "passed"

  Scenario: When the user comes back without an interaction reference, the client does not continue
    Given the wallet sends the user back without the interaction reference
    And the client asked for an outgoing-payment grant of 50.00 every P1M from the sender's wallet
    When the user accepts the grant
    Then the user comes back without an interaction reference
    And the client's report card fails no rule

  Scenario: A client that stops after its token was revoked passes "stopped after revocation"
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet revokes the token right after the next outgoing payment
    And a quote for sending 10.00 to it
    And the client paid the quote
    And a quote for sending 10.00 to it
    When the client pays the quote
    Then the resource server refuses the request
    And the client's report card grades "stopped-after-revocation" as "passed"

  Scenario: A client that goes on paying with a revoked token fails "stopped after revocation"
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet revokes the token right after the next outgoing payment
    And a quote for sending 10.00 to it
    And the client paid the quote
    And a quote for sending 10.00 to it
    When the client pays the quote
    And the client pays the quote again
    And the client pays the quote again
    Then the client's report card grades "stopped-after-revocation" as "failed"

  Scenario: A client whose token expired early rotates it and passes "rotated expired token"
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet ends the token's lifetime right after the next outgoing payment
    And a quote for sending 10.00 to it
    And the client paid the quote
    And a quote for sending 10.00 to it
    When the client pays the quote
    And the client rotates the outgoing-payment token
    And the client pays the quote again
    Then the outgoing payment has not failed
    And the client's report card grades "rotated-expired-token" as "passed"

  Scenario: When the wallet refuses to rotate an expired token, a client that stops passes
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet ends the token's lifetime right after the next outgoing payment
    And the wallet refuses to rotate expired tokens
    And a quote for sending 10.00 to it
    And the client paid the quote
    When the client rotates the outgoing-payment token
    Then the authorization server refuses the rotation
    And the client's report card grades "rotated-expired-token" as "passed"

  Scenario: A client that uses the new continuation token passes "used the new continuation token"
    Given the wallet gives a new continuation token on every continuation
    And the client asked for an outgoing-payment grant of 50.00 every P1M from the sender's wallet
    And the user accepted the grant
    And the client continued the grant
    When the client revokes the grant
    Then the wallet confirms with no content
    And the client's report card grades "used-new-continuation-token" as "passed"

  Scenario: A grant approved with a smaller limit shows it in the token's access
    Given the wallet approves outgoing-payment grants with 50 percent of the amount asked for
    And the client asked for an outgoing-payment grant of 50.00 every P1M from the sender's wallet
    When the user accepts the grant
    And the wait is over and the client continues the grant with the interaction reference
    Then an access token for outgoing payments is issued
    And the access token allows debiting at most 25.00 from the sender

  Scenario: A client that stops when the limit is spent passes "stopped on a spent limit"
    Given the wallet approves outgoing-payment grants with 50 percent of the amount asked for
    And the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And a quote for sending 40.00 to it
    When the client pays the quote
    Then the resource server refuses the request as forbidden
    And the sender's balance is unchanged
    And the client's report card grades "stopped-on-spent-limit" as "passed"

  Scenario: A client that hammers a spent limit fails "stopped on a spent limit"
    Given the wallet approves outgoing-payment grants with 50 percent of the amount asked for
    And the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And a quote for sending 40.00 to it
    When the client pays the quote
    And the client pays the quote again
    And the client pays the quote again
    Then the client's report card grades "stopped-on-spent-limit" as "failed"

  Scenario: The wallet lowers the grant's limit after a payment, and the rotated token shows it
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet lowers the grant's limit to 50 percent right after the next outgoing payment
    And a quote for sending 10.00 to it
    And the client paid the quote
    When the client rotates the outgoing-payment token
    Then the new token allows debiting at most 25.00 from the sender

  Scenario: An interaction that expired sends the user back without an interaction reference
    Given the interaction expires before the user comes back
    And the client asked for an outgoing-payment grant of 50.00 every P1M from the sender's wallet
    When the user accepts the grant
    Then the user comes back without an interaction reference
    And the client's report card fails no rule

  Scenario: A client that goes on with the new token after a rotation passes "used the new manage URL"
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And the client rotated the outgoing-payment token
    And an open incoming payment at the receiver
    And a quote for sending 10.00 to it
    When the client pays the quote
    Then the outgoing payment has not failed
    And the client's report card grades "used-new-manage-url" as "passed"

  Scenario: A client that rotates the old token again fails "used the new manage URL"
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And the client rotated the outgoing-payment token
    When the client rotates the old token again
    Then the authorization server refuses the rotation
    And the client's report card grades "used-new-manage-url" as "failed"
