/**
 * The shared Jackson setup ({@link dev.opkit.protocol.json.Json}), RFC 3339 timestamps, and the
 * JavaScript-compatible JSON rules that decide whether a body survives a wallet's {@code
 * JSON.stringify(JSON.parse(body))} ({@link dev.opkit.protocol.json.CompactJson}).
 */
package dev.opkit.protocol.json;
