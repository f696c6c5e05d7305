@auth-server @op-post-continue @op-delete-continue @gnap-5 @consent
Feature: Continue and revoke a grant
  After the user's consent the client continues the grant with the interaction reference and
  receives the access token, once. Revoking the grant at its continuation URL ends every token
  it issued.

  Background:
    Given a client with its own wallet address and key
    And a sender wallet
    And the client asked for an outgoing-payment grant of 10.00 every P1D from the sender's wallet
    And the user accepted the grant

  Scenario: A grant is continued once
    When the client continues the grant with the interaction reference
    Then an access token for outgoing payments is issued
    When the client continues the grant with the interaction reference again
    Then continuing the grant is refused

  Scenario: A wrong interaction reference is refused
    When the client continues the grant with an interaction reference of its own making
    Then the authorization server does not know that continuation

  Scenario: Revoking a grant ends its access token
    Given the client continued the grant
    When the client revokes the grant
    Then the wallet confirms with no content
    And the outgoing-payment token is refused by the resource server
