package dev.opkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.util.OptionalLong;

/**
 * A server's memory at one moment: resident set from {@code /proc}, and the heap and stored-object
 * counts from {@code GET /admin/stats}.
 *
 * @param residentBytes VmRSS, when the platform reports it
 * @param heapUsed heap bytes in use
 * @param heapCommitted heap bytes reserved from the operating system
 * @param stored the sandbox's {@code stored} counts as JSON
 */
record Footprint(OptionalLong residentBytes, long heapUsed, long heapCommitted, JsonNode stored) {

  /** Reads a sandbox's footprint; with {@code collect} its heap after a full collection. */
  static Footprint of(ServerProcess process, SandboxAdmin admin, boolean collect) {
    JsonNode stats = admin.stats(collect);
    return new Footprint(
        process.residentBytes(),
        stats.at("/heap/used").asLong(),
        stats.at("/heap/committed").asLong(),
        stats.get("stored"));
  }
}
