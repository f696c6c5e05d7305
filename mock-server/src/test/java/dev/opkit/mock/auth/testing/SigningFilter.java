package dev.opkit.mock.auth.testing;

import dev.opkit.protocol.signature.RequestSigner;
import dev.opkit.protocol.signature.SignedHeaders;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs every REST Assured request with the protocol module's {@link RequestSigner}, as an Open
 * Payments client does: the URL as sent, the Authorization header, and a body with Content-Digest.
 * Bodies must be strings (sent as UTF-8).
 */
public final class SigningFilter implements Filter {
  private final RequestSigner signer;

  public SigningFilter(RequestSigner signer) {
    this.signer = signer;
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext context) {
    Object body = request.getBody();
    byte[] bytes = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    if (request.getHeaders().hasHeaderWithName("Authorization")) {
      headers.put("Authorization", request.getHeaders().getValue("Authorization"));
    }
    if (bytes != null && bytes.length > 0) {
      headers.put("Content-Type", request.getContentType());
    }
    SignedHeaders signed = signer.sign(request.getMethod(), request.getURI(), headers, bytes);
    signed.headers().forEach(request::header);
    return context.next(request, response);
  }
}
