@wallet-address-server @op-get-wallet-address-keys
Feature: Read the keys of a wallet address
  A client proves who it is by signing with a key that its own wallet address publishes. Wallets
  fetch these public keys to check every signed request.

  Background:
    Given a client with its own wallet address and key

  Scenario: The client's wallet address publishes the client's public key
    When the client reads the keys of its own wallet address
    Then the answer follows the Open Payments schema
    And the keys hold the client's key as an Ed25519 public key

  @made-to-order
  Scenario: A wallet address without keys publishes an empty set of keys
    Given a receiver wallet
    When the client reads the keys of the receiver's wallet address
    Then the answer follows the Open Payments schema
    And the set of keys is empty

  Scenario: The keys of a wallet address that does not exist are not found
    When the client reads the keys of a wallet address that does not exist at its own provider
    Then the wallet answers that it was not found
