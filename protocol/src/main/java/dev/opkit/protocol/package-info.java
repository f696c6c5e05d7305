/** Open Payments wire rules shared by the sandbox and the client. */
package dev.opkit.protocol;
