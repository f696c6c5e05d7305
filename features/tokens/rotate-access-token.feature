@auth-server @op-post-token @gnap-6
Feature: Rotate an access token
  A client exchanges its access token for a new one at the token's management URL (the guide's
  step 11). The new token carries the same access; the old token and the old management URL
  stop working at once.

  Background:
    Given a client with its own wallet address and key
    And a receiver wallet
    And the client holds an incoming-payment grant for the receiver's wallet

  Scenario: A rotated token replaces the old one
    When the client rotates the incoming-payment token
    Then a new token with a new management URL is issued
    And the answer follows the Open Payments schema
    And the new token carries the same access as the old one
    And the new token creates incoming payments at the receiver
    And the old token is refused by the resource server

  Scenario: The old management URL no longer rotates
    Given the client rotated the incoming-payment token
    When the client rotates the old token again
    Then the authorization server refuses the rotation
