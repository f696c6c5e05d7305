package dev.opkit.sandbox.admin;

import java.util.List;

/**
 * {@code GET /admin/sessions}: the sessions other than the default one.
 *
 * @param result the sessions
 * @param count how many there are
 * @param max how many may exist at once
 */
public record SessionList(List<SessionInfo> result, int count, int max) {}
