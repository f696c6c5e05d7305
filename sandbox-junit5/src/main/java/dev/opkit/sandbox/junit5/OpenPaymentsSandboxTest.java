package dev.opkit.sandbox.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the Open Payments sandbox: one in-process sandbox per JVM (or per
 * class) on free loopback ports, and a session of its own for every test (or for the class),
 * deleted afterwards. Test methods and lifecycle methods may take a {@link SandboxRuntime}, a
 * {@link SessionClock}, a {@link SandboxClientIdentity}, a {@link ConsentDriver} or the session's
 * {@link dev.opkit.sandbox.admin.SandboxAdmin} on ase1.
 *
 * <pre>{@code
 * @OpenPaymentsSandboxTest(profile = Profile.RAFIKI, consent = Consent.AUTO_ACCEPT)
 * @SandboxWallet(name = "alice", balance = "10000")
 * class PaymentTest {
 *   @Test
 *   void pays(SandboxRuntime sandbox, SandboxClientIdentity client) { … }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(OpenPaymentsSandboxExtension.class)
public @interface OpenPaymentsSandboxTest {
  /** The behaviour profile of the session's providers. */
  Profile profile() default Profile.CONFIGURED;

  /** What consent pages do by themselves. */
  Consent consent() default Consent.MANUAL;

  /** One sandbox per JVM (the default) or per class. */
  Scope sandbox() default Scope.JVM;

  /** A session per test (the default) or per class. */
  Scope session() default Scope.TEST;

  /**
   * A named scenario of misbehaviours every session starts with (e.g. {@code month-3}; {@code GET
   * /admin/scenarios} lists them); none by default.
   */
  String scenario() default "";
}
