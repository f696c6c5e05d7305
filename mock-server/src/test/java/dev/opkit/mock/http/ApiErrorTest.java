package dev.opkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.http.ApiError.Surface;
import dev.opkit.mock.profile.BehaviourProfile;
import dev.opkit.mock.profile.BehaviourProfile.ResourceErrorCodes;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

  @Test
  void exceptionWhenFixedStatusThenStatusCodeAndDescriptionFromTheEntry() {
    ApiException e = ApiError.TOO_FAST.exception(5, "2026-01-01T00:00:05Z", "2026-01-01T00:00:01Z");

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("too_fast");
    assertThat(e.error()).contains(ApiError.TOO_FAST);
    assertThat(e.description())
        .isEqualTo(
            "continued too fast: wait 5 s (continue.wait) after the grant response or the previous"
                + " continuation; the next one is allowed at 2026-01-01T00:00:05Z (sandbox clock"
                + " now 2026-01-01T00:00:01Z)");
  }

  @Test
  void exceptionWhenDescriptionHoldsPercentSignsThenKeptVerbatim() {
    assertThat(ApiError.INVALID_REQUEST.exception("100% of 5%d").description())
        .isEqualTo("100% of 5%d");
  }

  @Test
  void exceptionWhenStatusFollowsProfileThenEachProfileAnswersItsOwn() {
    assertThat(ApiError.INACTIVE_TOKEN.exception(BehaviourProfile.RAFIKI, "gone").status())
        .isEqualTo(403);
    assertThat(ApiError.INACTIVE_TOKEN.exception(BehaviourProfile.STRICT, "gone").status())
        .isEqualTo(401);
    ApiException rafiki = ApiError.UNKNOWN_RESOURCE.exception(BehaviourProfile.RAFIKI, "no such");
    ApiException strict = ApiError.UNKNOWN_RESOURCE.exception(BehaviourProfile.STRICT, "no such");
    assertThat(rafiki.status()).isEqualTo(401);
    assertThat(rafiki.code()).isEqualTo("unauthorized");
    assertThat(strict.status()).isEqualTo(404);
    assertThat(strict.code()).isEqualTo("not_found");
  }

  @Test
  void exceptionWhenStatusFollowsProfileButNoneGivenThenRefused() {
    assertThatThrownBy(() -> ApiError.UNKNOWN_RESOURCE.exception("no such"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void wireCodeWhenResourceServerThenTheProfileDecidesElsewhereAlwaysTheName() {
    assertThat(ApiError.wireCode("limit_exceeded", 403, Surface.RESOURCE, ResourceErrorCodes.NAMED))
        .isEqualTo("limit_exceeded");
    assertThat(
            ApiError.wireCode(
                "limit_exceeded", 403, Surface.RESOURCE, ResourceErrorCodes.HTTP_STATUS))
        .isEqualTo("403");
    assertThat(ApiError.wireCode("too_fast", 400, Surface.AUTH, ResourceErrorCodes.HTTP_STATUS))
        .isEqualTo("too_fast");
    assertThat(ApiError.wireCode("conflict", 409, Surface.ADMIN, ResourceErrorCodes.HTTP_STATUS))
        .isEqualTo("conflict");
  }

  @Test
  void surfaceWhenPathThenByItsFirstSegment() {
    assertThat(Surface.of("/admin/sessions/x/clock")).isEqualTo(Surface.ADMIN);
    assertThat(Surface.of("/auth/0b3f…/continue/1")).isEqualTo(Surface.AUTH);
    assertThat(Surface.of("/incoming-payments")).isEqualTo(Surface.RESOURCE);
    assertThat(Surface.of("/alice")).isEqualTo(Surface.RESOURCE);
  }

  @Test
  void everyEntryWhenMadeThenAnErrorStatusAndASnakeCaseCode() {
    for (ApiError error : ApiError.values()) {
      // Format ignores arguments beyond the template's placeholders.
      Object[] args = new Object[8];
      Arrays.fill(args, "x");
      ApiException e =
          error.statusFollowsProfile()
              ? error.exception(BehaviourProfile.STRICT, args)
              : error.exception(args);
      assertThat(e.status()).as(error.name()).isBetween(400, 599);
      assertThat(e.code()).as(error.name()).matches("[a-z]+(_[a-z]+)*");
      assertThat(e.description()).as(error.name()).isNotBlank().doesNotContain("%s");
    }
  }

  @Test
  void withDetailsWhenAddedThenTheEntryAndStatusStay() {
    ApiException e =
        ApiError.LIMIT_EXCEEDED.exception("over").withDetails(Map.of("limit", "debitAmount"));

    assertThat(e.error()).contains(ApiError.LIMIT_EXCEEDED);
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.details()).containsEntry("limit", "debitAmount");
  }
}
