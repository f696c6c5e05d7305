package dev.opkit.sandbox.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A wallet address a test's session starts with. Once a class declares any, its sessions start with
 * exactly the declared wallets instead of the configured ones.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(SandboxWallets.class)
public @interface SandboxWallet {
  /** Its path segment, e.g. {@code alice}. */
  String name();

  /** The provider, e.g. {@code ase1}. */
  String provider() default "ase1";

  /** The asset code. */
  String assetCode() default "USD";

  /** The asset scale. */
  int assetScale() default 2;

  /** The starting balance in the asset's smallest unit, as digits. */
  String balance() default "0";

  /** The document's publicName; empty for none. */
  String publicName() default "";
}
