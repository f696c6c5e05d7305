package dev.opkit.client;

/**
 * A success answer to one call, not yet parsed.
 *
 * @param endpoint the operation called
 * @param url the URL the request went to
 * @param status the 2xx status
 * @param body the body text, empty when there is none
 */
record Answer(Endpoint endpoint, String url, int status, String body) {}
