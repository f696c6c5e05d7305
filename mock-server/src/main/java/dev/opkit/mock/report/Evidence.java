package dev.opkit.mock.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A request (or a misbehaviour's firing) a verdict rests on.
 *
 * @param sequence its number in the session's journal series ({@code GET /admin/requests/{n}} shows
 *     a signed request's entry)
 * @param method the HTTP method, or null for a firing
 * @param path the path and query, or null for a firing
 * @param status the answer's status (0: dropped), or null
 * @param note what it shows, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(long sequence, String method, String path, Integer status, String note) {}
