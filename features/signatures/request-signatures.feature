@http-signatures @rfc9421
Feature: Every grant request and every token is used with a signed request
  The client signs each grant request, and each request that carries an access token, with its
  Ed25519 key (HTTP Message Signatures, RFC 9421, as the Open Payments SDKs profile it). The
  wallet checks the signature against the key the client's wallet address publishes, checks that
  the body is the one that was signed, and refuses anything that does not add up.

  Background:
    Given a client with its own wallet address and key
    And a sender wallet

  @op-post-request
  Scenario: A correctly signed grant request is accepted
    When the client sends a quote grant request to the sender's authorization server, signed by hand
    Then a grant is issued at once

  @op-post-request
  Scenario: A grant request whose body changed after it was signed is refused
    When the client signs a quote grant request but sends a different body
    Then the authorization server refuses the client's signature

  @op-post-request
  Scenario: A grant request with a forged signature is refused
    When the client sends a quote grant request whose signature was altered
    Then the authorization server refuses the client's signature

  @op-post-request
  Scenario: A grant request without a signature is refused
    When the client sends a quote grant request without signing it
    Then the authorization server refuses the client's signature

  @op-post-request
  Scenario: A grant request signed with a key the client does not publish is refused
    When the client sends a quote grant request signed with a key its wallet address does not publish
    Then the authorization server refuses the client as unknown

  @op-post-request
  Scenario: A signature made for another address is refused
    When the client sends a quote grant request whose signature covers another address
    Then the authorization server refuses the client's signature

  @op-create-incoming-payment
  Scenario: An access token is only accepted with a signature
    Given a receiver wallet
    And the client holds an incoming-payment grant for the receiver's wallet
    When the client creates an incoming payment with its token but without signing the request
    Then the resource server refuses the unsigned request

  @op-create-incoming-payment
  Scenario: A signature that leaves out the access token is refused
    Given a receiver wallet
    And the client holds an incoming-payment grant for the receiver's wallet
    When the client creates an incoming payment with a signature that does not cover its token
    Then the resource server refuses the request as unauthorized

  @op-post-request @should
  Scenario: A signature made long ago is refused
    When the client sends a quote grant request signed ten minutes ago
    Then the authorization server refuses the client's signature

  @op-post-request
  Scenario: A pretty-printed body is refused, as wallets running Rafiki refuse it
    When the client sends a quote grant request with a pretty-printed body, correctly signed
    Then the authorization server refuses the client's signature
    And on this project's sandbox the refusal explains that the body must be compact JSON
