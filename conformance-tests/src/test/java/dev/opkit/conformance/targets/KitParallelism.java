package dev.opkit.conformance.targets;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfigurationStrategy;

/**
 * How many scenarios run at once, chosen by the target (named in {@code junit-platform.properties}
 * as Cucumber's custom parallel strategy): on a sandbox {@value #SANDBOX_PARALLELISM}, since each
 * scenario has its own wallets and two cores stay busy while scenarios wait on HTTP; on real
 * wallets {@code opkit.wallet.parallel} (default {@value WalletTarget#DEFAULT_PARALLEL}), since
 * scenarios there mostly wait for consents and a grant's {@code wait}. A setting that does not
 * parse leaves the default here; opening the target then reports it.
 */
public final class KitParallelism implements ParallelExecutionConfigurationStrategy {
  /** Scenarios at once against a sandbox. */
  public static final int SANDBOX_PARALLELISM = 4;

  @Override
  public ParallelExecutionConfiguration createConfiguration(ConfigurationParameters parameters) {
    return new Fixed(parallelism());
  }

  /** The number of scenarios that run at once for the configured target. */
  static int parallelism() {
    try {
      KitSettings settings = KitSettings.fromEnvironment();
      if (settings.target() != TargetKind.WALLET) {
        return SANDBOX_PARALLELISM;
      }
      return settings.integer(
          KitSettings.WALLET_PARALLEL, WalletTarget.DEFAULT_PARALLEL, 1, WalletTarget.MAX_PARALLEL);
    } catch (KitSetupException reportedWhenTheTargetOpens) {
      return SANDBOX_PARALLELISM;
    }
  }

  /** A pool of exactly {@code parallelism} threads, as JUnit's fixed strategy with a cap. */
  private record Fixed(int parallelism) implements ParallelExecutionConfiguration {
    @Override
    public int getParallelism() {
      return parallelism;
    }

    @Override
    public int getMinimumRunnable() {
      return parallelism;
    }

    @Override
    public int getMaxPoolSize() {
      return parallelism;
    }

    @Override
    public int getCorePoolSize() {
      return parallelism;
    }

    @Override
    public int getKeepAliveSeconds() {
      return 30;
    }

    @Override
    public Predicate<? super ForkJoinPool> getSaturatePredicate() {
      return pool -> true;
    }
  }
}
