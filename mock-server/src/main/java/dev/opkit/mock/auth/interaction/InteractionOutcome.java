package dev.opkit.mock.auth.interaction;

/** What the browser gets from the interaction endpoint: a redirect, or a page to read. */
public sealed interface InteractionOutcome
    permits InteractionOutcome.Redirect, InteractionOutcome.Page {

  /** 303 See Other to {@code location}, e.g. the client's finish URI. */
  record Redirect(String location) implements InteractionOutcome {}

  /** An HTML page with a status. */
  record Page(int status, String html) implements InteractionOutcome {}
}
