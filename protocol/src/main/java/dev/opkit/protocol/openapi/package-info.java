/**
 * The official Open Payments OpenAPI 3.1 specifications (1.3.0), bundled as classpath resources,
 * and a JSON Schema 2020-12 validator for request and response bodies against them.
 */
package dev.opkit.protocol.openapi;
