/**
 * The {@code opm} command line (picocli): keys, wallet addresses, grants, one-off and recurring
 * payments; {@link dev.opkit.client.cli.Opm} is the entry point and {@link
 * dev.opkit.client.cli.ExitCodes} lists what it exits with.
 */
package dev.opkit.client.cli;
