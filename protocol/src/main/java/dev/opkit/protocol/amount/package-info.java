/**
 * Exact money arithmetic: unsigned 64-bit amount values, assets, conversion between assets with an
 * explicit rounding rule, and human units ("5.00 USD").
 */
package dev.opkit.protocol.amount;
