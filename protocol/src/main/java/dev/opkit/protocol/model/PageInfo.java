package dev.opkit.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Pagination state of a list response (resource-server schema {@code page-info}): the cursors of
 * the first and last items returned (absent for an empty page) and whether more items exist after
 * or before them.
 */
public record PageInfo(
    String startCursor,
    String endCursor,
    @JsonProperty(required = true) boolean hasNextPage,
    @JsonProperty(required = true) boolean hasPreviousPage) {}
