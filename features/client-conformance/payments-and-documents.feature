@client-conformance @admin-api
Feature: Payments, quotes and documents from a wallet that misbehaves on purpose
  A real wallet's quote can expire before the client pays it, the incoming payment it pays into can
  be completed or expire in the meantime, and its documents carry fields no description lists. It
  fails or answers slowly now and then, and sends a browser to a page for people. The sandbox does
  each of these on purpose; the report card grades what the client did next. (A lost answer after
  the payment was stored is in "The client's report card".)

  Background:
    Given a client with its own wallet address and key
    And a sender wallet
    And a receiver wallet

  @consent
  Scenario: A quote that expires early is refused when the client pays it, and nothing moves
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet's next quote is valid for 200 milliseconds only
    And a quote for sending 10.00 to it
    When the client pays the quote
    Then the resource server refuses the request
    And the sender's balance is unchanged

  @consent
  Scenario: A client that gets a new quote after an expired one passes "got a new quote"
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet's next quote is valid for 200 milliseconds only
    And a quote for sending 10.00 to it
    When the client pays the quote
    And the client quotes sending 10.00 to it
    And the client pays the quote
    Then the payment went through
    And the client's report card grades "requoted-after-refused-quote" as "passed"

  @consent
  Scenario: A client that pays an expired quote again fails "got a new quote"
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet's next quote is valid for 200 milliseconds only
    And a quote for sending 10.00 to it
    When the client pays the quote
    And the client pays the quote again
    Then the client's report card grades "requoted-after-refused-quote" as "failed"

  @consent
  Scenario: An incoming payment completed between quote and payment makes the payment fail
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet completes the incoming payment right after the next quote to it
    And a quote for sending 10.00 to it
    When the client pays the quote
    Then the resource server refuses the request
    And the sender's balance is unchanged

  @consent
  Scenario: An incoming payment that expires between quote and payment makes the payment fail
    Given the user granted the client outgoing payments of up to 50.00 from the sender's wallet
    And an open incoming payment at the receiver
    And the wallet lets the incoming payment expire right after the next quote to it
    And a quote for sending 10.00 to it
    When the client pays the quote
    Then the resource server refuses the request
    And the sender's balance is unchanged

  Scenario: A browser is sent to a page for people; a client asking for JSON gets the document
    Given the wallet sends browsers asking for a wallet address to a page for people
    When someone opens the sender's wallet address in a browser
    Then the wallet sends the browser to a page about that wallet address
    When the client reads the sender's wallet address
    Then the client gets the sender's wallet address document

  Scenario: A wallet that fails once answers with a server error, then serves the next request
    Given the wallet fails the next request for a wallet address with 503
    When the client reads the sender's wallet address
    Then the wallet answers with the server error 503
    When the client reads the sender's wallet address
    Then the client gets the sender's wallet address document

  Scenario: A slow wallet answers, but only after a delay
    Given the wallet takes 1 second to answer the next request for a wallet address
    When the client reads the sender's wallet address
    Then the client gets the sender's wallet address document
    And the answer took at least 1 second

  Scenario: A misbehaviour narrowed to one wallet address leaves the others alone
    Given the wallet answers requests for the receiver's wallet address with 429
    When the client reads the sender's wallet address
    Then the client gets the sender's wallet address document
    When the client looks up the receiver's wallet address
    Then the wallet asks the client to come back later

  Scenario: Documents can carry fields the client never saw
    Given the wallet adds fields the client never saw to the next wallet address document
    When the client reads the sender's wallet address
    Then the client gets the sender's wallet address document
    And the document carries fields no description lists

  Scenario: A client that goes on with a document it does not fully know passes "ignored unknown fields"
    Given the wallet adds fields the client never saw to the next wallet address document
    When the client reads the sender's wallet address
    And the client gets a quote grant from the sender's authorization server
    Then the client's report card grades "ignored-unknown-fields" as "passed"

  Scenario: A client that asks for the same document again at once fails "ignored unknown fields"
    Given the wallet adds fields the client never saw to the next wallet address document
    When the client reads the sender's wallet address
    And the client reads the sender's wallet address
    Then the client's report card grades "ignored-unknown-fields" as "failed"

  Scenario: A client that signs every request anew passes "fresh signatures"
    When the client gets a quote grant from the sender's authorization server
    And the client gets a quote grant from the sender's authorization server
    Then the client's report card grades "fresh-signatures" as "passed"

  Scenario: A client that sends an old signature fails "fresh signatures"
    When the client sends a quote grant request signed ten minutes ago
    Then the client's report card grades "fresh-signatures" as "failed"

  Scenario: A client that covers what it must sign passes "covered components"
    Given the client holds an incoming-payment grant for the receiver's wallet
    When the client creates an incoming payment at the receiver without an amount
    Then the client's report card grades "covered-components" as "passed"

  Scenario: A client whose signature leaves its token out fails "covered components"
    Given the client holds an incoming-payment grant for the receiver's wallet
    When the client creates an incoming payment with a signature that does not cover its token
    Then the client's report card grades "covered-components" as "failed"
