package dev.opkit.sandbox.admin;

import java.util.List;

/**
 * A named scenario of misbehaviours ({@code GET /admin/scenarios}), for {@link
 * SessionOptions#withScenario} and {@code ./kit --client}.
 *
 * @param name e.g. {@code month-3}
 * @param description what it does, for people
 * @param misbehaviours its parts
 */
public record Scenario(String name, String description, List<Misbehaviour> misbehaviours) {}
