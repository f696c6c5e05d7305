@resource-server @op-list-incoming-payments @lists
Feature: List incoming payments page by page
  A client lists the incoming payments of a wallet address it may list, newest first, a page at a
  time. Each page tells the cursors to ask for the next or the previous page.

  Background:
    Given a client with its own wallet address and key
    And a receiver wallet
    And the client created 3 incoming payments at the receiver

  Scenario: The first page holds the newest incoming payments
    When the client lists the first 2 incoming payments of the receiver
    Then the answer follows the Open Payments schema
    And the page holds incoming payments 3 and 2, newest first
    And the page says there is a next page

  Scenario: The next page continues after the end cursor
    Given the client listed the first 2 incoming payments of the receiver
    When the client lists the next 2 incoming payments after the page's end cursor
    Then the answer follows the Open Payments schema
    And the page starts with incoming payment 1
    And the page says there is a previous page

  Scenario: Paging backwards returns the newer incoming payments
    Given the client listed the first 2 incoming payments of the receiver
    And the client listed the next 2 incoming payments after the page's end cursor
    When the client lists the 2 incoming payments before the page's start cursor
    Then the page holds incoming payments 3 and 2, newest first
