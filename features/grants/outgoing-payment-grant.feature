@auth-server @op-post-request @op-post-continue @gnap-4
Feature: Ask the user to consent to outgoing payments
  Money leaves the sender's account only with the sender's consent. The client asks for an
  outgoing-payment grant with limits, sends the user to the wallet's consent page, and gets the
  user back with a reference and a hash that proves the answer came from the sender's
  authorization server (the guide's steps 6 to 9).

  Background:
    Given a client with its own wallet address and key
    And a sender wallet

  Scenario: The wallet asks for the user's consent before granting outgoing payments
    When the client asks for an outgoing-payment grant of 10.00 every P1D from the sender's wallet
    Then the wallet asks the user to interact before granting
    And the answer follows the Open Payments schema
    And the answer says where to send the user, gives a nonce of its own, and how to continue

  @consent
  Scenario: The user accepts the grant
    Given the client asked for an outgoing-payment grant of 10.00 every P1D from the sender's wallet
    When the user accepts the grant
    Then the user comes back with an interaction reference and a hash
    And the hash proves the answer came from the sender's authorization server
    When the client continues the grant with the interaction reference
    Then an access token for outgoing payments is issued
    And the answer follows the Open Payments schema
    And the access token carries the limits that were asked for

  @consent
  Scenario: The user rejects the grant
    Given the client asked for an outgoing-payment grant of 10.00 every P1D from the sender's wallet
    When the user rejects the grant
    Then the user comes back without an interaction reference
    When the client tries to continue the grant all the same
    Then continuing the grant is refused

  @made-to-order
  Scenario: A client whose wallet address has no public name cannot ask for consent
    Given a client whose wallet address has no public name
    When the client asks for an outgoing-payment grant of 10.00 every P1D from the sender's wallet
    Then the authorization server refuses the client as unknown
