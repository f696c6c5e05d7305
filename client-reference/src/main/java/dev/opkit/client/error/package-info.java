/**
 * The typed failures of Open Payments calls: error answers, transport failures and responses that
 * break the specs.
 */
package dev.opkit.client.error;
