/**
 * Getting the user's consent for interactive grants (RFC 9635 §4): a local callback with the user's
 * browser, and a headless handler for the sandbox's consent form.
 */
package dev.opkit.client.interaction;
