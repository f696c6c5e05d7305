@resource-server @op-get-incoming-payment
Feature: Read an incoming payment
  The client that created an incoming payment reads all of it with its token. Anyone else who
  knows its URL sees only the public view: how much has arrived and where to ask for a grant.

  Background:
    Given a client with its own wallet address and key
    And a receiver wallet
    And an incoming payment at the receiver for 25.00

  Scenario: The client reads the whole incoming payment
    When the client reads the incoming payment with its token
    Then the answer follows the Open Payments schema
    And it is the incoming payment that was created
    And it carries the details to pay it over Interledger

  Scenario: Anyone reads the public view without a token
    When someone reads the incoming payment without a token
    Then the answer follows the Open Payments schema
    And the answer shows only what was received and the receiver's authorization server

  Scenario: An incoming payment that does not exist is not found
    When the client reads an incoming payment that does not exist at the receiver
    Then the resource server answers that it was not found
