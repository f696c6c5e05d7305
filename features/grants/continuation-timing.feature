@auth-server @op-post-continue @gnap-5 @timing @consent
Feature: Respect the wait before continuing a grant
  A pending grant tells the client how many seconds to wait before it continues. A client that
  comes back sooner is told it is too fast.

  Scenario: Continuing before the wait is over is too fast
    Given a client with its own wallet address and key
    And a sender wallet
    And the client asked for an outgoing-payment grant of 10.00 every P1D from the sender's wallet
    And the user accepted the grant
    When the client continues the grant at once, without waiting
    Then the authorization server answers that the client is too fast
    When the wait is over and the client continues the grant with the interaction reference
    Then an access token for outgoing payments is issued
