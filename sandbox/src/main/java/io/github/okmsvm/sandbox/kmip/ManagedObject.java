package io.github.okmsvm.sandbox.kmip;

import io.github.okmsvm.core.kmip.ObjectType;
import io.github.okmsvm.core.kmip.ResultReason;
import io.github.okmsvm.core.kmip.Tag;
import io.github.okmsvm.core.kmip.Ttlv;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One KMIP managed object of a sandbox OKMS: its material and its attributes, kept as KMIP 1.x attributes so Get
 * Attributes and Locate read exactly what was set. Guarded by the store that holds it.
 */
final class ManagedObject {
  static final String UNIQUE_IDENTIFIER = "Unique Identifier";
  static final String OBJECT_TYPE = "Object Type";
  static final String ALGORITHM = "Cryptographic Algorithm";
  static final String LENGTH = "Cryptographic Length";
  static final String USAGE_MASK = "Cryptographic Usage Mask";
  static final String STATE = "State";
  static final String INITIAL_DATE = "Initial Date";
  static final String ACTIVATION_DATE = "Activation Date";
  static final String DEACTIVATION_DATE = "Deactivation Date";
  static final String LAST_CHANGE_DATE = "Last Change Date";
  static final String NAME = "Name";
  static final String OBJECT_GROUP = "Object Group";
  static final String LINK = "Link";
  static final String REVOCATION_REASON = "Revocation Reason";
  static final String SECRET_DATA_TYPE = "Secret Data Type";

  /** Set by the server only: a client that adds one gets Permission Denied, as KMIP 1.4 §3 marks them. */
  static final Set<String> SERVER_ONLY = Set.of(UNIQUE_IDENTIFIER, OBJECT_TYPE, STATE,
      INITIAL_DATE, DEACTIVATION_DATE, LAST_CHANGE_DATE, REVOCATION_REASON, LINK);
  /** What a client may give in a template besides custom {@code x-} attributes. */
  static final Set<String> CLIENT_SETTABLE = Set.of(ALGORITHM, LENGTH, USAGE_MASK, NAME, OBJECT_GROUP,
      ACTIVATION_DATE, SECRET_DATA_TYPE);
  /** Attributes an object may hold several instances of (KMIP 1.4 §3: "multiple instances permitted"). */
  private static final Set<String> MULTI_INSTANCE = Set.of(NAME, OBJECT_GROUP, LINK);

  final String id;
  final ObjectType type;
  final byte[] material;
  private final Map<String, List<Ttlv>> attributes = new LinkedHashMap<>();

  ManagedObject(String id, ObjectType type, byte[] material, Instant now) {
    this.id = id;
    this.type = type;
    this.material = material.clone();
    Instant second = now.truncatedTo(ChronoUnit.SECONDS);
    put(UNIQUE_IDENTIFIER, Ttlv.text(Tag.ATTRIBUTE_VALUE, id));
    put(OBJECT_TYPE, Ttlv.enumeration(Tag.ATTRIBUTE_VALUE, type.code()));
    put(INITIAL_DATE, Ttlv.dateTime(Tag.ATTRIBUTE_VALUE, second));
    put(LAST_CHANGE_DATE, Ttlv.dateTime(Tag.ATTRIBUTE_VALUE, second));
    put(STATE, Ttlv.enumeration(Tag.ATTRIBUTE_VALUE, ObjectState.PRE_ACTIVE.code));
  }

  ObjectState state() {
    int code = attributes.get(STATE).get(0).asInt();
    for (ObjectState state : ObjectState.values()) {
      if (state.code == code) {
        return state;
      }
    }
    throw new IllegalStateException("unknown state " + code);
  }

  void moveTo(ObjectState state, Instant now) {
    put(STATE, Ttlv.enumeration(Tag.ATTRIBUTE_VALUE, state.code));
    touch(now);
  }

  void touch(Instant now) {
    put(LAST_CHANGE_DATE, Ttlv.dateTime(Tag.ATTRIBUTE_VALUE, now.truncatedTo(ChronoUnit.SECONDS)));
  }

  /** Replaces every instance of {@code name} with {@code value}. */
  void put(String name, Ttlv value) {
    List<Ttlv> values = new ArrayList<>();
    values.add(value);
    attributes.put(name, values);
  }

  /** Adds an instance the client asked for: a second instance only where KMIP allows several. */
  void add(String name, Ttlv value) {
    List<Ttlv> values = attributes.computeIfAbsent(name, ignored -> new ArrayList<>());
    if (!values.isEmpty() && !MULTI_INSTANCE.contains(name) && !name.startsWith("x-")) {
      throw new KmipFailure(ResultReason.ILLEGAL_OPERATION, "object " + id + " already has its single "
          + name + "; an object holds one");
    }
    values.add(value);
  }

  int integer(String name) {
    return attributes.get(name).get(0).asInt();
  }

  boolean has(String name) {
    return attributes.containsKey(name);
  }

  /** Every instance as Attribute structures, with their index when there are several (KMIP 1.x encoding). */
  List<Ttlv> attributes(List<String> names) {
    List<Ttlv> answer = new ArrayList<>();
    for (String name : names.isEmpty() ? List.copyOf(attributes.keySet()) : names) {
      List<Ttlv> values = attributes.getOrDefault(name, List.of());
      for (int index = 0; index < values.size(); index++) {
        answer.add(attribute(name, index, values.get(index)));
      }
    }
    return answer;
  }

  /** Whether every attribute of {@code wanted} (Attribute structures) has an equal instance here. */
  boolean matches(List<Ttlv> wanted) {
    for (Ttlv attribute : wanted) {
      String name = attribute.required(Tag.ATTRIBUTE_NAME).asText();
      Ttlv value = attribute.first(Tag.ATTRIBUTE_VALUE).orElse(null);
      if (value == null || !attributes.getOrDefault(name, List.of()).contains(value)) {
        return false;
      }
    }
    return true;
  }

  static Ttlv attribute(String name, int index, Ttlv value) {
    List<Ttlv> parts = new ArrayList<>();
    parts.add(Ttlv.text(Tag.ATTRIBUTE_NAME, name));
    if (index > 0) {
      parts.add(Ttlv.integer(Tag.ATTRIBUTE_INDEX, index));
    }
    parts.add(new Ttlv(Tag.ATTRIBUTE_VALUE, value.type(), value.value()));
    return Ttlv.structure(Tag.ATTRIBUTE, parts);
  }

  /** The object as Get returns it: Raw key material for a key, Opaque for secret data (KMIP 1.4 §2.2). */
  Ttlv toTtlv() {
    if (type == ObjectType.SYMMETRIC_KEY) {
      return Ttlv.structure(Tag.SYMMETRIC_KEY, Ttlv.structure(Tag.KEY_BLOCK,
          Ttlv.enumeration(Tag.KEY_FORMAT_TYPE, KeyFormat.RAW),
          Ttlv.structure(Tag.KEY_VALUE, Ttlv.bytes(Tag.KEY_MATERIAL, material)),
          Ttlv.enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, integer(ALGORITHM)),
          Ttlv.integer(Tag.CRYPTOGRAPHIC_LENGTH, integer(LENGTH))));
    }
    return Ttlv.structure(Tag.SECRET_DATA, Ttlv.enumeration(Tag.SECRET_DATA_TYPE, integer(SECRET_DATA_TYPE)),
        Ttlv.structure(Tag.KEY_BLOCK, Ttlv.enumeration(Tag.KEY_FORMAT_TYPE, KeyFormat.OPAQUE),
            Ttlv.structure(Tag.KEY_VALUE, Ttlv.bytes(Tag.KEY_MATERIAL, material))));
  }

  /** The Key Format Types (1.4 §9.1.3.2.3) the sandbox serves. */
  static final class KeyFormat {
    static final int RAW = 0x01;
    static final int OPAQUE = 0x02;

    private KeyFormat() {}
  }
}
