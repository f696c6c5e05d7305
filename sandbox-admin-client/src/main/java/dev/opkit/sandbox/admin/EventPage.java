package dev.opkit.sandbox.admin;

import java.util.List;

/**
 * A page of events.
 *
 * @param result the events, oldest first
 * @param next the sequence to ask after for the next page
 * @param hasMore whether there are more now
 */
public record EventPage(List<AdminEvent> result, long next, boolean hasMore) {}
