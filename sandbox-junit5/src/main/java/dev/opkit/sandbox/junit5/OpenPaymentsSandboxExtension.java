package dev.opkit.sandbox.junit5;

import dev.opkit.sandbox.admin.Misbehaviour;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The Open Payments sandbox for JUnit 5: one in-process sandbox per JVM (or per class) on free
 * loopback ports, and a session of its own for every test (or class), made in one admin request
 * (with the client identity when the test asks for one) and deleted afterwards, so tests run in
 * parallel without seeing each other's wallets, grants, clock or journal. Declared with {@link
 * OpenPaymentsSandboxTest}, or registered programmatically:
 *
 * <pre>{@code
 * @RegisterExtension
 * static OpenPaymentsSandboxExtension sandbox =
 *     OpenPaymentsSandboxExtension.newInstance().consent(Consent.AUTO_ACCEPT).build();
 * }</pre>
 *
 * <p>Injects {@link SandboxRuntime}, {@link SessionClock}, {@link SandboxClientIdentity}, {@link
 * ConsentDriver} and the session's {@link SandboxAdmin} on ase1 into test and lifecycle methods.
 */
public final class OpenPaymentsSandboxExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(OpenPaymentsSandboxExtension.class);
  private static final String SANDBOX = "sandbox";
  private static final String SESSION = "session";
  private static final int MAX_SESSION_NAME = 100;
  private static final Set<Class<?>> INJECTED =
      Set.of(
          SandboxRuntime.class,
          SessionClock.class,
          SandboxClientIdentity.class,
          ConsentDriver.class,
          SandboxAdmin.class);

  /** Null when declared: the settings then come from the test class's annotations. */
  private final SandboxSettings programmatic;

  /** Used by JUnit for {@link OpenPaymentsSandboxTest}. */
  public OpenPaymentsSandboxExtension() {
    this(null);
  }

  private OpenPaymentsSandboxExtension(SandboxSettings programmatic) {
    this.programmatic = programmatic;
  }

  /** A builder for {@code @RegisterExtension}. */
  public static Builder newInstance() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    SandboxSettings settings = settings(context);
    RunningSandbox sandbox = sandbox(context, settings);
    if (settings.sessionScope() == Scope.CLASS) {
      context
          .getStore(NAMESPACE)
          .put(
              SESSION,
              new TestSession(
                  sandbox,
                  settings,
                  name(context.getRequiredTestClass().getName()),
                  ClientDemand.ofClass(context.getRequiredTestClass())));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    SandboxSettings settings = settings(context);
    if (settings.sessionScope() == Scope.TEST) {
      // Stored in the test's own context: JUnit closes it, deleting the session, after the test.
      context
          .getStore(NAMESPACE)
          .put(
              SESSION,
              new TestSession(
                  sandbox(context, settings),
                  settings,
                  name(
                      context.getRequiredTestClass().getSimpleName()
                          + "."
                          + context.getDisplayName()),
                  ClientDemand.ofTest(
                      context.getRequiredTestClass(), context.getRequiredTestMethod())));
    }
  }

  private SandboxSettings settings(ExtensionContext context) {
    if (programmatic != null) {
      return programmatic;
    }
    Class<?> testClass = context.getRequiredTestClass();
    return SandboxSettings.of(
        AnnotationSupport.findAnnotation(testClass, OpenPaymentsSandboxTest.class).orElse(null),
        AnnotationSupport.findRepeatableAnnotations(testClass, SandboxWallet.class));
  }

  private static RunningSandbox sandbox(ExtensionContext context, SandboxSettings settings) {
    ExtensionContext owner =
        settings.sandboxScope() == Scope.JVM ? context.getRoot() : classContext(context);
    // The root store closes last, when the whole run ends; a class's store when the class ends.
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SANDBOX, key -> RunningSandbox.start(), RunningSandbox.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext at = context;
    while (at.getTestMethod().isPresent() && at.getParent().isPresent()) {
      at = at.getParent().get();
    }
    return at;
  }

  private static String name(String text) {
    return text.length() <= MAX_SESSION_NAME ? text : text.substring(0, MAX_SESSION_NAME);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestSession session = context.getStore(NAMESPACE).get(SESSION, TestSession.class);
    Class<?> type = parameter.getParameter().getType();
    if (session == null) {
      throw new ParameterResolutionException(
          "no sandbox session here: with a session per test, "
              + type.getSimpleName()
              + " can be injected into test methods and @BeforeEach/@AfterEach methods only"
              + " (ask for session = Scope.CLASS to use it in @BeforeAll)");
    }
    if (type == SandboxRuntime.class) {
      return session.runtime();
    } else if (type == SessionClock.class) {
      return session.clock();
    } else if (type == SandboxClientIdentity.class) {
      return session.client();
    } else if (type == ConsentDriver.class) {
      return session.consent();
    }
    return session.admin();
  }

  /** Settings for the programmatic form. */
  public static final class Builder {
    private Profile profile = Profile.CONFIGURED;
    private Consent consent = Consent.MANUAL;
    private Scope sandboxScope = Scope.JVM;
    private Scope sessionScope = Scope.TEST;
    private final Map<String, Object> switches = new LinkedHashMap<>();
    private final List<SandboxSettings.ProviderWallet> wallets = new ArrayList<>();
    private final List<Misbehaviour> misbehaviours = new ArrayList<>();
    private String scenario = "";

    private Builder() {}

    /** A misbehaviour every session starts with, e.g. {@code Misbehaviour.wrongFinishHash()}. */
    public Builder misbehaviour(Misbehaviour value) {
      misbehaviours.add(value);
      return this;
    }

    /** A named scenario every session starts with, e.g. {@code month-3}. */
    public Builder scenario(String name) {
      this.scenario = name;
      return this;
    }

    /** The behaviour profile of the session's providers. */
    public Builder profile(Profile value) {
      this.profile = value;
      return this;
    }

    /** One profile switch on top of the profile, e.g. {@code ("missingSignatureStatus", 401)}. */
    public Builder profileSwitch(String name, Object value) {
      switches.put(name, value);
      return this;
    }

    /** What consent pages do by themselves. */
    public Builder consent(Consent value) {
      this.consent = value;
      return this;
    }

    /** A sandbox of the class's own instead of the JVM's. */
    public Builder sandboxPerClass() {
      this.sandboxScope = Scope.CLASS;
      return this;
    }

    /** One session for the whole class instead of one per test. */
    public Builder sessionPerClass() {
      this.sessionScope = Scope.CLASS;
      return this;
    }

    /**
     * A wallet the sessions start with; once any is given they start with exactly these instead of
     * the configured ones.
     */
    public Builder wallet(String provider, NewWallet wallet) {
      wallets.add(new SandboxSettings.ProviderWallet(provider, wallet));
      return this;
    }

    public OpenPaymentsSandboxExtension build() {
      return new OpenPaymentsSandboxExtension(
          new SandboxSettings(
              profile,
              consent,
              sandboxScope,
              sessionScope,
              switches,
              wallets,
              misbehaviours,
              scenario));
    }
  }
}
