/**
 * GNAP vocabulary as Open Payments uses it (RFC 9635): error codes, access types and actions, and
 * the interaction finish hash and where the finish redirect may go.
 */
package dev.opkit.protocol.gnap;
