@auth-server @op-post-token @gnap-6 @clock
Feature: Access tokens expire
  An access token lives for the seconds its grant answer says (expires_in). After that the
  resource server refuses it, and the client rotates it for a fresh one, as a client paying once a
  month must.

  Scenario: An expired token is refused, and rotating it gives a working one
    Given a client with its own wallet address and key
    And a receiver wallet
    And the client holds an incoming-payment grant for the receiver's wallet
    When the token's lifetime has passed on the wallet's clock
    Then the incoming-payment token is refused by the resource server
    When the client rotates the incoming-payment token
    Then a new token with a new management URL is issued
    And the new token creates incoming payments at the receiver
