package dev.opkit.protocol.signature;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.IntegerItem;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.Parameters;
import org.greenbytes.http.sfv.ParseException;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;

/**
 * One signature's covered components and parameters: the inner list that is a {@code
 * Signature-Input} member value and the {@code @signature-params} line of the signature base (RFC
 * 9421 §2.3). Built from a received inner list it keeps the sender's parameter order, so the base
 * is rebuilt from what was sent, never from a template.
 */
public final class SignatureParameters {
  static final String KEYID = "keyid";
  static final String CREATED = "created";
  static final String EXPIRES = "expires";
  static final String ALG = "alg";
  private static final Set<String> STRING_PARAMS = Set.of(KEYID, ALG, "nonce", "tag");
  private static final Set<String> INTEGER_PARAMS = Set.of(CREATED, EXPIRES);

  private final InnerList innerList;
  private final List<String> components;

  private SignatureParameters(InnerList innerList, List<String> components) {
    this.innerList = innerList;
    this.components = components;
  }

  /**
   * The parameters an Open Payments signer sends: the components, then {@code keyid}, then {@code
   * created}; no {@code alg}, {@code expires} or {@code nonce} (as the Node SDK emits them).
   */
  public static SignatureParameters of(List<String> components, String keyId, long created) {
    if (keyId == null || keyId.isEmpty()) {
      throw new IllegalArgumentException("a signature needs a non-empty keyid");
    }
    List<Item<? extends Object>> items = new ArrayList<>();
    components.forEach(component -> items.add(StringItem.valueOf(component)));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put(KEYID, keyId);
    params.put(CREATED, created);
    return from(InnerList.valueOf(items).withParams(Parameters.valueOf(params)));
  }

  /**
   * Parses a serialised inner list such as {@code ("@method" "@target-uri");keyid="k";created=1}.
   *
   * @throws SignatureFormatException if it is not a valid inner list of component names
   */
  public static SignatureParameters parse(String serialisedInnerList) {
    try {
      return from(Parser.parseInnerList(serialisedInnerList));
    } catch (ParseException e) {
      throw new SignatureFormatException(
          "not an RFC 8941 inner list of components: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a parsed inner list: every item must be a string without parameters (component parameters
   * such as {@code ;sf} or {@code ;req} are not used by Open Payments), no component may repeat
   * (RFC 9421 §2.5), and the known parameters must have their RFC 9421 §2.3 types.
   *
   * @throws SignatureFormatException naming the offending item or parameter
   */
  static SignatureParameters from(InnerList innerList) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Item<? extends Object> item : innerList.get()) {
      if (!(item instanceof StringItem name)) {
        throw new SignatureFormatException(
            "covered components must be quoted strings like \"@method\"; got " + item.serialize());
      }
      if (!item.getParams().isEmpty()) {
        throw new SignatureFormatException(
            "component parameters are not supported: " + item.serialize());
      }
      if (!seen.add(name.get())) {
        throw new SignatureFormatException(
            "component \"" + name.get() + "\" is listed twice (RFC 9421 §2.5 forbids it)");
      }
      names.add(name.get());
    }
    innerList.getParams().forEach(SignatureParameters::checkType);
    return new SignatureParameters(innerList, List.copyOf(names));
  }

  private static void checkType(String name, Item<? extends Object> value) {
    if (STRING_PARAMS.contains(name) && !(value instanceof StringItem)) {
      throw new SignatureFormatException(
          "signature parameter " + name + " must be a quoted string; got " + value.serialize());
    }
    if (INTEGER_PARAMS.contains(name) && !(value instanceof IntegerItem)) {
      throw new SignatureFormatException(
          "signature parameter "
              + name
              + " must be an integer (UNIX seconds); got "
              + value.serialize());
    }
  }

  /** The covered component identifiers, in signing order. */
  public List<String> components() {
    return components;
  }

  /** The {@code keyid} parameter. */
  public Optional<String> keyId() {
    return stringParam(KEYID);
  }

  /** The {@code created} parameter (UNIX seconds). */
  public Optional<Long> created() {
    return integerParam(CREATED);
  }

  /** The {@code expires} parameter (UNIX seconds). */
  public Optional<Long> expires() {
    return integerParam(EXPIRES);
  }

  /** The {@code alg} parameter; Open Payments signers omit it. */
  public Optional<String> alg() {
    return stringParam(ALG);
  }

  private Optional<String> stringParam(String name) {
    return Optional.ofNullable((StringItem) innerList.getParams().get(name)).map(StringItem::get);
  }

  private Optional<Long> integerParam(String name) {
    return Optional.ofNullable((IntegerItem) innerList.getParams().get(name))
        .map(IntegerItem::getAsLong);
  }

  /**
   * The RFC 8941 serialisation: the {@code Signature-Input} member value and the value of the
   * {@code @signature-params} line.
   */
  public String serialise() {
    return innerList.serialize();
  }

  InnerList innerList() {
    return innerList;
  }

  @Override
  public String toString() {
    return serialise();
  }
}
