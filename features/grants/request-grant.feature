@auth-server @op-post-request @gnap-2
Feature: Ask for a grant without interaction
  Creating incoming payments at the receiver and quotes at the sender need no consent from a
  person: the authorization server grants them at once and answers with an access token (the
  guide's steps 2 and 4). What cannot be granted is refused with a reason.

  Background:
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet

  Scenario: An incoming-payment grant is issued at once
    When the client asks the receiver's authorization server for an incoming-payment grant
    Then a grant is issued at once
    And the answer follows the Open Payments schema
    And the access token comes with a management URL and the access that was asked for

  Scenario: A quote grant is issued at once
    When the client asks the sender's authorization server for a quote grant
    Then a grant is issued at once
    And the answer follows the Open Payments schema
    And the access token comes with a management URL and the access that was asked for

  Scenario: A grant for an unknown kind of access is refused
    When the client asks the sender's authorization server for access of the unknown type "payment-pointer"
    Then the authorization server refuses the request as invalid

  Scenario: An outgoing-payment grant without a way to ask the user is refused
    When the client asks for an outgoing-payment grant of 10.00 from the sender's wallet without offering interaction
    Then the authorization server refuses the request as invalid

  Scenario: A grant that limits both the amount sent and the amount received is refused
    When the client asks for an outgoing-payment grant limiting both the debit amount and the receive amount
    Then the authorization server refuses the request as invalid
