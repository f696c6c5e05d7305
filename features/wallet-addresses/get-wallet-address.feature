@wallet-address-server @op-get-wallet-address
Feature: Discover a wallet address
  A wallet address is the public face of an account. Anyone can read it, without a signature,
  to learn the account's asset and where its authorization server and resource server are. It is
  where every Open Payments journey starts (the guide's step 1).

  Background:
    Given a client with its own wallet address and key
    And a receiver wallet

  Scenario: A wallet address names its asset and its servers
    When the client looks up the receiver's wallet address
    Then the answer follows the Open Payments schema
    And the wallet address calls itself by the address that was looked up
    And it names an asset code and an asset scale
    And it names its authorization server and its resource server as absolute URLs

  Scenario: A wallet address that does not exist is not found
    When the client looks up a wallet address that does not exist at the receiver's provider
    Then the wallet answers that it was not found
