package dev.opkit.mock.auth.interaction;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auth server's pages for people, rendered from Mustache templates under {@code /auth} on the
 * classpath with every value HTML-escaped.
 */
public final class HtmlPages {
  private static final String FOLDER = "/auth/";

  private final Template consent;
  private final Template message;

  public HtmlPages() {
    Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).withLoader(HtmlPages::reader);
    this.consent = compile(compiler, "consent");
    this.message = compile(compiler, "message");
  }

  /** The consent page for a view model (see {@link ConsentView}). */
  public String consent(ConsentView view) {
    return consent.execute(view.model());
  }

  /** A page that tells the person something, e.g. that the interaction is unknown. */
  public String message(String providerName, String title, List<String> paragraphs) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("providerName", providerName);
    model.put("title", title);
    model.put("paragraphs", paragraphs);
    return message.execute(model);
  }

  private static Template compile(Mustache.Compiler compiler, String name) {
    try (Reader reader = reader(name)) {
      return compiler.compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + name, e);
    }
  }

  private static Reader reader(String name) {
    InputStream in = HtmlPages.class.getResourceAsStream(FOLDER + name + ".mustache");
    if (in == null) {
      throw new IllegalStateException("template " + FOLDER + name + ".mustache is missing");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
