@auth-server @op-delete-token @gnap-6
Feature: Revoke an access token
  A client that no longer needs an access token revokes it at its management URL. From then on
  the token opens nothing.

  Background:
    Given a client with its own wallet address and key
    And a receiver wallet
    And the client holds an incoming-payment grant for the receiver's wallet

  Scenario: A revoked token is refused
    When the client revokes the incoming-payment token
    Then the wallet confirms with no content
    And the incoming-payment token is refused by the resource server
    And the revoked token can no longer be rotated
