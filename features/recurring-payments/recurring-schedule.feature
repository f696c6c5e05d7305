@recurring-payments @clock @consent
Feature: The reference client's recurring schedule
  The reference client's schedule makes the guide's payments by itself: started once with the
  user's consent, then run whenever convenient (say, daily from cron). It pays each interval
  once, however often it runs, and stops when the grant is over.

  Scenario: A schedule run daily pays each monthly interval exactly once
    Given a client with its own wallet address and key
    And a sender wallet in USD holding 1000.00
    And a receiver wallet in EUR
    When the client starts a schedule of 5.00 every P1M, 3 times, and the user accepts it
    Then the schedule has made 1 payment
    When the schedule runs again in the same interval
    Then the schedule has made 1 payment
    When the next interval begins and the schedule runs
    And the next interval begins and the schedule runs
    Then the schedule has made 3 payments and is completed
    And the sender has paid 3 payments of 5.00
